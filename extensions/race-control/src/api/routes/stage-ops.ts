// /race-control/stages/:id/...: what the start-list screen does besides opening the stage (which
// is a plain status change, see ../hooks/stage-ops.ts). Each route acts as its caller: the rows an
// official sets by hand are written through Directus with the caller's rights before the rest of
// the list is rewritten around them, all in one transaction.
import type { Router } from 'express';
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { ForbiddenError } from '@directus/errors';
import { lateRows, movedRows, type StartRow } from '../../domain/stage-ops/starts';
import { accountabilityOf } from '../accountability';
import { actingAs, type DirectusContext } from '../acting-as';
import { applyAndSeed, judgeStageChange, refuse } from '../stage-ops/open';
import { materialise, readSegments, readStage, type StageRow } from '../stage-ops/store';

interface Context extends DirectusContext {
  database: Knex;
}

interface StartsService {
  updateBatch(data: Record<string, unknown>[], opts?: object): Promise<unknown>;
}

type Handler = (stage: StageRow, body: Record<string, unknown>, caller: { accountability: Accountability | null; schema: SchemaOverview; context: Context }) => Promise<unknown>;

const wrap = (context: Context, handler: Handler) => async (req: { params: { id: string }; body?: unknown }, res: { json(v: unknown): void }, next: (e?: unknown) => void) => {
  try {
    const accountability = accountabilityOf(req);
    const caller = actingAs(context, accountability);
    caller.requireUser();
    if (!(await caller.mayRead('stages', [req.params.id]))) throw new ForbiddenError();
    const stage = await readStage(context.database, req.params.id);
    if (!stage) throw new ForbiddenError();
    res.json({ data: await handler(stage, (req.body ?? {}) as Record<string, unknown>, { accountability, schema: await context.getSchema(), context }) });
  } catch (error) {
    next(error);
  }
};

function requireOpen(stage: StageRow) {
  refuse('stage_not_open', stage.status === 'open' ? [] : [`"${stage.name}" is ${stage.status ?? 'draft'}: open the stage before changing its start list.`]);
}

/** Pins `rows` (as the caller, through Directus), then rewrites the rest of the list around them. */
async function pin(context: Context, schema: SchemaOverview, accountability: Accountability | null, stageId: string, rows: StartRow[], existing: (StartRow & { id: string })[]) {
  return context.database.transaction(async (trx) => {
    const service = new context.services.ItemsService('entry_segment_starts', { schema, accountability, knex: trx }) as unknown as StartsService;
    const ids = new Map(existing.map((r) => [`${r.entry_id}|${r.segment_id}`, r.id]));
    // No events: the rest of the list is rewritten right here, in this transaction.
    await service.updateBatch(rows.map((r) => ({ id: ids.get(`${r.entry_id}|${r.segment_id}`), start_position: r.start_position, target_at: r.target_at, manual_override: true })).filter((r) => r.id), { emitEvents: false });
    return materialise(trx, stageId, accountability?.user ?? null);
  });
}

async function startsOf(db: Knex, stage: StageRow, entryId: unknown) {
  const segments = await readSegments(db, stage.id);
  const { rows } = await db.raw('SELECT id, entry_id, segment_id, start_position, target_at, manual_override FROM entry_segment_starts WHERE segment_id = ANY(?)', [segments.map((s) => s.id)]);
  const all = rows as (StartRow & { id: string })[];
  const mine = all.filter((r) => r.entry_id === entryId);
  refuse('start_list_entry', mine.length ? [] : ['That entry is not on this stage\'s start list (withdrawn, retired or not registered): it cannot be moved.']);
  return { segments, all, mine, starters: new Set(all.map((r) => r.entry_id)).size };
}

export function register(router: Router, context: Context): void {
  router.post('/stages/:id/starts/move', wrap(context, async (stage, body, { accountability, schema }) => {
    requireOpen(stage);
    const { segments, all, mine, starters } = await startsOf(context.database, stage, body.entry_id);
    const position = body.position;
    refuse('start_position', Number.isInteger(position) && (position as number) >= 1 && (position as number) <= starters ? [] : [`The start position must be a whole number from 1 to ${starters} (got ${JSON.stringify(position ?? null)}).`]);
    const holder = all.find((r) => r.manual_override && r.start_position === position && r.entry_id !== body.entry_id);
    refuse('start_position', holder ? [`Position ${position} was set by hand for another entry: move that entry first.`] : []);
    const rows = movedRows(String(body.entry_id), position as number, { segments, startsAt: stage.starts_at!, intervalSeconds: stage.start_interval_seconds ?? 0 });
    return pin(context, schema, accountability, stage.id, rows, mine);
  }));

  router.post('/stages/:id/starts/late', wrap(context, async (stage, body, { accountability, schema }) => {
    requireOpen(stage);
    const { segments, mine } = await startsOf(context.database, stage, body.entry_id);
    const startAt = typeof body.start_at === 'string' ? Date.parse(body.start_at) : NaN;
    refuse('start_time', Number.isNaN(startAt) ? [`The late start time must be a date and time, e.g. 2026-06-08T07:30:00Z (got ${JSON.stringify(body.start_at ?? null)}).`] : []);
    const rows = lateRows(String(body.entry_id), mine[0]!.start_position, new Date(startAt).toISOString(), segments);
    return pin(context, schema, accountability, stage.id, rows, mine);
  }));

  router.post('/stages/:id/reseed', wrap(context, async (stage, body, { accountability, schema }) => {
    requireOpen(stage);
    // Re-seeding is opening again: the same refusals, and the caller must be allowed to set the status.
    await judgeStageChange(context.database, stage, { status: 'open' });
    return applyAndSeed(context, context.database, schema, accountability, stage.id, { status: 'open' }, { dropOverrides: body.keep_overrides === false });
  }));
}

