// Geometry checks the browser runs while drawing, the same ones the server's hook reports from
// PostGIS: the right type, coordinates in range, rings closed and long enough, and no self-crossing.
// turf's booleanValid accepts a bow-tie, and kinks is O(n²); an index of the edges finds crossings in
// O(n log n) and tells where they are, so the map can point at the place (self-intersections.ts).
import type { Geometry, Position } from 'geojson';
import { selfIntersections } from './self-intersections.ts';

export { selfIntersections };

export type ExpectedType = 'Point' | 'LineString' | 'Polygon';

export interface GeometryProblem {
  code: 'geometry_type' | 'coordinate_range' | 'ring_not_closed' | 'too_few_positions' | 'self_intersection' | 'missing';
  message: string;
  at?: Position;
}

function inRange([lon, lat]: Position): boolean {
  return Number.isFinite(lon) && Number.isFinite(lat) && lon! >= -180 && lon! <= 180 && lat! >= -90 && lat! <= 90;
}

function positionsOf(geometry: Geometry): Position[] {
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'LineString') return geometry.coordinates;
  if (geometry.type === 'Polygon') return geometry.coordinates.flat();
  return [];
}

export function describePosition([lon, lat]: Position): string {
  return `${Math.abs(lat!).toFixed(5)}° ${lat! >= 0 ? 'N' : 'S'} ${Math.abs(lon!).toFixed(5)}° ${lon! >= 0 ? 'E' : 'W'}`;
}

export function geometryProblems(geometry: Geometry | null | undefined, expected: ExpectedType, what = 'The shape'): GeometryProblem[] {
  if (!geometry) return [{ code: 'missing', message: `${what} has no geometry: draw it on the map` }];
  if (geometry.type !== expected) return [{ code: 'geometry_type', message: `${what} must be a ${expected}, not a ${geometry.type}` }];
  const bad = positionsOf(geometry).find((p) => !inRange(p));
  if (bad) return [{ code: 'coordinate_range', message: `${what} has a coordinate out of range (${bad.join(', ')}): longitude must be within ±180°, latitude within ±90°` }];
  if (geometry.type === 'LineString' && geometry.coordinates.length < 2) {
    return [{ code: 'too_few_positions', message: `${what} needs at least two points` }];
  }
  if (geometry.type === 'Polygon') {
    const problems: GeometryProblem[] = [];
    for (const ring of geometry.coordinates) {
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length < 4) problems.push({ code: 'too_few_positions', message: `${what} needs at least three corners` });
      else if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) problems.push({ code: 'ring_not_closed', message: `${what}'s outline is not closed`, at: first });
    }
    if (problems.length) return problems;
    const crossings = selfIntersections(geometry.coordinates);
    if (crossings.length) {
      return [{ code: 'self_intersection', message: `${what}'s outline crosses itself at ${describePosition(crossings[0]!)}${crossings.length > 1 ? ` (and ${crossings.length - 1} more places)` : ''}; redraw it as a simple shape`, at: crossings[0] }];
    }
  }
  return [];
}
