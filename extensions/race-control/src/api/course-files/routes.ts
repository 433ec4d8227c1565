// /race-control/stages/:id/course-files: import a course file into a stage (one call, one
// transaction, as the caller) and export a stage or a whole event as OpenRally GPX, plain GPX,
// KML or GeoJSON. The file is parsed by the same domain code the browser's worker previews with.
import type { Router } from 'express';
import { ForbiddenError } from '@directus/errors';
import {
  CourseFileRefusal, courseProblems, planImport, readCourseFile, summarize, toGeoJson, toKml, toOpenRallyGpx, toPlainGpx,
  type CourseFile, type ExportCourse, type ImportMode, type SegmentTargets,
} from '../../domain/course-files/index';
import { accountabilityOf } from '../accountability';
import { actingAs } from '../acting-as';
import { RuleViolationError } from '../errors';
import { eventName, existingSegments, readCourse, readStages, writeImport, type Store } from './store';

type Context = Store['context'];
type Req = { params: Record<string, string>; body?: unknown; query?: Record<string, unknown> };
type Res = { json(v: unknown): void; setHeader(k: string, v: string): void; send(v: string): void };

const refuse = (rule: string, reason: string): never => {
  throw new RuleViolationError({ rule, reason });
};

const FORMATS = {
  openrally: { write: toOpenRallyGpx, type: 'application/gpx+xml', ext: 'gpx', label: 'openrally' },
  gpx: { write: toPlainGpx, type: 'application/gpx+xml', ext: 'gpx', label: 'plain' },
  kml: { write: toKml, type: 'application/vnd.google-earth.kml+xml', ext: 'kml', label: '' },
  geojson: { write: toGeoJson, type: 'application/geo+json', ext: 'geojson', label: '' },
} as const;

async function storeFor(context: Context, req: Req, collection: 'stages' | 'events'): Promise<Store> {
  const accountability = accountabilityOf(req);
  const caller = actingAs(context, accountability);
  caller.requireUser();
  if (!(await caller.mayRead(collection, [req.params.id!]))) throw new ForbiddenError();
  return { context, schema: await context.getSchema(), accountability };
}

const handle = (fn: (req: Req, res: Res) => Promise<void>) => async (req: Req, res: Res, next: (e?: unknown) => void) => {
  try {
    await fn(req, res);
  } catch (error) {
    if (error instanceof CourseFileRefusal) next(new RuleViolationError({ rule: `course_file_${error.code}`, reason: error.message }));
    else next(error);
  }
};

function readBody(body: Record<string, unknown>): { course: CourseFile; mode: ImportMode; targets?: SegmentTargets; waypointSegment: string | null } {
  const file = body.file as { name?: unknown; text?: unknown } | undefined;
  if (!file || typeof file.text !== 'string') refuse('course_file', 'Send the course file as { "file": { "name": "...", "text": "..." } }.');
  const mode = body.mode ?? 'add';
  if (mode !== 'add' && mode !== 'replace') refuse('course_file_mode', `The mode is "add" or "replace" (got ${JSON.stringify(mode)}).`);
  const tolerance = body.tolerance_meters;
  if (tolerance !== undefined && (typeof tolerance !== 'number' || tolerance < 0 || tolerance > 100)) refuse('course_file_tolerance', 'The simplification tolerance is a number of metres from 0 to 100.');
  const name = typeof file!.name === 'string' && file!.name ? file!.name : 'course file';
  const course = readCourseFile(file!.text as string, { fileName: name, ...(tolerance === undefined ? {} : { toleranceMeters: tolerance as number }) });
  const targets = Array.isArray(body.segments) ? (body.segments as unknown[]).map((s) => (typeof s === 'string' ? s : null)) : undefined;
  return { course, mode: mode as ImportMode, ...(targets ? { targets } : {}), waypointSegment: typeof body.waypoint_segment === 'string' ? body.waypoint_segment : null };
}

function sendFile(res: Res, format: unknown, course: ExportCourse) {
  const f = FORMATS[(typeof format === 'string' ? format : 'openrally') as keyof typeof FORMATS];
  if (!f) refuse('course_file_format', `The export format is one of ${Object.keys(FORMATS).join(', ')} (got ${JSON.stringify(format)}).`);
  const base = course.name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\w-]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'course';
  res.setHeader('Content-Type', `${f!.type}; charset=utf-8`);
  res.setHeader('Content-Disposition', `attachment; filename="${base}${f!.label ? `.${f!.label}` : ''}.${f!.ext}"`);
  res.send(f!.write(course));
}

export function register(router: Router, context: Context): void {
  router.get('/stages/:id/course-files', handle(async (req, res) => {
    res.json({ data: { segments: await existingSegments(await storeFor(context, req, 'stages'), req.params.id!) } });
  }));

  router.post('/stages/:id/course-files/import', handle(async (req, res) => {
    const store = await storeFor(context, req, 'stages');
    const { course, mode, targets, waypointSegment } = readBody((req.body ?? {}) as Record<string, unknown>);
    const problems = courseProblems(course);
    if (problems.length) refuse('course_checks', `The course in this file fails its checks: ${problems.join(' ')}`);
    const existing = await existingSegments(store, req.params.id!);
    let plan;
    try {
      plan = planImport(course, existing, mode, targets);
    } catch (error) {
      refuse('course_file_segments', (error as Error).message);
    }
    const homeless = !course.routes.length && (course.waypoints.length || course.speedZones.length);
    const fallback = waypointSegment ?? (homeless ? existing.find((s) => s.type === 'special-stage')?.id ?? existing[0]?.id ?? null : null);
    if (homeless && (!fallback || !existing.some((s) => s.id === fallback))) refuse('course_file_segments', 'This file has waypoints but no route, and the stage has no segment to put them on: import a route first, or pick a segment.');
    const result = await writeImport(store, req.params.id!, course, plan!, fallback);
    res.json({ data: { summary: summarize(course, plan!), notes: course.notes, ...result } });
  }));

  router.get('/stages/:id/course-files/export', handle(async (req, res) => {
    const store = await storeFor(context, req, 'stages');
    const stages = await readStages(store, { id: { _eq: req.params.id } });
    sendFile(res, req.query?.format, await readCourse(store, stages, stages[0]?.name ?? 'stage'));
  }));

  router.get('/events/:id/course-files/export', handle(async (req, res) => {
    const store = await storeFor(context, req, 'events');
    const stages = await readStages(store, { event_id: { _eq: req.params.id } });
    sendFile(res, req.query?.format, await readCourse(store, stages, await eventName(store, req.params.id!)));
  }));
}
