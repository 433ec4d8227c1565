// A course problem as the problems list shows it: severity (errors block publishing, warnings do
// not), words a race director acts on, the object it is about ("go to") and where on the map.
import type { Position } from 'geojson';
import type { CourseRef } from './model.ts';

export type Severity = 'error' | 'warning';

export interface CourseProblem {
  severity: Severity;
  code: string;
  message: string;
  ref: CourseRef;
  at?: Position;
}

export function errorsOf(problems: CourseProblem[]): CourseProblem[] {
  return problems.filter((p) => p.severity === 'error');
}
