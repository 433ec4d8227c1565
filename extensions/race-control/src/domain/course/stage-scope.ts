// Which geofences belong to a stage's course: geofences hang off the event, not the stage, so a
// stage takes those its segments name plus any near its routes (a refuel, a forbidden area). The
// editor and the server's publishing check use the same rule.
import type { CourseGeofence, CourseSegment } from './model.ts';

/** "Near" a route: within this many degrees of its bounding box (about 5 km at these latitudes). */
export const NEAR_DEGREES = 0.05;

export function stageGeofences(segments: CourseSegment[], geofences: CourseGeofence[]): CourseGeofence[] {
  const named = new Set(segments.flatMap((s) => [s.entry_geofence_id, s.exit_geofence_id]).filter(Boolean));
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const seg of segments) for (const [x, y] of seg.route?.coordinates ?? []) {
    w = Math.min(w, x!); e = Math.max(e, x!); s = Math.min(s, y!); n = Math.max(n, y!);
  }
  return geofences.filter((g) => {
    if (named.has(g.id)) return true;
    const ring = g.area?.coordinates?.[0] ?? [];
    return ring.some(([x, y]) => x! >= w - NEAR_DEGREES && x! <= e + NEAR_DEGREES && y! >= s - NEAR_DEGREES && y! <= n + NEAR_DEGREES);
  });
}
