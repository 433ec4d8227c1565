// The waypoints of each segment against its route: in order along it and within reach of it, one
// DSS first and one ASS last on a special, the first waypoint far enough after the DSS, consecutive
// clear radii apart, the route not passing back through an open radius, radii within sane bounds.
import { distance } from '@turf/turf';
import type { LineString } from 'geojson';
import { SANE } from './defaults.ts';
import { geometryProblems } from './geometry.ts';
import { cumulativeKm } from './measure.ts';
import { bySortOrder, type Course, type CourseSegment, type CourseWaypoint } from './model.ts';
import type { CourseProblem } from './problems.ts';
import { kmAlongIndexed } from './route-index.ts';

/** The first waypoint after the DSS must be at least this far plus its clear radius (metres). */
export const MIN_AFTER_DSS_METERS = 100;

const label = (w: CourseWaypoint) => w.name ?? `${w.kind ?? 'waypoint'} ${w.sort_order ?? ''}`.trim();

function radiusChecks(w: CourseWaypoint, add: (p: Omit<CourseProblem, 'ref'>) => void) {
  const { clearRadiusMeters: c, openRadiusMeters: o } = SANE;
  if (!(w.tolerance_meters >= c.min && w.tolerance_meters <= c.max)) {
    add({ severity: 'error', code: 'clear_radius_bounds', message: `${label(w)}: clear radius ${w.tolerance_meters} m is outside ${c.min}–${c.max} m` });
  }
  if (w.open_radius_meters !== null && w.open_radius_meters !== undefined) {
    if (!(w.open_radius_meters >= o.min && w.open_radius_meters <= o.max)) {
      add({ severity: 'error', code: 'open_radius_bounds', message: `${label(w)}: open radius ${w.open_radius_meters} m is outside ${o.min}–${o.max} m` });
    } else if (w.open_radius_meters < w.tolerance_meters) {
      add({ severity: 'error', code: 'open_radius_below_clear', message: `${label(w)}: open radius ${w.open_radius_meters} m is smaller than its clear radius ${w.tolerance_meters} m` });
    }
  }
}

/** Vertices within the open radius that are not on the stretch through the waypoint itself. */
function passesBack(route: LineString, w: CourseWaypoint, ownIndex: number): number | null {
  const r = w.open_radius_meters;
  if (!r) return null;
  const c = w.location.coordinates;
  const inside = (i: number) => distance(route.coordinates[i]!, c) * 1000 <= r;
  // The run of vertices through the waypoint's own projection belongs to it; step out both ways.
  let lo = ownIndex;
  let hi = Math.min(ownIndex + 1, route.coordinates.length - 1);
  while (lo > 0 && inside(lo - 1)) lo--;
  while (hi < route.coordinates.length - 1 && inside(hi + 1)) hi++;
  const latSpan = r / 111_000;
  for (let i = 0; i < route.coordinates.length; i++) {
    if (i >= lo && i <= hi) continue;
    if (Math.abs(route.coordinates[i]![1]! - c[1]!) > latSpan) continue; // cheap reject before the sphere
    if (inside(i)) return i;
  }
  return null;
}

function segmentChecks(segment: CourseSegment, waypoints: CourseWaypoint[], out: CourseProblem[]) {
  const route = segment.route;
  const special = segment.type === 'special-stage';
  const name = segment.name ?? 'this segment';
  const wps = [...waypoints].sort(bySortOrder);
  const add = (w: CourseWaypoint, p: Omit<CourseProblem, 'ref'>) => out.push({ ...p, ref: { collection: 'waypoints', id: w.id } });
  for (const w of wps) radiusChecks(w, (p) => add(w, p));

  const dss = wps.filter((w) => w.kind === 'DSS');
  const ass = wps.filter((w) => w.kind === 'ASS');
  const segRef = { collection: 'segments' as const, id: segment.id };
  if (special) {
    if (dss.length !== 1) out.push({ severity: 'error', code: 'dss_count', message: `${name} needs exactly one DSS (it has ${dss.length})`, ref: segRef });
    if (ass.length !== 1) out.push({ severity: 'error', code: 'ass_count', message: `${name} needs exactly one ASS (it has ${ass.length})`, ref: segRef });
    if (dss.length === 1 && wps[0] !== dss[0]) add(dss[0]!, { severity: 'error', code: 'dss_not_first', message: `${label(dss[0]!)} must be the first waypoint of ${name}` });
    if (ass.length === 1 && wps.at(-1) !== ass[0]) add(ass[0]!, { severity: 'error', code: 'ass_not_last', message: `${label(ass[0]!)} must be the last waypoint of ${name}` });
  } else {
    for (const w of [...dss, ...ass]) add(w, { severity: 'error', code: 'dss_ass_off_special', message: `${label(w)}: a ${w.kind} belongs on a special stage, not on ${name} (${segment.type ?? 'no type'})` });
  }
  if (!route || route.coordinates.length < 2 || geometryProblems(route, 'LineString').length) {
    if (wps.length) out.push({ severity: 'warning', code: 'no_route', message: `${name} has waypoints but no usable route to check them against`, ref: segRef });
    return;
  }
  const km = cumulativeKm(route);
  const placed = wps.filter((w) => !geometryProblems(w.location, 'Point').length).map((w) => ({ w, ...kmAlongIndexed(route, w.location.coordinates) }));
  placed.forEach((p, i) => {
    if (p.offMeters > p.w.tolerance_meters) {
      add(p.w, { severity: 'error', code: 'off_route', message: `${label(p.w)} is ${Math.round(p.offMeters)} m from the route, beyond its ${p.w.tolerance_meters} m clear radius: riders on the route cannot validate it`, at: p.w.location.coordinates });
    }
    const prev = placed[i - 1];
    if (!prev) return;
    if (p.km < prev.km) {
      add(p.w, { severity: 'error', code: 'out_of_order', message: `${label(p.w)} comes before ${label(prev.w)} along the route (km ${p.km.toFixed(2)} < ${prev.km.toFixed(2)}): swap their order`, at: p.w.location.coordinates });
    }
    const apart = distance(prev.w.location.coordinates, p.w.location.coordinates) * 1000;
    if (apart < prev.w.tolerance_meters + p.w.tolerance_meters) {
      add(p.w, { severity: 'warning', code: 'clear_radii_overlap', message: `${label(prev.w)} and ${label(p.w)} are ${Math.round(apart)} m apart: their clear radii overlap, one pass validates both`, at: p.w.location.coordinates });
    }
  });
  const first = placed.find((p) => p.w.kind !== 'DSS');
  const start = placed.find((p) => p.w.kind === 'DSS');
  if (special && start && first) {
    const gap = (first.km - start.km) * 1000;
    const need = MIN_AFTER_DSS_METERS + first.w.tolerance_meters;
    if (gap < need) add(first.w, { severity: 'error', code: 'too_close_to_dss', message: `${label(first.w)} is ${Math.round(gap)} m after the DSS; the first waypoint needs at least ${need} m (100 m plus its clear radius)`, at: first.w.location.coordinates });
  }
  for (const p of placed) {
    const back = passesBack(route, p.w, p.index);
    if (back !== null) {
      add(p.w, { severity: 'warning', code: 'route_reenters_open_radius', message: `The route passes back through the ${p.w.open_radius_meters} m open radius of ${label(p.w)} at km ${km[back]!.toFixed(2)}: the GPS would open it from the wrong side`, at: route.coordinates[back] });
    }
  }
}

export function waypointChecks(course: Course): CourseProblem[] {
  const out: CourseProblem[] = [];
  for (const segment of course.segments) segmentChecks(segment, course.waypoints.filter((w) => w.segment_id === segment.id), out);
  return out;
}
