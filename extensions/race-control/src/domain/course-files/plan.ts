// What an import will do to a stage, decided once and shown before it is done: which route goes
// to which segment (the race director picks), what is added and what is replaced. The preview
// prints `summarize`; the endpoint writes exactly `planImport`'s plan.
import type { CourseFile, SegmentType } from './types';

export type ImportMode = 'add' | 'replace';

export interface ExistingSegment { id: string; name: string | null; type: SegmentType | null; waypoints: number; speedZones: number }

/** For every route of the file: the existing segment whose route it replaces, or null for a new segment. */
export type SegmentTargets = (string | null)[];

export function defaultTargets(course: Pick<CourseFile, 'routes'>, existing: readonly ExistingSegment[], mode: ImportMode): SegmentTargets {
  if (mode === 'add') return course.routes.map(() => null);
  const taken = new Set<string>();
  const pick = (test: (s: ExistingSegment) => boolean) => {
    const found = existing.filter((s) => !taken.has(s.id) && test(s));
    return found.length === 1 ? found[0]! : null;
  };
  return course.routes.map((r) => {
    const name = r.name.trim().toLowerCase();
    // Same name first; else the only segment of the same type (the one special of a stage).
    const s = pick((x) => (x.name ?? '').trim().toLowerCase() === name) ?? (r.type ? pick((x) => x.type === r.type) : null);
    if (s) taken.add(s.id);
    return s?.id ?? null;
  });
}

export interface ImportPlan {
  mode: ImportMode;
  targets: SegmentTargets;
  created: number;
  replaced: { segmentId: string; name: string }[];
  removes: { waypoints: number; speedZones: number };
}

export function planImport(course: Pick<CourseFile, 'routes'>, existing: readonly ExistingSegment[], mode: ImportMode, targets?: SegmentTargets): ImportPlan {
  const chosen = (targets ?? defaultTargets(course, existing, mode)).slice(0, course.routes.length);
  while (chosen.length < course.routes.length) chosen.push(null);
  const known = new Map(existing.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const problems: string[] = [];
  chosen.forEach((id, i) => {
    if (id === null) return;
    if (!known.has(id)) problems.push(`route ${i + 1} is sent to a segment that is not on this stage`);
    if (seen.has(id)) problems.push(`two routes are sent to the same segment`);
    seen.add(id);
  });
  if (problems.length) throw new Error(`${problems.join('; ')}: pick each route's segment again.`);
  const replaced = chosen.flatMap((id) => (id === null ? [] : [{ segmentId: id, name: known.get(id)!.name ?? 'unnamed segment' }]));
  const removes = mode === 'replace'
    ? existing.reduce((sum, s) => ({ waypoints: sum.waypoints + s.waypoints, speedZones: sum.speedZones + s.speedZones }), { waypoints: 0, speedZones: 0 })
    : { waypoints: 0, speedZones: 0 };
  return { mode, targets: chosen, created: chosen.filter((id) => id === null).length, replaced, removes };
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "adds 2 routes, 49 waypoints, 11 speed zones; replaces the route of SS1; skips 3 track points with no coordinates" */
export function summarize(course: CourseFile, plan: ImportPlan): string {
  const adds = [count(plan.created, 'route'), count(course.waypoints.length, 'waypoint'), count(course.speedZones.length, 'speed zone')];
  const parts = [`adds ${adds.join(', ')}`];
  const replaces = [
    ...plan.replaced.map((r) => `the route of ${r.name}`),
    ...(plan.removes.waypoints ? [count(plan.removes.waypoints, 'waypoint')] : []),
    ...(plan.removes.speedZones ? [count(plan.removes.speedZones, 'speed zone')] : []),
  ];
  if (replaces.length) parts.push(`replaces ${replaces.join(', ')}`);
  const skips = [
    ...(course.skipped.trackPoints ? [`${count(course.skipped.trackPoints, 'track point')} with no coordinates`] : []),
    ...(course.skipped.roadbookBoxes ? [`${count(course.skipped.roadbookBoxes, 'roadbook box', 'roadbook boxes')} with no waypoint kind`] : []),
  ];
  if (skips.length) parts.push(`skips ${skips.join(', ')}`);
  if (course.skipped.simplifiedPoints) parts.push(`drops ${count(course.skipped.simplifiedPoints, 'vertex', 'vertices')} within ${course.toleranceMeters} m of the line`);
  return parts.join('; ');
}
