// The drawn course of Rally Albania 2026, as far as it is drawn: the first two days of the 2025
// direction (start in Shkodër, finish in Tirana later in the week).
import { stage1 } from './stage-1.ts';
import { stage2 } from './stage-2.ts';
import type { CourseStage } from './types.ts';

export type * from './types.ts';

export function rallyAlbaniaCourse(): CourseStage[] {
  return [stage1(), stage2()];
}
