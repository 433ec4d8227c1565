// Picking points on the map from a kdbush index in Web Mercator (0…1 world units), not from
// rendered features: queryRenderedFeatures only sees what is drawn at this zoom and repeats points
// across tile edges, and costs tens of ms at 30k points where the index answers in a few.
import KDBush from 'kdbush';
import { normalise } from './suspects';
import { onTheMap, type ReviewTrack } from './track';

export type LngLat = [number, number];

/** MapLibre's world is 512 px wide at zoom 0. */
const WORLD_PX = 512;

export function mercatorX(lon: number): number {
  return (lon + 180) / 360;
}

export function mercatorY(lat: number): number {
  const s = Math.sin((lat * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

export interface PointIndex {
  /** The nearest drawn point within `px` screen pixels of `at` at `zoom`, or null. */
  nearest(at: LngLat, px: number, zoom: number): number | null;
  /** Points inside the box of two corners. */
  box(a: LngLat, b: LngLat): Uint32Array;
  /** Points inside a closed ring drawn on the screen (straight on screen = straight in Mercator). */
  lasso(ring: readonly LngLat[]): Uint32Array;
}

export function buildPointIndex(track: ReviewTrack): PointIndex {
  const ids: number[] = [];
  for (let i = 0; i < track.count; i++) if (onTheMap(track, i)) ids.push(i);
  const kd = new KDBush(Math.max(ids.length, 1));
  const x = new Float64Array(ids.length);
  const y = new Float64Array(ids.length);
  ids.forEach((p, k) => {
    x[k] = mercatorX(track.lon[p]!);
    y[k] = mercatorY(track.lat[p]!);
    kd.add(x[k]!, y[k]!);
  });
  if (ids.length === 0) kd.add(-1, -1);
  kd.finish();
  const valid = (k: number) => k < ids.length;

  return {
    nearest(at, px, zoom) {
      const qx = mercatorX(at[0]);
      const qy = mercatorY(at[1]);
      let best: number | null = null;
      let bestD = Infinity;
      for (const k of kd.within(qx, qy, px / (WORLD_PX * 2 ** zoom))) {
        if (!valid(k)) continue;
        const d = (x[k]! - qx) ** 2 + (y[k]! - qy) ** 2;
        if (d < bestD || (d === bestD && ids[k]! < ids[best!]!)) [best, bestD] = [k, d];
      }
      return best === null ? null : ids[best]!;
    },
    box(a, b) {
      const [x0, x1] = [mercatorX(a[0]), mercatorX(b[0])].sort((p, q) => p - q) as [number, number];
      const [y0, y1] = [mercatorY(a[1]), mercatorY(b[1])].sort((p, q) => p - q) as [number, number];
      return normalise(kd.range(x0, y0, x1, y1).filter(valid).map((k) => ids[k]!));
    },
    lasso(ring) {
      if (ring.length < 3) return new Uint32Array(0);
      const rx = ring.map((p) => mercatorX(p[0]));
      const ry = ring.map((p) => mercatorY(p[1]));
      const hits = kd.range(Math.min(...rx), Math.min(...ry), Math.max(...rx), Math.max(...ry));
      return normalise(hits.filter((k) => valid(k) && insideRing(x[k]!, y[k]!, rx, ry)).map((k) => ids[k]!));
    },
  };
}

/** Even–odd ray casting; the ring may be open or closed. */
export function insideRing(px: number, py: number, rx: readonly number[], ry: readonly number[]): boolean {
  let inside = false;
  for (let i = 0, j = rx.length - 1; i < rx.length; j = i++) {
    const yi = ry[i]!;
    const yj = ry[j]!;
    if (yi > py !== yj > py && px < ((rx[j]! - rx[i]!) * (py - yi)) / (yj - yi) + rx[i]!) inside = !inside;
  }
  return inside;
}
