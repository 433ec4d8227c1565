// The geometry checks an import must pass before anything is written (the course editor's own
// checks, issue 9, are not on main yet; when they land they run too, from their hooks). Each
// problem names the object so the race director can fix it in the roadbook tool.
import type { CourseFile, Position } from './types';

const crosses = (a: Position, b: Position, c: Position, d: Position): boolean => {
  const o = (p: Position, q: Position, r: Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0;
};

/** First self-crossing of a closed ring, O(n²): zone rings have tens to hundreds of corners. */
export function ringCrossing(ring: readonly Position[]): Position | null {
  const n = ring.length - 1;
  if (n > 3000) return null;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (crosses(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return ring[i]!;
    }
  }
  return null;
}

export function courseProblems(course: Pick<CourseFile, 'routes' | 'waypoints' | 'speedZones'>): string[] {
  const problems: string[] = [];
  course.routes.forEach((r) => {
    if (r.coordinates.length < 2) problems.push(`Route "${r.name}" has ${r.coordinates.length} point: a route needs at least two.`);
  });
  course.waypoints.forEach((w) => {
    if (!(w.toleranceMeters > 0)) problems.push(`${w.name}: the clear radius must be more than 0 m.`);
    if (w.openRadiusMeters !== null && w.openRadiusMeters < w.toleranceMeters) problems.push(`${w.name}: the open radius (${w.openRadiusMeters} m) is smaller than the clear radius (${w.toleranceMeters} m).`);
  });
  course.speedZones.forEach((z) => {
    if (!(z.speedLimitKmh > 0)) problems.push(`Speed zone "${z.name}": the speed limit must be more than 0 km/h.`);
    const first = z.area[0], last = z.area[z.area.length - 1];
    if (z.area.length < 4 || !first || !last || first[0] !== last[0] || first[1] !== last[1]) {
      problems.push(`Speed zone "${z.name}": its area is not a closed ring of at least three corners.`);
      return;
    }
    const at = ringCrossing(z.area);
    if (at) problems.push(`Speed zone "${z.name}" crosses itself near ${at[1].toFixed(5)}, ${at[0].toFixed(5)}: redraw it as one simple ring.`);
  });
  return problems;
}
