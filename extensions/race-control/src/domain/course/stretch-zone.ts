// A speed zone "from a route stretch": the race director clicks the DZ and the FZ on a segment's
// route (the roadbook gives them as places on the road, and our waypoint kinds have no DZ/FZ), each
// click snaps to the route through its segment index (route-index.ts), and the zone is the
// corridor (shapes.ts, the seed's and the editor's one implementation) of the stretch between them.
// `corridorStretch` reads a corridor's DZ, FZ and width back from its polygon, so the width of a
// zone can be changed after it was made (the zone row stores only the polygon).
import { distance, lineIntersect, lineString, point, pointToLineDistance, polygonToLine } from '@turf/turf';
import type { LineString, Polygon, Position } from 'geojson';
import { cumulativeKm, verticesInside } from './measure.ts';
import { kmAlongIndexed } from './route-index.ts';
import { corridor, pointAtKm, round } from './shapes.ts';

/** 50 m either side: a village street and its verges, with room for GPS error. */
export const DEFAULT_HALF_WIDTH_METERS = 50;
export const DEFAULT_ZONE_SPEED_KMH = 50;
/** A click further than this from every route is not a pick on a route. */
export const PICK_REACH_METERS = 300;
/** A zone shorter than this is a double click, not a stretch. */
const MIN_STRETCH_KM = 0.01;

/** A place picked on a route: its km along it, the point on the route, how far off the click was. */
export interface RouteMark { km: number; at: Position; offMeters: number }

export function markOnRoute(route: LineString, click: Position): RouteMark {
  const { km, offMeters } = kmAlongIndexed(route, click);
  return { km: round(km, 4), at: pointAtKm(route, km).coordinates, offMeters };
}

export interface StretchZone { fromKm: number; toKm: number; area: Polygon }

/** The corridor between two marks, in route order whichever was clicked first. */
export function stretchZone(route: LineString, aKm: number, bKm: number, halfWidthMeters: number): StretchZone {
  const [fromKm, toKm] = aKm <= bKm ? [aKm, bKm] : [bKm, aKm];
  if (toKm - fromKm < MIN_STRETCH_KM) throw new Error('The DZ and the FZ are the same place: pick the FZ further along the route');
  if (!(halfWidthMeters >= 1)) throw new Error('The corridor needs a width of at least 1 m either side');
  return { fromKm, toKm, area: corridor(route, fromKm, toKm, halfWidthMeters) };
}

export interface CorridorStretch { fromKm: number; toKm: number; halfWidthMeters: number }

/** km along the route where its edge `i`→`i + 1` crosses the zone's outline (or null). */
function crossingKm(route: LineString, km: number[], i: number, outline: ReturnType<typeof polygonToLine>): number | null {
  const c = route.coordinates;
  const hits = lineIntersect(lineString([c[i]!, c[i + 1]!]), outline as never).features;
  if (!hits.length) return null;
  const d = Math.min(...hits.map((h) => distance(c[i]!, h.geometry.coordinates)));
  return km[i]! + d;
}

/**
 * The DZ, FZ and half-width a corridor was cut with, read back from the polygon: the route enters
 * and leaves it a half-width before the DZ and after the FZ (the buffer's round ends), and the
 * middle of the stretch lies a half-width from the outline. Within a few metres (the corridor is
 * simplified by ~3 m). Null when the route does not run through the zone.
 */
export function corridorStretch(route: LineString, area: Polygon, km = cumulativeKm(route)): CorridorStretch | null {
  const c = route.coordinates;
  const v = verticesInside(route, area);
  if (!v) return null;
  const { first, last } = v;
  const outline = polygonToLine(area);
  const entry = first > 0 ? crossingKm(route, km, first - 1, outline) ?? km[first]! : 0;
  const exit = last < c.length - 1 ? crossingKm(route, km, last, outline) ?? km[last]! : km[c.length - 1]!;
  const middle = pointAtKm(route, (entry + exit) / 2);
  const ring = outline.type === 'Feature' ? outline.geometry : outline.features[0]!.geometry;
  const halfWidthMeters = pointToLineDistance(point(middle.coordinates), ring as LineString, { units: 'meters' });
  const fromKm = first > 0 ? entry + halfWidthMeters / 1000 : 0;
  const toKm = last < c.length - 1 ? exit - halfWidthMeters / 1000 : km[c.length - 1]!;
  if (toKm - fromKm < MIN_STRETCH_KM) return null;
  return { fromKm: round(fromKm, 4), toKm: round(toKm, 4), halfWidthMeters: Math.round(halfWidthMeters) };
}

