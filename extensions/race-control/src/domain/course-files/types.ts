// The course as a course file carries it, shaped like the Phase 2 collections (segments,
// waypoints, speed_limit_zones) so the importer writes it without reshaping and the exporter
// reads the rows straight in. Positions are GeoJSON order: [longitude, latitude].
export type Position = [number, number];

export type WaypointKind = 'WPV' | 'WPM' | 'WPE' | 'WPS' | 'WPC' | 'WPN' | 'WPP' | 'DSS' | 'ASS';
export type SegmentType = 'liaison' | 'special-stage' | 'parc-ferme' | 'neutralization';
export type CourseFormat = 'openrally' | 'gpx' | 'kml' | 'geojson';

/** One line of the file: a `trk`, `rte`, LineString or the roadbook's waypoint order. */
export interface CourseRoute {
  name: string;
  type: SegmentType | null;
  coordinates: Position[];
  /** Neutralization segments: the time the neutralization lasts. */
  targetDurationSeconds: number | null;
}

export interface CourseWaypoint {
  kind: WaypointKind;
  name: string;
  location: Position;
  /** Clear radius: the waypoint is validated inside it. */
  toleranceMeters: number;
  openRadiusMeters: number | null;
  roadbookKm: number | null;
  showCoordinates: boolean;
  /** Index into `routes` of the route it belongs to (the segment it is written to). */
  route: number | null;
}

export interface CourseSpeedZone {
  name: string;
  speedLimitKmh: number;
  /** The outer ring of the zone's polygon. */
  area: Position[];
  route: number | null;
}

export interface Note {
  level: 'info' | 'warning';
  text: string;
}

/** What is left out on purpose, counted for the preview ("skips 3 track points with no coordinates"). */
export interface Skipped {
  trackPoints: number;
  roadbookBoxes: number;
  simplifiedPoints: number;
}

export interface CourseFile {
  format: CourseFormat;
  routes: CourseRoute[];
  waypoints: CourseWaypoint[];
  speedZones: CourseSpeedZone[];
  notes: Note[];
  skipped: Skipped;
  /** The tolerance the routes were simplified with, in metres (0: every vertex kept). */
  toleranceMeters: number;
}

export const emptySkipped = (): Skipped => ({ trackPoints: 0, roadbookBoxes: 0, simplifiedPoints: 0 });
