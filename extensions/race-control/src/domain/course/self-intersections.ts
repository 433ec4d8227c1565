// Where a polygon's rings cross themselves or each other, fast enough to run on every vertex move of
// a 10k-vertex outline (≤ 10 ms). sweepline-intersections took ~25–41 ms on 10k vertices; its
// profile shows why: its sweep status is a plain list, and every edge that enters the sweep is tested
// (testSegmentIntersect, ~60 % of the time) against every edge still spanning the sweep's x, which on
// a ring is hundreds of edges from the far side, plus a priority queue of event objects compared
// through closures (~25 %). Here every edge's box goes into one flatbush index (a packed Hilbert
// R-tree on typed arrays) and each edge asks it only for the later edges whose boxes overlap its
// own: an outline that does not cross itself meets ~2 neighbours per edge, O(n log n) in all.
import Flatbush from 'flatbush';
import type { Position } from 'geojson';

/** Where two edges meet, or null. `touch` also counts an end lying on the other edge. */
function meet(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number, touch: boolean): Position | null {
  const rx = bx - ax, ry = by - ay, sx = dx - cx, sy = dy - cy;
  const den = rx * sy - ry * sx;
  const qx = cx - ax, qy = cy - ay;
  if (den === 0) {
    // Parallel: they meet only if collinear and overlapping (an overlap is always invalid).
    if (qx * ry - qy * rx !== 0) return null;
    const rr = rx * rx + ry * ry;
    if (rr === 0) return null;
    const t0 = (qx * rx + qy * ry) / rr;
    const t1 = t0 + (sx * rx + sy * ry) / rr;
    const lo = Math.max(0, Math.min(t0, t1)), hi = Math.min(1, Math.max(t0, t1));
    if (lo > hi || (!touch && lo === hi)) return null;
    return [ax + lo * rx, ay + lo * ry];
  }
  const t = (qx * sy - qy * sx) / den;
  const u = (qx * ry - qy * rx) / den;
  if (touch ? t < 0 || t > 1 || u < 0 || u > 1 : t <= 0 || t >= 1 || u <= 0 || u >= 1) return null;
  return [ax + t * rx, ay + t * ry];
}

/**
 * Every place where the rings cross themselves or each other ([] for a simple polygon), as PostGIS
 * judges validity: within a ring, non-neighbouring edges may not even touch; two rings may touch at
 * a point but not cross. `limit` stops at that many places (the map needs only the first).
 */
export function selfIntersections(rings: Position[][], limit = Infinity): Position[] {
  if (rings.length === 0 || rings.some((r) => r.length < 4)) return [];
  const edges = rings.reduce((n, r) => n + r.length - 1, 0);
  const xy = new Float64Array(edges * 4);
  const ringOf = new Uint32Array(edges);
  const first = new Uint32Array(rings.length);
  const index = new Flatbush(edges);
  let e = 0;
  rings.forEach((ring, r) => {
    first[r] = e;
    for (let i = 0; i < ring.length - 1; i++, e++) {
      const [x1, y1] = ring[i]!, [x2, y2] = ring[i + 1]!;
      xy[e * 4] = x1!;
      xy[e * 4 + 1] = y1!;
      xy[e * 4 + 2] = x2!;
      xy[e * 4 + 3] = y2!;
      ringOf[e] = r;
      index.add(Math.min(x1!, x2!), Math.min(y1!, y2!), Math.max(x1!, x2!), Math.max(y1!, y2!));
    }
  });
  index.finish();
  const out: Position[] = [];
  for (let a = 0; a < edges && out.length < limit; a++) {
    const ax = xy[a * 4]!, ay = xy[a * 4 + 1]!, bx = xy[a * 4 + 2]!, by = xy[a * 4 + 3]!;
    const r = ringOf[a]!;
    const ringFirst = first[r]!, ringLast = first[r]! + rings[r]!.length - 2;
    const hits = index.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), (b) => b > a);
    for (const b of hits) {
      const same = ringOf[b] === r;
      // Neighbours in a ring share a corner by construction (the closing edge neighbours the first).
      if (same && (b === a + 1 || (a === ringFirst && b === ringLast))) continue;
      const at = meet(ax, ay, bx, by, xy[b * 4]!, xy[b * 4 + 1]!, xy[b * 4 + 2]!, xy[b * 4 + 3]!, same);
      if (at) {
        out.push(at);
        if (out.length >= limit) break;
      }
    }
  }
  return out;
}
