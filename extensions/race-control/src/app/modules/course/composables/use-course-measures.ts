// The measurements the list and the inspector show: route and stage lengths, each speed zone's
// stretch along its route, each waypoint's km and the gap from the one before.
import type { MapLibrary } from '../../../map/library';
import { formatKm } from '../../../../domain/course/format';
import { bySortOrder, type Course } from '../../../../domain/course/model';

export function courseMeasures(lib: MapLibrary, course: Course): Map<string, string> {
  const out = new Map<string, string>();
  const { segmentKm, waypointGaps, stretchInside } = lib.course;
  for (const s of course.segments) {
    out.set(`segments:${s.id}`, formatKm(segmentKm(s)));
    if (!s.route || s.route.coordinates.length < 2) continue;
    const wps = course.waypoints.filter((w) => w.segment_id === s.id).sort(bySortOrder);
    for (const g of waypointGaps(s.route, wps)) out.set(`waypoints:${g.id}`, `km ${g.km.toFixed(2)}${g.gapKm === null ? '' : ` · +${formatKm(g.gapKm)}`}`);
    for (const z of course.speedZones.filter((x) => x.segment_id === s.id)) {
      const stretch = z.area ? stretchInside(s.route, z.area) : null;
      out.set(`speed_limit_zones:${z.id}`, stretch ? `${formatKm(stretch.lengthKm)} from km ${stretch.fromKm.toFixed(2)}` : 'not on the route');
    }
  }
  return out;
}

export function stageLength(lib: MapLibrary, course: Course): string {
  return formatKm(lib.course.stageKm(course));
}
