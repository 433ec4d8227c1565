// Every check of a stage's course, in one list with severity: the browser runs it while drawing, the
// server hook before publishing. Errors block publishing a stage; warnings do not.
import { geometryChecks } from './check-geometry.ts';
import { waypointChecks } from './check-waypoints.ts';
import { geofenceChecks, zoneChecks } from './check-zones.ts';
import type { Course } from './model.ts';
import type { CourseProblem } from './problems.ts';

export function checkCourse(course: Course): CourseProblem[] {
  const problems = [...geometryChecks(course), ...waypointChecks(course), ...zoneChecks(course), ...geofenceChecks(course)];
  // Errors first, then by the object they are about, so the list reads top-down.
  return problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

export { errorsOf, type CourseProblem, type Severity } from './problems.ts';
