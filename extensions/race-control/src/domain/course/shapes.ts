// Course shapes measured on the ground: a route's length, the point at a km, the km of a point, a
// radius drawn as a circle, the corridor of a speed zone. The seed and the editor share these (one
// implementation each). No relative imports: the seed loads this file under plain Node.
// All distances are kilometres unless a name says metres.
import { along, buffer, circle, kinks, length, lineSliceAlong, lineString, nearestPointOnLine, point, simplify, truncate } from '@turf/turf';
import type { LineString, Point, Polygon, Position } from 'geojson';

// 6 decimals is about 0.1 m: finer than any GPS fix, and it keeps stored rows diffable.
export const PRECISION = 6;

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export function routeKm(route: LineString): number {
  return route.coordinates.length < 2 ? 0 : length(lineString(route.coordinates));
}

export function pointAtKm(route: LineString, km: number): Point {
  return truncate(along(route, km), { precision: PRECISION }).geometry;
}

/** Where a point projects onto the route: km along it and metres off it. */
export function kmAlong(route: LineString, at: Position): { km: number; offMeters: number; index: number } {
  const nearest = nearestPointOnLine(route, point(at), { units: 'kilometers' });
  return { km: nearest.properties.location, offMeters: nearest.properties.dist * 1000, index: nearest.properties.index };
}

/** A radius drawn to scale (a waypoint's clear or open radius, a round geofence). */
export function circleArea(center: Position, radiusMeters: number, steps = 64): Polygon {
  return truncate(circle(center, radiusMeters, { steps, units: 'meters' }), { precision: PRECISION }).geometry;
}

/**
 * The corridor a speed zone polices: the route from DZ to FZ widened by `halfWidthMeters`. It must be
 * one simple ring, since PostGIS and the processor's point-in-polygon test both assume it.
 */
export function corridor(route: LineString, fromKm: number, toKm: number, halfWidthMeters = 40): Polygon {
  const slice = lineSliceAlong(route, fromKm, toKm);
  const widened = buffer(slice, halfWidthMeters, { units: 'meters', steps: 8 });
  if (!widened) throw new Error(`corridor km ${fromKm}–${toKm}: the stretch is empty; pick a DZ before the FZ`);
  // ~3 m tolerance: drops the buffer's redundant arc points without moving the edge noticeably.
  const simple = truncate(simplify(widened, { tolerance: 0.00003, highQuality: true }), { precision: PRECISION }).geometry;
  if (simple.type !== 'Polygon' || simple.coordinates.length !== 1 || kinks(simple).features.length > 0) {
    throw new Error(`corridor km ${fromKm}–${toKm} is not one simple ring; shorten the zone, narrow it or move it off a hairpin`);
  }
  return simple;
}
