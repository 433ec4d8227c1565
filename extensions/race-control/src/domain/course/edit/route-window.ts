// Long routes are edited in windows: a drawing library's edit mode slows badly past a few thousand
// vertices (terra-draw: 4.6 s per move at 20k), and editors that re-simplify the whole line lose
// the surveyed points. Only a stretch of a few hundred vertices goes into edit mode; splicing it
// back keeps every vertex outside the stretch exactly as it was.
import type { LineString, Position } from 'geojson';

export const WINDOW_VERTICES = 300;

export interface RouteWindow { from: number; to: number; line: LineString }

/** The stretch of at most `size` vertices centred on vertex `at` (indices inclusive). */
export function windowAround(route: LineString, at: number, size = WINDOW_VERTICES): RouteWindow {
  const n = route.coordinates.length;
  const half = Math.floor(size / 2);
  const from = Math.max(0, Math.min(at - half, n - size));
  const to = Math.min(n - 1, from + size - 1);
  return { from, to, line: { type: 'LineString', coordinates: route.coordinates.slice(from, to + 1) } };
}

/** The route with the edited window put back in place of vertices `from`..`to`. */
export function spliceWindow(route: LineString, window: { from: number; to: number }, edited: Position[]): LineString {
  return { type: 'LineString', coordinates: [...route.coordinates.slice(0, window.from), ...edited, ...route.coordinates.slice(window.to + 1)] };
}
