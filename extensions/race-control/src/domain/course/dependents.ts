// What depends on a course object, named for the delete confirmation: a geofence that a segment
// uses as its entry or exit, a segment's waypoints and speed zones.
import type { Course, CourseRef } from './model.ts';

export function dependentsOf(course: Course, ref: CourseRef): string[] {
  if (ref.collection === 'geofences') {
    return course.segments.flatMap((s) => [
      ...(s.entry_geofence_id === ref.id ? [`the entry of ${s.name ?? 'a segment'}`] : []),
      ...(s.exit_geofence_id === ref.id ? [`the exit of ${s.name ?? 'a segment'}`] : []),
    ]);
  }
  if (ref.collection === 'segments') {
    const w = course.waypoints.filter((x) => x.segment_id === ref.id).length;
    const z = course.speedZones.filter((x) => x.segment_id === ref.id).length;
    return [...(w ? [`${w} waypoint${w > 1 ? 's' : ''}`] : []), ...(z ? [`${z} speed zone${z > 1 ? 's' : ''}`] : [])];
  }
  return [];
}
