// A basemap that could not be reached at all is remembered for a few minutes in the tab's session
// storage, and the next map opened in that time starts on the offline style. At a bivouac without
// internet every open otherwise waited for the tiles to fail (up to six seconds when the network
// hangs rather than refuses) and then drew the map twice. Choosing the basemap in the switcher
// tries it again; a basemap that loaded a tile is forgotten.
export const REMEMBER_MS = 5 * 60_000;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
const keyOf = (basemap: string) => `race-control:basemap-failed:${basemap}`;

function store(): Store | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // storage refused (a privacy setting): nothing is remembered
  }
}

export function rememberFailure(basemap: string, words: string, now = Date.now(), s = store()): void {
  try { s?.setItem(keyOf(basemap), JSON.stringify({ at: now, words })); } catch { /* full or refused */ }
}

export function forgetFailure(basemap: string, s = store()): void {
  try { s?.removeItem(keyOf(basemap)); } catch { /* refused */ }
}

/** The notice for a basemap that failed within REMEMBER_MS, or null (try it). */
export function recentFailure(basemap: string, now = Date.now(), s = store()): string | null {
  let seen: { at?: unknown; words?: unknown } | null;
  try { seen = JSON.parse(s?.getItem(keyOf(basemap)) ?? 'null'); } catch { return null; }
  if (!seen || typeof seen.at !== 'number' || typeof seen.words !== 'string' || now - seen.at > REMEMBER_MS || now < seen.at) return null;
  const minutes = Math.round((now - seen.at) / 60_000);
  return `${seen.words} (it failed ${minutes < 1 ? 'moments' : `${minutes} min`} ago: choose ${basemap} above to try again)`;
}
