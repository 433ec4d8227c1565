// A small, valid course for the domain tests: a straight 8.3 km special due east along 42° N with a
// DSS, two waypoints and an ASS, a speed zone in the middle, and start/finish geofences at the ends.
// Each test breaks one thing and expects exactly that check to speak.
import type { Polygon } from 'geojson';
import type { Course, CourseWaypoint } from './model.ts';
import { circleArea, pointAtKm } from './shapes.ts';

export const ROUTE = { type: 'LineString' as const, coordinates: Array.from({ length: 101 }, (_, i) => [20 + i * 0.001, 42]) };

export function square(lon: number, lat: number, halfDeg: number): Polygon {
  return { type: 'Polygon', coordinates: [[[lon - halfDeg, lat - halfDeg], [lon + halfDeg, lat - halfDeg], [lon + halfDeg, lat + halfDeg], [lon - halfDeg, lat + halfDeg], [lon - halfDeg, lat - halfDeg]]] };
}

export const BOW_TIE: Polygon = { type: 'Polygon', coordinates: [[[19.5, 41.5], [19.6, 41.6], [19.6, 41.5], [19.5, 41.6], [19.5, 41.5]]] };

export function waypoint(id: string, sort: number, kind: CourseWaypoint['kind'], km: number, clear = 90, open: number | null = null): CourseWaypoint {
  return { id, segment_id: 'ss', sort_order: sort, kind, name: `${kind} ${sort}`, location: pointAtKm(ROUTE, km), tolerance_meters: clear, open_radius_meters: open, roadbook_km: km };
}

export function validCourse(): Course {
  return {
    segments: [{ id: 'ss', sort_order: 1, type: 'special-stage', name: 'SS1', route: ROUTE, entry_geofence_id: 'start', exit_geofence_id: 'finish' }],
    waypoints: [waypoint('dss', 1, 'DSS', 0, 200), waypoint('w1', 2, 'WPM', 2, 90, 800), waypoint('w2', 3, 'WPV', 5, 200), waypoint('ass', 4, 'ASS', ROUTE_KM, 200)],
    speedZones: [{ id: 'z1', segment_id: 'ss', name: 'Village', area: square(20.035, 42, 0.003), speed_limit_kmh: 50 }],
    geofences: [
      { id: 'start', name: 'DSS fence', kind: 'start', area: circleArea([20, 42], 300) },
      { id: 'finish', name: 'ASS fence', kind: 'finish', area: circleArea([20.1, 42], 300) },
    ],
  };
}

// The length of ROUTE (0.1° of longitude at 42° N).
export const ROUTE_KM = 8.263;
