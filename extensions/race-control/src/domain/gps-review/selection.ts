// The selection: sorted unique point indices, changed by click, box, lasso, a time range on the
// chart or "all suspects of this kind". Shift adds, Alt takes away, otherwise the new pick replaces.
import { normalise } from './suspects';
import { indicesBetween, type ReviewTrack } from './track';

export type SelectionMode = 'replace' | 'add' | 'remove';

export const EMPTY_SELECTION = new Uint32Array(0);

export function modeOf(modifiers: { shiftKey?: boolean; altKey?: boolean }): SelectionMode {
  if (modifiers.altKey) return 'remove';
  return modifiers.shiftKey ? 'add' : 'replace';
}

export function combine(current: Uint32Array, picked: Uint32Array, mode: SelectionMode): Uint32Array {
  if (mode === 'replace') return picked;
  if (mode === 'add') return normalise([...current, ...picked]);
  const drop = new Set(picked);
  return current.filter((i) => !drop.has(i));
}

/** The points between two chart times (ms), a time range selection. */
export function timeRange(track: ReviewTrack, from: number, to: number): Uint32Array {
  const span = indicesBetween(track.t, from, to);
  if (!span) return EMPTY_SELECTION;
  const out = new Uint32Array(span[1] - span[0] + 1);
  for (let k = 0; k < out.length; k++) out[k] = span[0] + k;
  return out;
}

export function span(first: number, last: number): Uint32Array {
  const out = new Uint32Array(last - first + 1);
  for (let k = 0; k < out.length; k++) out[k] = first + k;
  return out;
}

/** What the selection's summary line says, e.g. "42 points, 06:01:52 – 06:02:33". */
export function selectionBounds(track: ReviewTrack, selection: Uint32Array): { count: number; from: number; to: number } | null {
  if (selection.length === 0) return null;
  // Earliest and latest, not first and last: an entry's trackers lie end to end in the indices.
  let [from, to] = [Infinity, -Infinity];
  for (const i of selection) [from, to] = [Math.min(from, track.t[i]!), Math.max(to, track.t[i]!)];
  return { count: selection.length, from, to };
}
