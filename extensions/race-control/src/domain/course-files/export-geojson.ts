// GeoJSON (RFC 7946) with the collections' field names as properties, and KML with the same
// names in ExtendedData: what GIS tools and Google Earth read, and what we read back.
import { coord, type ExportCourse } from './export-shared';
import type { Position } from './types';
import { escapeXml } from './xml';

type Props = Record<string, string | number | boolean | null>;
interface Feature { type: 'Feature'; properties: Props; geometry: { type: 'Point' | 'LineString' | 'Polygon'; coordinates: unknown } }

function features(course: ExportCourse): Feature[] {
  const out: Feature[] = [];
  course.routes.forEach((r, i) => out.push({
    type: 'Feature', properties: { name: r.name, type: r.type, target_duration_seconds: r.targetDurationSeconds, segment: i },
    geometry: { type: 'LineString', coordinates: r.coordinates },
  }));
  course.waypoints.forEach((w) => out.push({
    type: 'Feature',
    properties: { name: w.name, kind: w.kind, tolerance_meters: w.toleranceMeters, open_radius_meters: w.openRadiusMeters, roadbook_km: w.roadbookKm, show_coordinates: w.showCoordinates, segment: w.route },
    geometry: { type: 'Point', coordinates: w.location },
  }));
  course.speedZones.forEach((z) => out.push({
    type: 'Feature', properties: { name: z.name, speed_limit_kmh: z.speedLimitKmh, segment: z.route },
    geometry: { type: 'Polygon', coordinates: [z.area] },
  }));
  return out;
}

export function toGeoJson(course: ExportCourse): string {
  return JSON.stringify({ type: 'FeatureCollection', generator: 'race-control', name: course.name, features: features(course) });
}

const line = (cs: readonly Position[]) => cs.map((c) => `${coord(c[0])},${coord(c[1])}`).join(' ');

export function toKml(course: ExportCourse): string {
  const placemarks = features(course).map((f) => {
    const data = Object.entries(f.properties).filter(([k, v]) => k !== 'name' && v !== null)
      .map(([k, v]) => `<Data name="${k}"><value>${escapeXml(String(v))}</value></Data>`).join('');
    const g = f.geometry;
    const geometry = g.type === 'Point' ? `<Point><coordinates>${line([g.coordinates as Position])}</coordinates></Point>`
      : g.type === 'LineString' ? `<LineString><tessellate>1</tessellate><coordinates>${line(g.coordinates as Position[])}</coordinates></LineString>`
        : `<Polygon><outerBoundaryIs><LinearRing><coordinates>${line((g.coordinates as Position[][])[0]!)}</coordinates></LinearRing></outerBoundaryIs></Polygon>`;
    return `    <Placemark><name>${escapeXml(String(f.properties.name ?? ''))}</name><ExtendedData>${data}</ExtendedData>${geometry}</Placemark>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    `  <Document><name>${escapeXml(course.name)}</name><description>Written by race control</description>`,
    ...placemarks,
    '  </Document>',
    '</kml>',
    '',
  ].join('\n');
}
