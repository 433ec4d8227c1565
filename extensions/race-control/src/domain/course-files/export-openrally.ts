// OpenRally GPX (schema v1.0.3): the roadbook file competitors' navigation apps read. Names,
// attributes and units are the schema's exactly (metric: km, km/h, metres). Two elements of our own
// namespace ride along, ignored by other readers: the segment a point belongs to and a zone's exact
// area, so that export → import gives back the same course.
import { projectOnRoute } from './geometry';
import { OPENRALLY_NS, RACE_CONTROL_NS } from './gpx';
import { coord, km, orderedPoints, ringText, type ExportCourse } from './export-shared';
import { escapeXml } from './xml';

const KIND_ELEMENT: Record<string, string> = { WPV: 'wpv', WPM: 'wpm', WPE: 'wpe', WPS: 'wps', WPC: 'wpc', WPN: 'wpn', WPP: 'wpp', DSS: 'dss', ASS: 'ass' };

export function toOpenRallyGpx(course: ExportCourse): string {
  const wpts: string[] = [];
  for (const p of orderedPoints(course)) {
    const ext: string[] = [`<openrally:distance>${km(p.km)}</openrally:distance>`];
    if (p.waypoint) {
      const w = p.waypoint;
      const radii = `${w.openRadiusMeters !== null ? ` open="${w.openRadiusMeters}"` : ''} clear="${w.toleranceMeters}"`;
      ext.push(`<openrally:${KIND_ELEMENT[w.kind]}${radii}/>`);
      ext.push(w.showCoordinates ? '<openrally:show_coordinates/>' : '<rc:hide_coordinates/>');
    }
    if (p.zoneStart) ext.push('<openrally:dz/>', `<openrally:speed>${p.zoneStart.speedLimitKmh}</openrally:speed>`, `<rc:area>${ringText(p.zoneStart.area)}</rc:area>`);
    if (p.zoneEnd) ext.push('<openrally:fz/>');
    if (p.neutralizationSeconds !== null) ext.push(`<openrally:neutralization>${p.neutralizationSeconds}</openrally:neutralization>`);
    if (p.neutralizationEnd) ext.push('<openrally:fn/>');
    ext.push(`<rc:segment>${p.route}</rc:segment>`);
    wpts.push(`  <wpt lat="${coord(p.location[1])}" lon="${coord(p.location[0])}">\n    <name>${escapeXml(p.name)}</name>\n    <extensions>${ext.join('')}</extensions>\n  </wpt>`);
  }
  const total = course.routes.reduce((sum, r) => sum + (r.coordinates.length > 1 ? projectOnRoute(r.coordinates, r.coordinates[r.coordinates.length - 1]!).km : 0), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gpx version="1.1" creator="race-control" xmlns="http://www.topografix.com/GPX/1/1" xmlns:openrally="${OPENRALLY_NS}" xmlns:rc="${RACE_CONTROL_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">`,
    `  <metadata>\n    <name>${escapeXml(course.name)}</name>\n    <extensions><openrally:units>metric</openrally:units><openrally:distance>${km(total)}</openrally:distance></extensions>\n  </metadata>`,
    ...wpts,
    ...tracks(course, true),
    '</gpx>',
    '',
  ].join('\n');
}

/** `withOurs`: the segment's target time rides along in our namespace (plain GPX declares none). */
export function tracks(course: ExportCourse, withOurs = false): string[] {
  return course.routes.map((r) => {
    const pts = r.coordinates.map((c) => `<trkpt lat="${coord(c[1])}" lon="${coord(c[0])}"/>`).join('\n      ');
    const ext = withOurs && r.targetDurationSeconds !== null ? `\n    <extensions><rc:target_duration_seconds>${r.targetDurationSeconds}</rc:target_duration_seconds></extensions>` : '';
    return `  <trk>\n    <name>${escapeXml(r.name)}</name>${r.type ? `\n    <type>${r.type}</type>` : ''}${ext}\n    <trkseg>\n      ${pts}\n    </trkseg>\n  </trk>`;
  });
}
