// A stage's course as the editor, the checks and the server hook see it: the rows of the Phase 2
// collections (domain.md) with their database field names, so Directus items map onto it as they are.
import type { LineString, Point, Polygon } from 'geojson';

export const WAYPOINT_KINDS = ['WPV', 'WPM', 'WPE', 'WPS', 'WPC', 'WPN', 'WPP', 'DSS', 'ASS'] as const;
export type WaypointKind = (typeof WAYPOINT_KINDS)[number];

export const GEOFENCE_KINDS = ['start', 'finish', 'time-control', 'passage-control', 'checkpoint', 'refuel', 'bivouac', 'parc-ferme', 'neutralization', 'forbidden'] as const;
export type GeofenceKind = (typeof GEOFENCE_KINDS)[number];

export const SEGMENT_TYPES = ['liaison', 'special-stage', 'parc-ferme', 'neutralization'] as const;
export type SegmentType = (typeof SEGMENT_TYPES)[number];

export type Id = string;

export interface CourseSegment {
  id: Id;
  stage_id?: Id;
  sort_order: number | null;
  type: SegmentType | null;
  name: string | null;
  route: LineString | null;
  entry_geofence_id: Id | null;
  exit_geofence_id: Id | null;
}

export interface CourseWaypoint {
  id: Id;
  segment_id: Id;
  sort_order: number | null;
  kind: WaypointKind | null;
  name: string | null;
  location: Point;
  tolerance_meters: number;
  open_radius_meters: number | null;
  roadbook_km: number | null;
  show_coordinates?: boolean | null;
}

export interface CourseSpeedZone {
  id: Id;
  segment_id: Id;
  name: string | null;
  area: Polygon;
  speed_limit_kmh: number;
}

export interface CourseGeofence {
  id: Id;
  event_id?: Id;
  name: string;
  kind: GeofenceKind | null;
  area: Polygon;
  closes_at?: string | null;
}

export interface Course {
  segments: CourseSegment[];
  waypoints: CourseWaypoint[];
  speedZones: CourseSpeedZone[];
  geofences: CourseGeofence[];
}

/** The collection each kind of course object lives in; "go to" links and saves use it. */
export type CourseCollection = 'segments' | 'waypoints' | 'speed_limit_zones' | 'geofences';

export interface CourseRef {
  collection: CourseCollection;
  id: Id;
}

export function bySortOrder<T extends { sort_order: number | null }>(a: T, b: T): number {
  return (a.sort_order ?? Number.MAX_SAFE_INTEGER) - (b.sort_order ?? Number.MAX_SAFE_INTEGER);
}
