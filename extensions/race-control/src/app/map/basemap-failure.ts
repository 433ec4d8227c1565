// What the race director reads when a basemap fails: plain words and what happens next, not
// MapLibre's "AJAXError: Failed to fetch (0): https://…" (at a bivouac the usual cause is no internet).
export function basemapFailure(basemap: string, reason: string): string {
  const status = /\((\d{3})\)/.exec(reason)?.[1];
  let why: string;
  if (status === '401' || status === '403') why = `refused the tiles (HTTP ${status}); check the basemap's URL or key in the project settings`;
  else if (status === '404') why = `has no tiles at its URL (HTTP 404); check the basemap's URL in the project settings`;
  else if (status && status.startsWith('5')) why = `had a server error (HTTP ${status})`;
  else if (/failed to fetch|networkerror|load failed|no tile answered|timed? ?out/i.test(reason)) why = 'could not be reached (no internet?)';
  else why = `did not load (${reason.replace(/^AJAXError:\s*/, '').split(/:\s*https?:/)[0]!.split(' (')[0]})`;
  return `${basemap} ${why}; showing the offline map`;
}
