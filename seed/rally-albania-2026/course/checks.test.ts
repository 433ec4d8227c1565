// The seed's drawn course passes every course check of the editor with no error (warnings are
// allowed: they do not block publishing). Rows get their keys as ids, as the seeder links them.
import { describe, expect, it } from 'vitest';
import { checkCourse, errorsOf } from '../../../extensions/race-control/src/domain/course/checks.ts';
import type { Course } from '../../../extensions/race-control/src/domain/course/model.ts';
import { rallyAlbaniaCourse } from './index.ts';
import type { CourseStage } from './types.ts';

export function asCourse(stage: CourseStage): Course {
  return {
    geofences: stage.geofences.map((g) => ({ id: g.key, name: g.name, kind: g.kind, area: g.area, closes_at: g.closesAt })),
    segments: stage.segments.map((s) => ({ id: s.key, sort_order: s.sortOrder, type: s.type, name: s.name, route: s.route, entry_geofence_id: s.entryGeofence, exit_geofence_id: s.exitGeofence })),
    waypoints: stage.segments.flatMap((s) => s.waypoints.map((w) => ({
      id: `${s.key}-wp-${w.sortOrder}`, segment_id: s.key, sort_order: w.sortOrder, kind: w.kind, name: w.name, location: w.location,
      tolerance_meters: w.toleranceMeters, open_radius_meters: w.openRadiusMeters, roadbook_km: w.roadbookKm,
    }))),
    speedZones: stage.segments.flatMap((s) => s.speedZones.map((z, i) => ({ id: `${s.key}-zone-${i}`, segment_id: s.key, name: z.name, area: z.area, speed_limit_kmh: z.speedLimitKmh }))),
  };
}

describe('the seed against the course checks', () => {
  for (const stage of rallyAlbaniaCourse()) {
    it(`stage ${stage.sortOrder} (${stage.name}) has no course error`, () => {
      const problems = checkCourse(asCourse(stage));
      expect(errorsOf(problems).map((p: { code: string; message: string }) => `${p.code}: ${p.message}`)).toEqual([]);
    });
  }
});
