// Reads what a stage's start list depends on and writes the rows the domain computed, in the
// transaction it is given. Raw SQL: callers prove the person's rights before they get here.
import type { Knex } from 'knex';
import { closingTimes, parseClosingRule } from '../../domain/stage-ops/closing-times';
import { needsResults, nOf, type StageConfig } from '../../domain/stage-ops/stage-status';
import { rankingSeconds, startOrder, type Strategy } from '../../domain/stage-ops/start-order';
import { materialiseStarts, type StartRow } from '../../domain/stage-ops/starts';

/** Geofence kinds that are controls with a closing time (not bivouacs, refuels, forbidden zones). */
export const CONTROL_KINDS = ['start', 'finish', 'time-control', 'passage-control', 'checkpoint'];

export interface StageRow extends StageConfig {
  id: string;
  name: string;
  sort_order: number | null;
}

export interface SegmentRow {
  id: string;
  name: string | null;
  sort_order: number | null;
  type: string | null;
  target_duration_seconds: number | null;
  route_meters: number | null;
  entry_geofence_id: string | null;
  exit_geofence_id: string | null;
}

export async function readStage(db: Knex, id: string, lock = false): Promise<StageRow | undefined> {
  const { rows } = await db.raw(
    `SELECT id, name, event_id, sort_order, status, starts_at, start_interval_seconds, start_order_strategy,
            start_order_strategy_params, start_order_input_stage_id, closing_rule
       FROM stages WHERE id = ?${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const row = rows[0];
  return row ? { ...row, starts_at: row.starts_at ? new Date(row.starts_at).toISOString() : null } : undefined;
}

export async function readSegments(db: Knex, stageId: string): Promise<SegmentRow[]> {
  const { rows } = await db.raw(
    `SELECT id, name, sort_order, type, target_duration_seconds, entry_geofence_id, exit_geofence_id,
            CASE WHEN route IS NULL THEN NULL ELSE ST_Length(route::geography) END AS route_meters
       FROM segments WHERE stage_id = ? ORDER BY sort_order, id`,
    [stageId],
  );
  return rows;
}

export async function stageEventOf(db: Knex, stageId: string | null): Promise<string | null | undefined> {
  if (!stageId) return undefined;
  const { rows } = await db.raw('SELECT event_id FROM stages WHERE id = ?', [stageId]);
  return rows[0]?.event_id ?? null;
}

export async function resultCount(db: Knex, stageId: string | null): Promise<number> {
  if (!stageId) return 0;
  const { rows } = await db.raw('SELECT count(*)::int AS n FROM stage_results WHERE stage_id = ? AND total_seconds IS NOT NULL', [stageId]);
  return rows[0].n;
}

async function rankingOf(db: Knex, stage: StageRow): Promise<Map<string, number>> {
  const input = stage.start_order_input_stage_id;
  if (!needsResults(stage.start_order_strategy) || !input) return new Map();
  // The overall of `inverse_of_overall`: every stage of the event up to the input stage.
  const { rows: stages } = await db.raw(
    `SELECT s.id FROM stages s JOIN stages i ON i.id = ? WHERE s.event_id = i.event_id
        AND (s.id = i.id OR (s.sort_order IS NOT NULL AND i.sort_order IS NOT NULL AND s.sort_order < i.sort_order))`,
    [input],
  );
  const ids: string[] = stages.map((s: { id: string }) => s.id);
  const { rows: results } = await db.raw('SELECT entry_id, stage_id, total_seconds FROM stage_results WHERE stage_id = ANY(?)', [ids]);
  return rankingSeconds(stage.start_order_strategy as Strategy, input, results, ids);
}

export async function readStarts(db: Knex, segmentIds: string[]): Promise<StartRow[]> {
  const { rows } = await db.raw(
    `SELECT entry_id, segment_id, start_position, target_at, coalesce(manual_override, false) AS manual_override
       FROM entry_segment_starts WHERE segment_id = ANY(?)`,
    [segmentIds],
  );
  return rows.map((r: StartRow & { target_at: Date | null }) => ({ ...r, target_at: r.target_at ? new Date(r.target_at).toISOString() : null }));
}

/** Writes the stage's start rows (pinned rows kept unless `dropOverrides`) and its controls'
 * closing times. Idempotent: rows already right are not touched. */
export async function materialise(trx: Knex, stageId: string, userId: string | null, options: { dropOverrides?: boolean } = {}) {
  const stage = (await readStage(trx, stageId, true))!;
  const segments = await readSegments(trx, stageId);
  const segmentIds = segments.map((s) => s.id);
  const { rows: entries } = await trx.raw('SELECT id, race_number, status, class_id FROM entries WHERE event_id = ?', [stage.event_id]);
  const existing = await readStarts(trx, segmentIds);
  const previousPositions = new Map<string, number>();
  for (const r of existing) if (r.start_position !== null) previousPositions.set(r.entry_id, Math.min(r.start_position, previousPositions.get(r.entry_id) ?? Infinity));

  const order = startOrder({
    strategy: stage.start_order_strategy as Strategy,
    n: nOf(stage.start_order_strategy_params),
    entries,
    seconds: await rankingOf(trx, stage),
    previousPositions,
  });
  const rows = materialiseStarts({
    order, segments, startsAt: stage.starts_at!, intervalSeconds: stage.start_interval_seconds ?? 0,
    existing: options.dropOverrides ? [] : existing,
  });

  const wanted = JSON.stringify(rows);
  const removed = await trx.raw(
    `DELETE FROM entry_segment_starts s WHERE s.segment_id = ANY(?)
        AND NOT EXISTS (SELECT 1 FROM json_to_recordset(?::json) AS r(entry_id uuid, segment_id uuid) WHERE r.entry_id = s.entry_id AND r.segment_id = s.segment_id)`,
    [segmentIds, wanted],
  );
  const written = await trx.raw(
    `INSERT INTO entry_segment_starts (id, entry_id, segment_id, start_position, target_at, manual_override, user_created, date_created)
     SELECT gen_random_uuid(), r.entry_id, r.segment_id, r.start_position, r.target_at, r.manual_override, ?, now()
       FROM json_to_recordset(?::json) AS r(entry_id uuid, segment_id uuid, start_position int, target_at timestamptz, manual_override boolean)
     ON CONFLICT (segment_id, entry_id) DO UPDATE
        SET start_position = EXCLUDED.start_position, target_at = EXCLUDED.target_at, manual_override = EXCLUDED.manual_override,
            user_updated = EXCLUDED.user_created, date_updated = now()
      WHERE (entry_segment_starts.start_position, entry_segment_starts.target_at, entry_segment_starts.manual_override)
            IS DISTINCT FROM (EXCLUDED.start_position, EXCLUDED.target_at, EXCLUDED.manual_override)`,
    [userId, wanted],
  );

  let closing = 0;
  const rule = stage.closing_rule ? parseClosingRule(stage.closing_rule) : null;
  if (rule && !('error' in rule)) {
    const fenceIds = segments.flatMap((s) => [s.entry_geofence_id, s.exit_geofence_id]).filter((g): g is string => !!g);
    const { rows: controls } = await trx.raw('SELECT id FROM geofences WHERE id = ANY(?) AND kind = ANY(?)', [fenceIds, CONTROL_KINDS]);
    const times = closingTimes(rule, segments, rows, new Set(controls.map((c: { id: string }) => c.id)));
    const update = JSON.stringify([...times].map(([id, closes_at]) => ({ id, closes_at })));
    const result = await trx.raw(
      `UPDATE geofences g SET closes_at = r.closes_at, user_updated = ?, date_updated = now()
         FROM json_to_recordset(?::json) AS r(id uuid, closes_at timestamptz)
        WHERE g.id = r.id AND g.closes_at IS DISTINCT FROM r.closes_at`,
      [userId, update],
    );
    closing = result.rowCount ?? 0;
  }
  return { starters: order.length, rows: rows.length, written: written.rowCount ?? 0, removed: removed.rowCount ?? 0, closing };
}
