// The bounding box of any GeoJSON geometries, for "fit to course".
import type { Bounds } from './use-race-map';

export function boundsOf(geometries: (GeoJSON.Geometry | null | undefined)[]): Bounds | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      w = Math.min(w, c[0]); e = Math.max(e, c[0]); s = Math.min(s, c[1]); n = Math.max(n, c[1]);
      return;
    }
    for (const x of c) visit(x);
  };
  for (const g of geometries) if (g && 'coordinates' in g) visit(g.coordinates);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
