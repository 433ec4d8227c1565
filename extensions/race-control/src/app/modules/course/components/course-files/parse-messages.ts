// What the page and the parser's worker say to each other.
import type { CourseFile } from '../../../../../domain/course-files/types';

/** `toleranceMeters: null`: the default (1 m, or 0 for files race control wrote). */
export interface ParseRequest { file: File; toleranceMeters: number | null }

export type ParseReply =
  | { type: 'progress'; fraction: number; step: string }
  | { type: 'done'; course: CourseFile }
  | { type: 'refused'; message: string };
