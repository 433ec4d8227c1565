// The stage's course as context under a track (routes, waypoints with radii, speed zones, the
// segments' control geofences), read once per stage and drawn with the map toolkit's course layers.
import { readItems } from '@directus/sdk';
import { shallowRef } from 'vue';
import type { Course, CourseGeofence, CourseSegment, CourseSpeedZone, CourseWaypoint } from '../../../../domain/course/model';
import { useRaceControlSdk } from '../../../sdk';

type SegmentRow = Omit<CourseSegment, 'entry_geofence_id' | 'exit_geofence_id'> & {
  entry_geofence_id: CourseGeofence | null;
  exit_geofence_id: CourseGeofence | null;
  waypoints: CourseWaypoint[];
  speed_limit_zones: CourseSpeedZone[];
};

const GEOFENCE = ['id', 'name', 'kind', 'area'];

export const EMPTY_COURSE: Course = { segments: [], waypoints: [], speedZones: [], geofences: [] };

export function courseOf(rows: SegmentRow[]): Course {
  const geofences = new Map<string, CourseGeofence>();
  for (const s of rows) for (const g of [s.entry_geofence_id, s.exit_geofence_id]) if (g?.area) geofences.set(g.id, g);
  return {
    segments: rows.map((s) => ({ ...s, entry_geofence_id: s.entry_geofence_id?.id ?? null, exit_geofence_id: s.exit_geofence_id?.id ?? null })),
    waypoints: rows.flatMap((s) => s.waypoints ?? []),
    speedZones: rows.flatMap((s) => s.speed_limit_zones ?? []),
    geofences: [...geofences.values()],
  };
}

export function useStageCourse() {
  const sdk = useRaceControlSdk();
  const course = shallowRef<Course>(EMPTY_COURSE);
  async function load(stageId: string) {
    try {
      const rows = await sdk.request(readItems('segments', {
        filter: { stage_id: { _eq: stageId } },
        fields: ['id', 'sort_order', 'type', 'name', 'route', ...GEOFENCE.map((f) => `entry_geofence_id.${f}`), ...GEOFENCE.map((f) => `exit_geofence_id.${f}`),
          'waypoints.id', 'waypoints.segment_id', 'waypoints.kind', 'waypoints.name', 'waypoints.location', 'waypoints.tolerance_meters', 'waypoints.open_radius_meters',
          'speed_limit_zones.id', 'speed_limit_zones.segment_id', 'speed_limit_zones.name', 'speed_limit_zones.area', 'speed_limit_zones.speed_limit_kmh'] as never,
        limit: -1,
      }));
      course.value = courseOf(rows as unknown as SegmentRow[]);
    } catch {
      // Context only: a track without its course underneath is still reviewable.
      course.value = EMPTY_COURSE;
    }
  }
  return { course, load };
}
