// Speed zones: crossed by their segment's route, not overlapping one another, limits within sane
// bounds. Geofences a segment names as entry or exit: they must touch that segment's route, or no
// crossing of them could ever start or end it.
import { bbox, booleanIntersects, feature, featureCollection, intersect } from '@turf/turf';
import type { Polygon } from 'geojson';
import { SANE } from './defaults.ts';
import { geometryProblems } from './geometry.ts';
import type { Course, CourseSpeedZone } from './model.ts';
import type { CourseProblem } from './problems.ts';

const usable = (p: Polygon | null | undefined): p is Polygon => !!p && geometryProblems(p, 'Polygon').length === 0;
const zoneName = (z: CourseSpeedZone) => z.name ?? 'A speed zone';

function boxesMeet(a: Polygon, b: Polygon): boolean {
  const [aw, as, ae, an] = bbox(a);
  const [bw, bs, be, bn] = bbox(b);
  return aw <= be && bw <= ae && as <= bn && bs <= an;
}

export function zoneChecks(course: Course): CourseProblem[] {
  const out: CourseProblem[] = [];
  const { min, max } = SANE.speedLimitKmh;
  const segments = new Map(course.segments.map((s) => [s.id, s]));
  for (const z of course.speedZones) {
    const ref = { collection: 'speed_limit_zones' as const, id: z.id };
    if (!(z.speed_limit_kmh >= min && z.speed_limit_kmh <= max)) {
      out.push({ severity: 'error', code: 'speed_limit_bounds', message: `${zoneName(z)}: ${z.speed_limit_kmh} km/h is outside ${min}–${max} km/h`, ref });
    }
    const route = segments.get(z.segment_id)?.route;
    if (usable(z.area) && route && route.coordinates.length >= 2 && !booleanIntersects(route, z.area)) {
      out.push({ severity: 'error', code: 'zone_not_on_route', message: `${zoneName(z)} is not crossed by the route of ${segments.get(z.segment_id)?.name ?? 'its segment'}: nobody would ever be in it`, ref, at: z.area.coordinates[0]?.[0] });
    }
  }
  const zones = course.speedZones.filter((z) => usable(z.area));
  for (let i = 0; i < zones.length; i++) {
    for (let j = i + 1; j < zones.length; j++) {
      const [a, b] = [zones[i]!, zones[j]!];
      if (!boxesMeet(a.area, b.area)) continue;
      const common = intersect(featureCollection([feature(a.area), feature(b.area)]));
      if (common) {
        const at = bbox(common);
        out.push({ severity: 'error', code: 'zones_overlap', message: `${zoneName(a)} and ${zoneName(b)} overlap: a rider inside both has two limits; join them or move one`, ref: { collection: 'speed_limit_zones', id: b.id }, at: [(at[0] + at[2]) / 2, (at[1] + at[3]) / 2] });
      }
    }
  }
  return out;
}

export function geofenceChecks(course: Course): CourseProblem[] {
  const out: CourseProblem[] = [];
  const fences = new Map(course.geofences.map((g) => [g.id, g]));
  for (const s of course.segments) {
    for (const [role, id] of [['entry', s.entry_geofence_id], ['exit', s.exit_geofence_id]] as const) {
      if (!id) continue;
      const g = fences.get(id);
      const ref = { collection: 'segments' as const, id: s.id };
      if (!g) {
        out.push({ severity: 'error', code: 'geofence_missing', message: `${s.name ?? 'A segment'} names an ${role} geofence that is not in this event`, ref });
        continue;
      }
      if (usable(g.area) && s.route && s.route.coordinates.length >= 2 && !booleanIntersects(s.route, g.area)) {
        out.push({ severity: 'error', code: 'geofence_off_route', message: `${g.name}, the ${role} of ${s.name ?? 'a segment'}, does not touch its route: no crossing could ${role === 'entry' ? 'start' : 'end'} it`, ref, at: g.area.coordinates[0]?.[0] });
      }
    }
  }
  return out;
}
