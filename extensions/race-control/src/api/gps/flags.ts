// POST /race-control/gps/flags: one transaction sets positions.faulty (the only column of positions
// this project writes), records the act in position_flags (through Directus as the caller, so
// config/access guards it too) and queues the recompute:requests message in the outbox. A call that
// changes no point writes nothing and emits nothing.
import { randomUUID } from 'node:crypto';
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { checkFlagRequest, type FlagRequest } from '../../domain/gps/flag-request';
import type { Reach } from '../../domain/gps/rights';
import { bad, forbidden, notFound } from './errors';
import { deviceOnEntry, requireImei, type DeviceOnEntry, type GpsContext } from './reach';

export const RECOMPUTE_STREAM = 'recompute:requests';

export interface FlagAnswer {
  changed: number;
  matched: number;
  action: 'flag' | 'unflag';
  device_id: string;
  from: string | null;
  to: string | null;
  reason: string;
  /** For the caller's own bookkeeping (not sent): the entry whose review a change refreshes. */
  entry_id?: string;
  flag_id: string | null;
  message_id: string | null;
  penalties: { id: string; type: string | null; seconds: number | null; window_start: string | null; window_end: string | null }[];
}

/** The points named by the request: `AND …` with its bindings. */
function pointsClause(r: FlagRequest): [string, unknown[]] {
  if (r.points) return ['ts = ANY(?::timestamptz[])', [r.points.map((p) => p.toISOString())]];
  return ['ts BETWEEN ? AND ?', [r.from!.toISOString(), r.to!.toISOString()]];
}

export async function penaltiesTouched(db: Knex, entryId: string, from: string, to: string) {
  const { rows } = await db.raw(
    `SELECT id, type, seconds, window_start, window_end FROM entry_penalties
     WHERE entry_id = ? AND window_start IS NOT NULL AND window_start <= ? AND coalesce(window_end, window_start) >= ? ORDER BY window_start`,
    [entryId, to, from],
  );
  return (rows as Record<string, unknown>[]).map((p) => ({ id: String(p.id), type: (p.type as string) ?? null, seconds: p.seconds === null ? null : Number(p.seconds), window_start: p.window_start ? new Date(p.window_start as string).toISOString() : null, window_end: p.window_end ? new Date(p.window_end as string).toISOString() : null }));
}

async function resolve(context: GpsContext, reach: Reach, body: Record<string, unknown>): Promise<{ r: FlagRequest; device: DeviceOnEntry }> {
  const check = checkFlagRequest(body);
  if (!check.ok) throw bad(check.reason);
  const r = check.request;
  r.device_id = requireImei(r.device_id);
  if (!reach.admin && reach.flagOrgs.length === 0) throw forbidden('Only a marshal, race director or org admin may flag GPS points.');
  const device = await deviceOnEntry(context.database, reach, r.device_id, r.from ?? r.points![0]!, true);
  return { r, device };
}

export async function previewFlag(context: GpsContext, reach: Reach, body: Record<string, unknown>) {
  const { r, device } = await resolve(context, reach, body);
  const [clause, b] = pointsClause(r);
  const target = r.action === 'flag';
  const { rows } = await context.database.raw(
    `SELECT count(*)::int AS matched, count(*) FILTER (WHERE faulty <> ?)::int AS changed,
            min(ts) FILTER (WHERE faulty <> ?) AS "from", max(ts) FILTER (WHERE faulty <> ?) AS "to"
     FROM positions WHERE device_id = ? AND ${clause}`, [target, target, target, r.device_id, ...b]);
  const row = rows[0] as { matched: number; changed: number; from: Date | null; to: Date | null };
  if (!row.matched) throw notFound(noPointWords(r));
  const from = row.from ? new Date(row.from).toISOString() : null;
  const to = row.to ? new Date(row.to).toISOString() : null;
  return { matched: row.matched, changed: row.changed, action: r.action, device_id: r.device_id, from, to, penalties: from && to ? await penaltiesTouched(context.database, device.entry_id, from, to) : [] };
}

function noPointWords(r: FlagRequest): string {
  return r.points
    ? `None of the ${r.points.length} listed points is a point of tracker ${r.device_id}: check their ts (ms included).`
    : `Tracker ${r.device_id} has no point from ${r.from!.toISOString()} to ${r.to!.toISOString()}.`;
}

export async function flag(context: GpsContext, reach: Reach, accountability: Accountability | null, body: Record<string, unknown>): Promise<FlagAnswer> {
  const { r, device } = await resolve(context, reach, body);
  const [clause, b] = pointsClause(r);
  const target = r.action === 'flag';
  const schema = await context.getSchema();
  const answer = await context.database.transaction(async (trx) => {
    const { rows: m } = await trx.raw(`SELECT count(*)::int AS n FROM positions WHERE device_id = ? AND ${clause}`, [r.device_id, ...b]);
    if (!m[0].n) throw notFound(noPointWords(r));
    const { rows } = await trx.raw(
      `WITH u AS (UPDATE positions SET faulty = ? WHERE device_id = ? AND ${clause} AND faulty <> ? RETURNING ts)
       SELECT count(*)::int AS changed, min(ts) AS "from", max(ts) AS "to" FROM u`, [target, r.device_id, ...b, target]);
    const u = rows[0] as { changed: number; from: Date | null; to: Date | null };
    const base = { matched: m[0].n as number, action: r.action, device_id: r.device_id, reason: r.reason };
    if (!u.changed) return { ...base, changed: 0, from: null, to: null, flag_id: null, message_id: null };
    const from = new Date(u.from!).toISOString();
    const to = new Date(u.to!).toISOString();
    const messageId = randomUUID();
    const service = new context.services.ItemsService('position_flags', { schema, accountability, knex: trx }) as unknown as { createOne(d: Record<string, unknown>, o?: object): Promise<string> };
    const flagId = await service.createOne({ action: r.action, device_id: r.device_id, entry_id: device.entry_id, from, to, count: u.changed, reason: r.reason, note: r.note, message_id: messageId }, { emitEvents: false });
    const fields = { id: messageId, device_id: r.device_id, from, to, reason: r.reason, action: r.action, faulty: String(target), count: String(u.changed), flag_id: String(flagId), source: 'race-control' };
    await trx.raw('INSERT INTO recompute_outbox (message_id, stream, fields) VALUES (?, ?, ?::jsonb)', [messageId, RECOMPUTE_STREAM, JSON.stringify(fields)]);
    return { ...base, changed: u.changed, from, to, flag_id: String(flagId), message_id: messageId };
  });
  const penalties = answer.from && answer.to ? await penaltiesTouched(context.database, device.entry_id, answer.from, answer.to) : [];
  return { ...answer, entry_id: device.entry_id, penalties };
}
