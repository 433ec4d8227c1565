// Measurements a race director reads in the inspector and the list: route lengths, a speed zone's
// stretch along its route, distances between consecutive waypoints, the roadbook km of a point.
import { bbox, booleanPointInPolygon, distance } from '@turf/turf';
import type { LineString, Polygon, Position } from 'geojson';
import { bySortOrder, type Course, type CourseSegment, type CourseWaypoint } from './model.ts';
import { kmAlong, round, routeKm } from './shapes.ts';

/** km from the route's start to each of its vertices. */
export function cumulativeKm(route: LineString): number[] {
  const out = [0];
  for (let i = 1; i < route.coordinates.length; i++) out.push(out[i - 1]! + distance(route.coordinates[i - 1]!, route.coordinates[i]!));
  return out;
}

export function segmentKm(segment: CourseSegment): number {
  return segment.route ? routeKm(segment.route) : 0;
}

export function stageKm(course: Course): number {
  return course.segments.reduce((sum, s) => sum + segmentKm(s), 0);
}

/** The roadbook km of a point: where it projects onto the route, to the metre. */
export function roadbookKm(route: LineString, at: Position): number {
  return round(kmAlong(route, at).km, 3);
}

export interface Stretch { fromKm: number; toKm: number; lengthKm: number }

/**
 * The first and last vertex of the route inside a zone and whether each vertex is, or null when the
 * route never enters it. The zone's box first: a 20k-vertex route mostly runs far from a village's zone.
 */
export function verticesInside(route: LineString, area: Polygon): { first: number; last: number; inside: Uint8Array } | null {
  const [minX, minY, maxX, maxY] = bbox(area);
  const inside = new Uint8Array(route.coordinates.length);
  let first = -1;
  let last = -1;
  route.coordinates.forEach((p, i) => {
    if (p[0]! < minX || p[0]! > maxX || p[1]! < minY || p[1]! > maxY || !booleanPointInPolygon(p, area)) return;
    inside[i] = 1;
    if (first < 0) first = i;
    last = i;
  });
  return first < 0 ? null : { first, last, inside };
}

/**
 * The stretch of the route inside a zone: from the first to the last vertex inside it (DZ to FZ).
 * Null when the route never enters the zone.
 */
export function stretchInside(route: LineString, area: Polygon, km = cumulativeKm(route)): Stretch | null {
  const v = verticesInside(route, area);
  if (!v) return null;
  let length = 0;
  for (let i = v.first + 1; i <= v.last; i++) if (v.inside[i] && v.inside[i - 1]) length += km[i]! - km[i - 1]!;
  return { fromKm: round(km[v.first]!, 3), toKm: round(km[v.last]!, 3), lengthKm: round(length, 3) };
}

/** Along-route km between each waypoint and the one before it, in sort order (first: from the start). */
export function waypointGaps(route: LineString, waypoints: CourseWaypoint[]): { id: string; km: number; gapKm: number | null }[] {
  let previous: number | null = null;
  return [...waypoints].sort(bySortOrder).map((w) => {
    const km = kmAlong(route, w.location.coordinates).km;
    const gapKm = previous === null ? null : round(km - previous, 3);
    previous = km;
    return { id: w.id, km: round(km, 3), gapKm };
  });
}
