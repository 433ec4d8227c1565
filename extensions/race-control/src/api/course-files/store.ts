// A stage's course as rows, read and written through Directus's ItemsService as the caller, so
// the club rules of config/access and every hook (integrity words, the course checks) apply.
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import type { CourseFile, CourseRoute, ExistingSegment, ExportCourse, ImportPlan, Position, SegmentType } from '../../domain/course-files/index';
import { checkCourse } from '../../domain/course/checks';
import type { DirectusContext } from '../acting-as';
import { readCourse as readStageCourse } from '../course/store';

type Row = Record<string, unknown>;
interface Service {
  readByQuery(query: object): Promise<Row[]>;
  createOne(data: Row): Promise<string>;
  createMany(data: Row[]): Promise<string[]>;
  updateOne(key: string, data: Row): Promise<string>;
  deleteMany(keys: string[]): Promise<string[]>;
}

export interface Store {
  context: DirectusContext & { database: Knex };
  schema: SchemaOverview;
  accountability: Accountability | null;
}

const service = (s: Store, collection: string, knex?: Knex) =>
  new s.context.services.ItemsService(collection, { schema: s.schema, accountability: s.accountability, ...(knex ? { knex } : {}) }) as unknown as Service;

const SEGMENT_FIELDS = ['id', 'name', 'type', 'sort_order', 'route', 'target_duration_seconds'];

interface StageRows { segments: Row[]; waypoints: Row[]; zones: Row[] }

async function stageRows(s: Store, stageIds: string[], knex?: Knex): Promise<StageRows> {
  const segments = await service(s, 'segments', knex).readByQuery({ filter: { stage_id: { _in: stageIds } }, fields: [...SEGMENT_FIELDS, 'stage_id'], sort: ['sort_order', 'id'], limit: -1 });
  const ids = segments.map((g) => g.id as string);
  if (!ids.length) return { segments, waypoints: [], zones: [] };
  const waypoints = await service(s, 'waypoints', knex).readByQuery({ filter: { segment_id: { _in: ids } }, fields: ['id', 'segment_id', 'sort_order', 'kind', 'name', 'location', 'tolerance_meters', 'open_radius_meters', 'roadbook_km', 'show_coordinates'], sort: ['sort_order', 'id'], limit: -1 });
  const zones = await service(s, 'speed_limit_zones', knex).readByQuery({ filter: { segment_id: { _in: ids } }, fields: ['id', 'segment_id', 'name', 'speed_limit_kmh', 'area'], sort: ['name', 'id'], limit: -1 });
  return { segments, waypoints, zones };
}

export async function existingSegments(s: Store, stageId: string, knex?: Knex): Promise<ExistingSegment[]> {
  const rows = await stageRows(s, [stageId], knex);
  return rows.segments.map((g) => ({
    id: g.id as string, name: (g.name as string | null) ?? null, type: (g.type as SegmentType | null) ?? null,
    waypoints: rows.waypoints.filter((w) => w.segment_id === g.id).length, speedZones: rows.zones.filter((z) => z.segment_id === g.id).length,
  }));
}

const coords = <T>(geometry: unknown): T => ((geometry as { coordinates?: T } | null)?.coordinates ?? []) as T;

/** Stages' rows as one course, segments in stage then sort order; `prefix` names a route by its stage. */
export async function readCourse(s: Store, stages: { id: string; name: string }[], name: string): Promise<ExportCourse> {
  const rows = await stageRows(s, stages.map((x) => x.id));
  const order = new Map(stages.map((x, i) => [x.id, i]));
  const segments = [...rows.segments].sort((a, b) => order.get(a.stage_id as string)! - order.get(b.stage_id as string)!);
  const index = new Map(segments.map((g, i) => [g.id as string, i]));
  const many = stages.length > 1;
  const stageName = new Map(stages.map((x) => [x.id, x.name]));
  return {
    name,
    routes: segments.map((g): CourseRoute => ({
      name: `${many ? `${stageName.get(g.stage_id as string)}: ` : ''}${(g.name as string | null) ?? 'Segment'}`,
      type: (g.type as SegmentType | null) ?? null, coordinates: coords<Position[]>(g.route), targetDurationSeconds: (g.target_duration_seconds as number | null) ?? null,
    })),
    waypoints: rows.waypoints
      .sort((a, b) => index.get(a.segment_id as string)! - index.get(b.segment_id as string)! || ((a.sort_order as number) ?? 0) - ((b.sort_order as number) ?? 0))
      .map((w) => ({
        kind: w.kind as never, name: (w.name as string | null) ?? '', location: coords<Position>(w.location), toleranceMeters: w.tolerance_meters as number,
        openRadiusMeters: (w.open_radius_meters as number | null) ?? null, roadbookKm: (w.roadbook_km as number | null) ?? null,
        showCoordinates: !!w.show_coordinates, route: index.get(w.segment_id as string) ?? null,
      })),
    speedZones: rows.zones.map((z) => ({
      name: (z.name as string | null) ?? '', speedLimitKmh: z.speed_limit_kmh as number, area: coords<Position[][]>(z.area)[0] ?? [], route: index.get(z.segment_id as string) ?? null,
    })),
  };
}

export interface ImportResult {
  segments: { created: string[]; updated: string[] };
  waypoints: number;
  speedZones: number;
  removed: { waypoints: number; speedZones: number };
  /** The course editor's checks on the whole stage as written (errors block publishing, not this save). */
  problems: { severity: string; code: string; message: string }[];
}

const line = (r: CourseRoute) => ({ type: 'LineString', coordinates: r.coordinates });

/**
 * Writes a whole import in one transaction as the caller: in replace mode the stage's waypoints
 * and zones go first, then routes (replacing a picked segment's, or a new segment), waypoints and
 * zones. Any refusal (rights, a check, a constraint) rolls all of it back.
 */
export async function writeImport(s: Store, stageId: string, course: CourseFile, plan: ImportPlan, waypointSegment: string | null): Promise<ImportResult> {
  return s.context.database.transaction(async (trx) => {
    const rows = await stageRows(s, [stageId], trx);
    const result: ImportResult = { segments: { created: [], updated: [] }, waypoints: 0, speedZones: 0, removed: { waypoints: 0, speedZones: 0 }, problems: [] };
    if (plan.mode === 'replace') {
      if (rows.waypoints.length) result.removed.waypoints = (await service(s, 'waypoints', trx).deleteMany(rows.waypoints.map((w) => w.id as string))).length;
      if (rows.zones.length) result.removed.speedZones = (await service(s, 'speed_limit_zones', trx).deleteMany(rows.zones.map((z) => z.id as string))).length;
    }
    const segments = service(s, 'segments', trx);
    let sortOrder = Math.max(0, ...rows.segments.map((g) => (g.sort_order as number | null) ?? 0));
    const segmentOf: string[] = [];
    for (const [i, r] of course.routes.entries()) {
      const target = plan.targets[i] ?? null;
      const duration = r.targetDurationSeconds !== null ? { target_duration_seconds: r.targetDurationSeconds } : {};
      if (target) {
        await segments.updateOne(target, { route: line(r), ...duration });
        result.segments.updated.push(target);
        segmentOf.push(target);
      } else {
        const hasWaypoints = course.waypoints.some((w) => w.route === i);
        const id = await segments.createOne({
          stage_id: stageId, name: r.name, type: r.type ?? (hasWaypoints ? 'special-stage' : 'liaison'), sort_order: ++sortOrder, route: line(r), ...duration,
        });
        result.segments.created.push(id);
        segmentOf.push(id);
      }
    }
    const kept = plan.mode === 'replace' ? [] : rows.waypoints;
    const nextOrder = new Map<string, number>();
    for (const w of kept) nextOrder.set(w.segment_id as string, Math.max(nextOrder.get(w.segment_id as string) ?? 0, (w.sort_order as number | null) ?? 0));
    const segmentFor = (route: number | null) => (route !== null ? segmentOf[route] : undefined) ?? waypointSegment;
    const waypoints = course.waypoints.map((w) => {
      const segment = segmentFor(w.route)!;
      const order = (nextOrder.get(segment) ?? 0) + 1;
      nextOrder.set(segment, order);
      return {
        segment_id: segment, sort_order: order, kind: w.kind, name: w.name, location: { type: 'Point', coordinates: w.location },
        tolerance_meters: w.toleranceMeters, open_radius_meters: w.openRadiusMeters, roadbook_km: w.roadbookKm, show_coordinates: w.showCoordinates,
      };
    });
    if (waypoints.length) result.waypoints = (await service(s, 'waypoints', trx).createMany(waypoints)).length;
    const zones = course.speedZones.map((z) => ({ segment_id: segmentFor(z.route), name: z.name, speed_limit_kmh: z.speedLimitKmh, area: { type: 'Polygon', coordinates: [z.area] } }));
    if (zones.length) result.speedZones = (await service(s, 'speed_limit_zones', trx).createMany(zones)).length;
    // The caller was shown to see the stage (routes.ts); the rows just written are read back in this transaction.
    const written = await readStageCourse(trx, stageId);
    result.problems = written ? checkCourse(written.course).map((p) => ({ severity: p.severity, code: p.code, message: p.message })) : [];
    return result;
  });
}

/** Stages as the caller sees them, in running order. */
export async function readStages(s: Store, filter: object): Promise<{ id: string; name: string }[]> {
  return (await service(s, 'stages').readByQuery({ filter, fields: ['id', 'name'], sort: ['sort_order', 'id'], limit: -1 })) as { id: string; name: string }[];
}

export async function eventName(s: Store, id: string): Promise<string> {
  const [event] = await service(s, 'events').readByQuery({ filter: { id: { _eq: id } }, fields: ['name'], limit: 1 });
  return (event?.name as string | undefined) ?? 'event';
}
