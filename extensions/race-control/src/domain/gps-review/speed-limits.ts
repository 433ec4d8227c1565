// The limits the chart draws under the speed line: a speed zone's limit while the point is inside
// the zone (gaps elsewhere, so the line starts and stops at the zone's edges), and the class's
// maximum as a flat line. Zones are found per point through a flatbush index of their boxes.
import Flatbush from 'flatbush';
import type { Polygon } from 'geojson';
import { insideRing } from './spatial-index';
import type { ReviewTrack } from './track';

export interface SpeedZone {
  name: string | null;
  speed_limit_kmh: number;
  area: Polygon;
}

function bboxOf(ring: readonly number[][]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) [x0, y0, x1, y1] = [Math.min(x0, x!), Math.min(y0, y!), Math.max(x1, x!), Math.max(y1, y!)];
  return [x0, y0, x1, y1];
}

function insidePolygon(lon: number, lat: number, area: Polygon): boolean {
  const [outer, ...holes] = area.coordinates.map((ring) => [ring.map((p) => p[0]!), ring.map((p) => p[1]!)] as const);
  if (!outer || !insideRing(lon, lat, outer[0], outer[1])) return false;
  return !holes.some(([xs, ys]) => insideRing(lon, lat, xs, ys));
}

/** The limit (km/h) in force at each point, NaN outside every zone; the lowest where zones overlap. */
export function zoneLimits(track: ReviewTrack, zones: readonly SpeedZone[]): Float32Array {
  const limits = new Float32Array(track.count).fill(NaN);
  const usable = zones.filter((z) => z.area?.coordinates?.[0]?.length);
  if (usable.length === 0) return limits;
  const index = new Flatbush(usable.length);
  for (const z of usable) index.add(...bboxOf(z.area.coordinates[0]!));
  index.finish();
  for (let i = 0; i < track.count; i++) {
    const lon = track.lon[i]!;
    const lat = track.lat[i]!;
    for (const k of index.search(lon, lat, lon, lat)) {
      const z = usable[k]!;
      if (insidePolygon(lon, lat, z.area) && !(limits[i]! <= z.speed_limit_kmh)) limits[i] = z.speed_limit_kmh;
    }
  }
  return limits;
}

/** How far over the limit the fastest point of each zone pass goes: evidence for a speeding spike. */
export function overLimit(track: ReviewTrack, limits: Float32Array, i: number): number | null {
  const limit = limits[i]!;
  return Number.isNaN(limit) ? null : Math.max(0, track.speed[i]! - limit);
}
