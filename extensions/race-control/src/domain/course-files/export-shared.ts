// What every exporter needs: the course as rows, numbers written so they read back to the same
// double, and the roadbook order of the points (waypoints, DZ/FZ, neutralizations) by km.
import { projectOnRoute, round7, zoneEnds } from './geometry';
import type { CourseRoute, CourseSpeedZone, CourseWaypoint, Position } from './types';

export interface ExportCourse {
  name: string;
  routes: CourseRoute[];
  waypoints: CourseWaypoint[];
  speedZones: CourseSpeedZone[];
}

const trim = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
/** 7 decimals, without trailing zeros; parses back to exactly the rounded value. */
export const coord = (v: number): string => trim(round7(v).toFixed(7));
export const km = (v: number): string => trim(v.toFixed(3));
export const ringText = (ring: readonly Position[]): string => ring.map((p) => `${coord(p[0])},${coord(p[1])}`).join(' ');

export interface RoadbookPoint {
  name: string;
  location: Position;
  route: number;
  km: number;
  waypoint: CourseWaypoint | null;
  zoneStart: CourseSpeedZone | null;
  zoneEnd: boolean;
  neutralizationSeconds: number | null;
  neutralizationEnd: boolean;
}

const blank = (name: string, location: Position, route: number, at: number): RoadbookPoint =>
  ({ name, location, route, km: at, waypoint: null, zoneStart: null, zoneEnd: false, neutralizationSeconds: null, neutralizationEnd: false });

/**
 * Points in roadbook order: route by route; waypoints in their own order (a route that loops past
 * a place twice must not reorder them), DZ/FZ and neutralization marks merged in by km along it.
 */
export function orderedPoints(course: ExportCourse): RoadbookPoint[] {
  const kmOn = (route: number | null, p: Position) => (route === null || !course.routes[route] ? 0 : projectOnRoute(course.routes[route]!.coordinates, p).km);
  const marks: RoadbookPoint[] = [];
  course.speedZones.forEach((z) => {
    const line = z.route === null ? null : course.routes[z.route]?.coordinates;
    const ends = (line && zoneEnds(line, z.area)) ?? [z.area[0]!, z.area[Math.floor(z.area.length / 2)]!];
    const a = kmOn(z.route, ends[0]), b = kmOn(z.route, ends[1]);
    marks.push({ ...blank(z.name, ends[0], z.route ?? 0, a), zoneStart: z });
    marks.push({ ...blank(`FZ ${z.name}`, ends[1], z.route ?? 0, Math.max(a, b) + 1e-9), zoneEnd: true });
  });
  course.routes.forEach((r, i) => {
    if (r.type !== 'neutralization' || !r.coordinates.length) return;
    const first = r.coordinates[0]!, last = r.coordinates[r.coordinates.length - 1]!;
    marks.push({ ...blank(r.name, first, i, 0), neutralizationSeconds: r.targetDurationSeconds ?? 0 });
    marks.push({ ...blank(`FN ${r.name}`, last, i, projectOnRoute(r.coordinates, last).km + 1e-9), neutralizationEnd: true });
  });
  marks.sort((x, y) => x.route - y.route || x.km - y.km);
  const out: RoadbookPoint[] = [];
  const routeOrder = (w: CourseWaypoint) => w.route ?? 0;
  const waypoints = course.waypoints.map((w, i) => ({ w, i })).sort((x, y) => routeOrder(x.w) - routeOrder(y.w) || x.i - y.i);
  let m = 0;
  for (const { w } of waypoints) {
    const at = kmOn(w.route, w.location);
    while (m < marks.length && (marks[m]!.route < routeOrder(w) || (marks[m]!.route === routeOrder(w) && marks[m]!.km <= at))) out.push(marks[m++]!);
    out.push({ ...blank(w.name, w.location, routeOrder(w), w.roadbookKm ?? at), waypoint: w });
  }
  return [...out, ...marks.slice(m)];
}
