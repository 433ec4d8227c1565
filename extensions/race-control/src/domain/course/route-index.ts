// kmAlong (shapes.ts) for many points on one long route: the same answer as turf's
// nearestPointOnLine scanning every segment, from the few segments that can be nearest. A route's
// cumulative km and a Flatbush of its segments' boxes are built once per route object (a check run
// builds its routes once), then each point looks only at the segments in a box around the nearest
// one found first. Distances are turf's (haversine, km) and ties go to the lower index, as turf's scan.
import { distance, lineString, nearestPointOnLine, point } from '@turf/turf';
import Flatbush from 'flatbush';
import type { LineString, Position } from 'geojson';

interface RouteIndex { cum: Float64Array; tree: Flatbush | null }
const indexes = new WeakMap<LineString, RouteIndex>();
const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;
/** Below this many segments a full scan is as quick as the index. */
const SMALL = 64;

function indexOf(route: LineString): RouteIndex {
  let found = indexes.get(route);
  if (found) return found;
  const c = route.coordinates;
  const cum = new Float64Array(c.length);
  for (let i = 1; i < c.length; i++) cum[i] = cum[i - 1]! + distance(point(c[i - 1]!), point(c[i]!), { units: 'kilometers' });
  let tree: Flatbush | null = null;
  if (c.length - 1 > SMALL) {
    tree = new Flatbush(c.length - 1);
    for (let i = 0; i < c.length - 1; i++) {
      const [ax, ay] = c[i]!, [bx, by] = c[i + 1]!;
      tree.add(Math.min(ax!, bx!), Math.min(ay!, by!), Math.max(ax!, bx!), Math.max(ay!, by!));
    }
    tree.finish();
  }
  found = { cum, tree };
  indexes.set(route, found);
  return found;
}

export function kmAlongIndexed(route: LineString, at: Position): { km: number; offMeters: number; index: number } {
  const { cum, tree } = indexOf(route);
  const c = route.coordinates;
  let best = { d: Infinity, km: 0, index: -1 };
  const tryAt = (i: number) => {
    const near = nearestPointOnLine(lineString([c[i]!, c[i + 1]!]), point(at), { units: 'kilometers' });
    if (near.properties.dist < best.d) best = { d: near.properties.dist, km: cum[i]! + near.properties.location, index: i + near.properties.index };
  };
  if (!tree) {
    for (let i = 0; i < c.length - 1; i++) tryAt(i);
  } else {
    const [x, y] = at as [number, number];
    tryAt(tree.neighbors(x, y, 1)[0]!);
    const bound = best.d;
    best = { d: Infinity, km: 0, index: -1 };
    // Every segment nearer than `bound` on the ground lies in this box (5 % and a hair to spare).
    const dLat = (bound / KM_PER_DEGREE) * 1.05 + 1e-9;
    const cos = Math.cos((Math.min(89.9, Math.abs(y) + dLat) * Math.PI) / 180);
    const dLon = dLat / cos;
    const candidates = tree.search(x - dLon, y - dLat, x + dLon, y + dLat).sort((a, b) => a - b);
    for (const i of candidates) tryAt(i);
  }
  return { km: best.km, offMeters: best.d * 1000, index: best.index };
}
