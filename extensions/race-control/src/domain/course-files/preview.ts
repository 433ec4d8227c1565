// The course as the map's import preview draws it: the same objects, routes lighter (within 3 m of
// the imported line, and at most PREVIEW_MAX_VERTICES each), so that handing a 100k-point track to
// the map does not block the page. Built in the parser's worker; what is saved keeps every vertex.
import { toGeoJson } from './export-geojson';
import { simplifyLine } from './geometry';
import type { CourseFile, Position } from './types';

export const PREVIEW_TOLERANCE_METERS = 3;
export const PREVIEW_MAX_VERTICES = 4000;

export function lighten(line: readonly Position[], max = PREVIEW_MAX_VERTICES): Position[] {
  const simple = line.length > max ? simplifyLine(line, PREVIEW_TOLERANCE_METERS) : line.slice();
  if (simple.length <= max) return simple;
  const step = Math.ceil(simple.length / max);
  return simple.filter((_, i) => i % step === 0 || i === simple.length - 1);
}

/** A GeoJSON FeatureCollection (our export's properties) of the course with lightened routes. */
export function previewGeoJson(course: CourseFile): unknown {
  return JSON.parse(toGeoJson({ name: 'preview', ...course, routes: course.routes.map((r) => ({ ...r, coordinates: lighten(r.coordinates) })) }));
}
