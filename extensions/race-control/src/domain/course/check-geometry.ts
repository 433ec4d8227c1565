// Every course object's geometry, checked as PostGIS would (the server hook says the same).
import { geometryProblems } from './geometry.ts';
import type { Course } from './model.ts';
import type { CourseProblem } from './problems.ts';

export function geometryChecks(course: Course): CourseProblem[] {
  const out: CourseProblem[] = [];
  const add = (problems: ReturnType<typeof geometryProblems>, ref: CourseProblem['ref']) => {
    for (const p of problems) out.push({ severity: 'error', code: p.code, message: p.message, ref, ...(p.at ? { at: p.at } : {}) });
  };
  for (const s of course.segments) if (s.route) add(geometryProblems(s.route, 'LineString', `The route of ${s.name ?? 'a segment'}`), { collection: 'segments', id: s.id });
  for (const w of course.waypoints) add(geometryProblems(w.location, 'Point', `Waypoint ${w.name ?? w.kind ?? ''}`.trim()), { collection: 'waypoints', id: w.id });
  for (const z of course.speedZones) add(geometryProblems(z.area, 'Polygon', `Speed zone ${z.name ?? ''}`.trim()), { collection: 'speed_limit_zones', id: z.id });
  for (const g of course.geofences) add(geometryProblems(g.area, 'Polygon', `Geofence ${g.name}`), { collection: 'geofences', id: g.id });
  return out;
}
