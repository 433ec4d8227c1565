// The drawn course as plain data, shaped like the Phase 2 collections (stages, segments, geofences,
// waypoints, speed_limit_zones) so a seeder can write it without reshaping. Geofences are referenced
// by `key` because their database ids do not exist until the seeder inserts them.
import type { LineString, Polygon, Point } from 'geojson';

export type GeofenceKind = 'start' | 'finish' | 'time-control' | 'passage-control' | 'checkpoint' | 'refuel' | 'bivouac' | 'parc-ferme' | 'neutralization' | 'forbidden';
export type WaypointKind = 'WPV' | 'WPM' | 'WPE' | 'WPS' | 'WPC' | 'WPN' | 'WPP' | 'DSS' | 'ASS';
export interface CourseGeofence { key: string; name: string; kind: GeofenceKind; area: Polygon; closesAt: string | null; manualVerification: boolean; retroactive: boolean }
export interface CourseWaypoint { sortOrder: number; kind: WaypointKind; name: string; location: Point; toleranceMeters: number; openRadiusMeters: number | null; roadbookKm: number; showCoordinates: boolean }
export interface CourseSpeedZone { name: string; speedLimitKmh: number; area: Polygon; fromKm: number; toKm: number }
export interface CourseSegment { key: string; sortOrder: number; type: 'liaison' | 'special-stage'; name: string; route: LineString; entryGeofence: string; exitGeofence: string; targetDurationSeconds: number | null; maxDurationSeconds: number | null; waypoints: CourseWaypoint[]; speedZones: CourseSpeedZone[] }
export interface CourseStage { key: string; sortOrder: number; name: string; role: 'prologue' | 'regular' | 'marathon' | 'super-special'; date: string; geofences: CourseGeofence[]; segments: CourseSegment[] }
