// The course editor's own checks (domain/course, issue 9) run on a file's course before it is
// saved, so the preview lists what the editor would: errors there block publishing the stage, not
// the import. The file's objects get stand-in ids; segment i is route i.
import { checkCourse } from '../course/checks';
import type { Course } from '../course/model';
import type { CourseFile, Note } from './types';

export function asCourse(course: Pick<CourseFile, 'routes' | 'waypoints' | 'speedZones'>): Course {
  const segment = (i: number | null) => `route-${i ?? 0}`;
  return {
    segments: course.routes.map((r, i) => ({
      id: segment(i), sort_order: i + 1, type: r.type ?? (course.waypoints.some((w) => w.route === i) ? 'special-stage' : 'liaison'),
      name: r.name, route: { type: 'LineString', coordinates: r.coordinates }, entry_geofence_id: null, exit_geofence_id: null,
    })),
    waypoints: course.waypoints.map((w, i) => ({
      id: `waypoint-${i}`, segment_id: segment(w.route), sort_order: i + 1, kind: w.kind, name: w.name, location: { type: 'Point', coordinates: w.location },
      tolerance_meters: w.toleranceMeters, open_radius_meters: w.openRadiusMeters, roadbook_km: w.roadbookKm, show_coordinates: w.showCoordinates,
    })),
    speedZones: course.speedZones.map((z, i) => ({ id: `zone-${i}`, segment_id: segment(z.route), name: z.name, area: { type: 'Polygon', coordinates: [z.area] }, speed_limit_kmh: z.speedLimitKmh })),
    geofences: [],
  };
}

/** The editor's checks as preview notes: "Course check (blocks publishing): …" or "Course check: …". */
export function courseCheckNotes(course: Pick<CourseFile, 'routes' | 'waypoints' | 'speedZones'>): Note[] {
  return checkCourse(asCourse(course)).map((p) => ({
    level: 'warning',
    text: `Course check${p.severity === 'error' ? ' (blocks publishing)' : ''}: ${p.message}.`,
  }));
}
