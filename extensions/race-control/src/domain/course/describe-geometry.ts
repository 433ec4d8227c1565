// One line a race director reads for a geometry in a list or a form: a point as a roadbook prints
// it, a line by its length, a polygon by its area. Plain maths, no turf: the stock lists' display
// runs in the app bundle everyone downloads.
import type { Geometry, Position } from 'geojson';
import { formatLatLon } from './format.ts';

const R = 6_371_008.8; // mean Earth radius, metres (as turf)
const rad = (d: number) => (d * Math.PI) / 180;

export function haversineKm(a: Position, b: Position): number {
  const dLat = rad(b[1]! - a[1]!);
  const dLon = rad(b[0]! - a[0]!);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1]!)) * Math.cos(rad(b[1]!)) * Math.sin(dLon / 2) ** 2;
  return (2 * R * Math.asin(Math.sqrt(h))) / 1000;
}

/** Spherical ring area in m² (the method turf's `area` uses). */
function ringArea(ring: Position[]): number {
  let total = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [p1, p2, p3] = [ring[i]!, ring[i + 1]!, ring[(i + 2) % (ring.length - 1)]!];
    total += (rad(p3[0]!) - rad(p1[0]!)) * Math.sin(rad(p2[1]!));
  }
  return Math.abs((total * R * R) / 2);
}

export function describeGeometry(value: unknown): string {
  const g = (typeof value === 'string' ? safeParse(value) : value) as Geometry | null;
  if (!g || typeof g !== 'object' || !('type' in g)) return '';
  if (g.type === 'Point') return formatLatLon(g.coordinates[0]!, g.coordinates[1]!);
  if (g.type === 'LineString') {
    let km = 0;
    for (let i = 1; i < g.coordinates.length; i++) km += haversineKm(g.coordinates[i - 1]!, g.coordinates[i]!);
    return `LineString · ${km.toFixed(1)} km`;
  }
  if (g.type === 'Polygon') {
    const [outer, ...holes] = g.coordinates;
    const m2 = outer ? ringArea(outer) - holes.reduce((s, h) => s + ringArea(h), 0) : 0;
    return `Polygon · ${m2 >= 100_000 ? `${(m2 / 1e6).toFixed(1)} km²` : `${Math.round(m2).toLocaleString('en')} m²`}`;
  }
  return g.type;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
