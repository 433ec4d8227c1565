// What the page and the parser's worker say to each other. A course's routes cross as flat
// Float64Arrays (lon, lat, lon, lat, …) whose buffers are transferred, not copied: a structured
// clone of 100k little [lon, lat] arrays alone blocked the page's thread for over 100 ms. The map's
// preview comes ready-made and lighter (routes within 3 m, at most 4,000 vertices each).
import type { CourseFile, CourseRoute, Position } from '../../../../../domain/course-files/types';

/** `toleranceMeters: null`: the default (1 m, or 0 for files race control wrote). */
export interface ParseRequest { file: File; toleranceMeters: number | null }

export interface WireRoute extends Omit<CourseRoute, 'coordinates'> { coordinates: Float64Array }
export interface WireCourse extends Omit<CourseFile, 'routes'> { routes: WireRoute[] }

export type ParseReply =
  | { type: 'progress'; fraction: number; step: string }
  | { type: 'done'; course: WireCourse; preview: unknown }
  | { type: 'refused'; message: string };

export function toWire(course: CourseFile): { course: WireCourse; transfer: ArrayBuffer[] } {
  const routes = course.routes.map((r) => {
    const flat = new Float64Array(r.coordinates.length * 2);
    r.coordinates.forEach((p, i) => { flat[2 * i] = p[0]; flat[2 * i + 1] = p[1]; });
    return { ...r, coordinates: flat };
  });
  return { course: { ...course, routes }, transfer: routes.map((r) => r.coordinates.buffer as ArrayBuffer) };
}

export function fromWire(course: WireCourse): CourseFile {
  return {
    ...course,
    routes: course.routes.map((r) => {
      const flat = r.coordinates;
      const coordinates: Position[] = new Array(flat.length / 2);
      for (let i = 0; i < coordinates.length; i++) coordinates[i] = [flat[2 * i]!, flat[2 * i + 1]!];
      return { ...r, coordinates };
    }),
  };
}
