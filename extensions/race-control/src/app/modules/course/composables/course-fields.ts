// The fields the editor reads of each course collection (and writes back: the same names).
import type { CourseCollection } from '../../../../domain/course/model';

export const FIELDS: Record<CourseCollection, string[]> = {
  segments: ['id', 'stage_id', 'sort_order', 'type', 'name', 'route', 'entry_geofence_id', 'exit_geofence_id'],
  waypoints: ['id', 'segment_id', 'sort_order', 'kind', 'name', 'location', 'tolerance_meters', 'open_radius_meters', 'roadbook_km', 'show_coordinates'],
  speed_limit_zones: ['id', 'segment_id', 'name', 'area', 'speed_limit_kmh'],
  geofences: ['id', 'event_id', 'name', 'kind', 'area', 'closes_at'],
};

/**
 * The filter that picks one stage's rows of a collection (geofences: the whole event's, narrowed
 * later). Each names the stage only, so all four are read at once with the stage itself.
 */
export function stageFilter(collection: CourseCollection, stageId: string): Record<string, unknown> {
  if (collection === 'segments') return { stage_id: { _eq: stageId } };
  if (collection === 'geofences') return { event_id: { stages: { id: { _eq: stageId } } } };
  return { segment_id: { stage_id: { _eq: stageId } } };
}

export const NOUN: Record<CourseCollection, string> = { segments: 'route', waypoints: 'waypoint', speed_limit_zones: 'speed zone', geofences: 'geofence' };
