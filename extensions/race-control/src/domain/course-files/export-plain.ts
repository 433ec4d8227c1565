// Plain GPX 1.1 for any GPS (no extensions): waypoints with their kind as `type` and radii and
// roadbook km in the description; speed zones as DZ/FZ waypoints, since plain GPX has no areas.
import { tracks } from './export-openrally';
import { coord, km, orderedPoints, type ExportCourse } from './export-shared';
import { escapeXml } from './xml';

export function toPlainGpx(course: ExportCourse): string {
  const wpts = orderedPoints(course).flatMap((p) => {
    const w = p.waypoint;
    const type = w ? w.kind : p.zoneStart ? 'DZ' : p.zoneEnd ? 'FZ' : null;
    if (!type) return [];
    const desc = w
      ? `clear ${w.toleranceMeters} m${w.openRadiusMeters !== null ? `, open ${w.openRadiusMeters} m` : ''}, km ${km(p.km)}`
      : p.zoneStart ? `speed limit ${p.zoneStart.speedLimitKmh} km/h, km ${km(p.km)}` : `end of speed zone, km ${km(p.km)}`;
    return [`  <wpt lat="${coord(p.location[1])}" lon="${coord(p.location[0])}">\n    <name>${escapeXml(p.name)}</name>\n    <desc>${escapeXml(desc)}</desc>\n    <type>${type}</type>\n  </wpt>`];
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="race-control" xmlns="http://www.topografix.com/GPX/1/1">',
    `  <metadata><name>${escapeXml(course.name)}</name></metadata>`,
    ...wpts,
    ...tracks(course),
    '</gpx>',
    '',
  ].join('\n');
}
