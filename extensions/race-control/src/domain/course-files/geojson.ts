// GeoJSON (RFC 7946): LineStrings are routes, Points waypoints, Polygons with a speed limit speed zones.
import { addArea, addLine, checkedPosition, waypointFrom, type Properties } from './properties';
import type { RawCourse } from './raw';
import { refuseNotCourse } from './refusals';
import { emptySkipped } from './types';

interface Geometry { type: string; coordinates?: unknown; geometries?: Geometry[] }

export function readGeoJson(value: unknown, fileName: string): RawCourse {
  const course: RawCourse = { format: 'geojson', routes: [], waypoints: [], zones: [], notes: [], skipped: emptySkipped(), ours: false };
  const root = value as { type?: string; features?: unknown[]; properties?: Properties; generator?: string };
  if (!root || typeof root !== 'object' || typeof root.type !== 'string') refuseNotCourse(fileName, 'JSON, but not GeoJSON: it has no "type"');
  course.ours = (root as { generator?: string }).generator === 'race-control';
  const features = root.type === 'FeatureCollection' ? (root.features ?? []) : root.type === 'Feature' ? [root] : [{ type: 'Feature', geometry: root, properties: {} }];
  features.forEach((f, i) => {
    const feature = f as { geometry?: Geometry | null; properties?: Properties | null };
    const p = feature.properties ?? {};
    const where = `feature ${i + 1}${typeof p.name === 'string' && p.name ? ` "${p.name}"` : ''}`;
    if (!feature.geometry) course.notes.push({ level: 'warning', text: `${where} has no geometry: skipped.` });
    else addGeometry(course, feature.geometry, p, `feature ${i + 1}`);
  });
  return course;
}

function addGeometry(course: RawCourse, g: Geometry | null, p: Properties, where: string): void {
  if (!g) return;
  const c = g.coordinates as unknown[];
  switch (g.type) {
    case 'Point': {
      const pos = checkedPosition(c, `The point of ${where}`);
      if (pos) course.waypoints.push(waypointFrom(p, pos));
      else course.notes.push({ level: 'warning', text: `${where} has no coordinates: skipped.` });
      break;
    }
    case 'MultiPoint': (c as unknown[]).forEach((pt, k) => addGeometry(course, { type: 'Point', coordinates: pt }, p, `${where}, point ${k + 1}`)); break;
    case 'LineString': addLine(course, p, [c as unknown[]], where); break;
    case 'MultiLineString': addLine(course, p, c as unknown[][], where); break;
    case 'Polygon': addArea(course, p, (c as unknown[][])[0] ?? [], where); break;
    case 'MultiPolygon': (c as unknown[][][]).forEach((poly) => addArea(course, p, poly[0] ?? [], where)); break;
    case 'GeometryCollection': (g.geometries ?? []).forEach((sub) => addGeometry(course, sub, p, where)); break;
    default: course.notes.push({ level: 'warning', text: `${where}: geometry "${g.type}" is not GeoJSON: skipped.` });
  }
}
