// A stage's course as GeoJSON for the map: one collection per layer group, every feature with a
// numeric id (MapLibre's feature state needs one) and the `ref` of the object it draws, so a click
// on the map selects the object in the list. Radii are drawn to scale as circles.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { circleArea } from '../../domain/course/shapes';
import type { Course, CourseRef } from '../../domain/course/model';

export interface CourseFeatureSet {
  routes: FeatureCollection;
  zones: FeatureCollection;
  geofences: FeatureCollection;
  radii: FeatureCollection;
  waypoints: FeatureCollection;
  problems: FeatureCollection;
  /** Feature id → the object it draws, and back (for feature state). */
  refOf: Map<number, CourseRef>;
  idsOf: Map<string, number[]>;
}

export const refKey = (r: CourseRef) => `${r.collection}:${r.id}`;

export function courseFeatures(course: Course, problems: { ref: CourseRef; at?: Position; severity: string }[] = []): CourseFeatureSet {
  let next = 1;
  const refOf = new Map<number, CourseRef>();
  const idsOf = new Map<string, number[]>();
  const feature = (ref: CourseRef, geometry: Geometry, properties: Record<string, unknown>): Feature => {
    const id = next++;
    refOf.set(id, ref);
    const key = refKey(ref);
    idsOf.set(key, [...(idsOf.get(key) ?? []), id]);
    return { type: 'Feature', id, geometry, properties: { ...properties, ref: key } };
  };
  const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
  const routes = course.segments.filter((s) => s.route && s.route.coordinates.length >= 2)
    .map((s) => feature({ collection: 'segments', id: s.id }, s.route!, { type: s.type ?? 'liaison', name: s.name ?? '' }));
  const zones = course.speedZones.filter((z) => z.area).map((z) => feature({ collection: 'speed_limit_zones', id: z.id }, z.area, { speed: z.speed_limit_kmh }));
  const geofences = course.geofences.filter((g) => g.area).map((g) => feature({ collection: 'geofences', id: g.id }, g.area, { kind: g.kind ?? 'checkpoint' }));
  const radii: Feature[] = [];
  const waypoints: Feature[] = [];
  for (const w of course.waypoints) {
    if (!w.location) continue;
    const ref = { collection: 'waypoints' as const, id: w.id };
    waypoints.push(feature(ref, w.location, { kind: w.kind ?? 'WPV' }));
    if (w.tolerance_meters > 0) radii.push(feature(ref, circleArea(w.location.coordinates, w.tolerance_meters, 48), { radius: 'clear' }));
    if (w.open_radius_meters) radii.push(feature(ref, circleArea(w.location.coordinates, w.open_radius_meters, 48), { radius: 'open' }));
  }
  const problemPoints = problems.filter((p) => p.at).map((p) => feature(p.ref, { type: 'Point', coordinates: p.at! }, { severity: p.severity }));
  return { routes: fc(routes), zones: fc(zones), geofences: fc(geofences), radii: fc(radii), waypoints: fc(waypoints), problems: fc(problemPoints), refOf, idsOf };
}
