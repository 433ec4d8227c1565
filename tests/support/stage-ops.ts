// The seeded stages as the stage-operations tests need them: stage 1 given results the way the
// timing service writes them (SQL into stage_results), stage 2 put back to the morning before it
// opened, and everything restored afterwards so that the seed's own tests still find the seed.
import type pg from 'pg';

export interface SeededStage {
  id: string;
  event_id: string;
  segments: { id: string; sort_order: number; target_duration_seconds: number | null; entry_geofence_id: string | null }[];
}

export async function seededStage(c: pg.Client, sortOrder: number): Promise<SeededStage> {
  const { rows: [stage] } = await c.query(`SELECT s.id, s.event_id FROM stages s JOIN events e ON e.id = s.event_id WHERE e.slug = 'rally-albania-2026' AND s.sort_order = $1`, [sortOrder]);
  const { rows: segments } = await c.query('SELECT id, sort_order, target_duration_seconds, entry_geofence_id FROM segments WHERE stage_id = $1 ORDER BY sort_order', [stage.id]);
  return { ...stage, segments };
}

/** Classified times for the starters of `stageId`'s event: 10000 + (race number × 37 mod 400) s
 * (so some tie), except `without` race numbers. Returns race number → seconds. */
export async function giveResults(c: pg.Client, stage: SeededStage, without: number[]): Promise<Map<number, number>> {
  const { rows } = await c.query(`SELECT id, race_number FROM entries WHERE event_id = $1 AND status = 'started' AND NOT race_number = ANY($2)`, [stage.event_id, without]);
  const seconds = new Map<number, number>(rows.map((r) => [r.race_number, 10000 + ((r.race_number * 37) % 400)]));
  await c.query(
    `INSERT INTO stage_results (id, entry_id, stage_id, raw_seconds, penalty_seconds, total_seconds, status)
     SELECT gen_random_uuid(), r.id, $1, r.s, 0, r.s, 'provisional' FROM json_to_recordset($2::json) AS r(id uuid, s int)`,
    [stage.id, JSON.stringify(rows.map((r) => ({ id: r.id, s: seconds.get(r.race_number) })))],
  );
  return seconds;
}

/** Saves what the tests change on `stage` (status, start settings, starts, the controls' closing
 * times) and the results of `resultsOf`; the returned function puts it all back. */
export async function saveStage(c: pg.Client, stage: SeededStage, resultsOf: SeededStage) {
  const { rows: [settings] } = await c.query('SELECT status, starts_at, start_interval_seconds, start_order_strategy, start_order_strategy_params, closing_rule FROM stages WHERE id = $1', [stage.id]);
  const segmentIds = stage.segments.map((s) => s.id);
  const { rows: starts } = await c.query('SELECT * FROM entry_segment_starts WHERE segment_id = ANY($1)', [segmentIds]);
  const { rows: fences } = await c.query('SELECT id, closes_at FROM geofences WHERE event_id = $1', [stage.event_id]);
  return async () => {
    await c.query('BEGIN');
    await c.query('DELETE FROM stage_results WHERE stage_id = $1', [resultsOf.id]);
    await c.query('DELETE FROM entry_segment_starts WHERE segment_id = ANY($1)', [segmentIds]);
    await c.query(
      `INSERT INTO entry_segment_starts SELECT * FROM json_populate_recordset(NULL::entry_segment_starts, $1::json)`, [JSON.stringify(starts)]);
    await c.query(
      `UPDATE stages SET status = $2, starts_at = $3, start_interval_seconds = $4, start_order_strategy = $5, start_order_strategy_params = $6, closing_rule = $7 WHERE id = $1`,
      [stage.id, settings.status, settings.starts_at, settings.start_interval_seconds, settings.start_order_strategy, JSON.stringify(settings.start_order_strategy_params), JSON.stringify(settings.closing_rule)],
    );
    await c.query('UPDATE geofences g SET closes_at = r.closes_at FROM json_to_recordset($1::json) AS r(id uuid, closes_at timestamptz) WHERE g.id = r.id', [JSON.stringify(fences)]);
    await c.query('COMMIT');
  };
}

/** The morning before: the stage published, no start list yet. */
export async function unopen(c: pg.Client, stage: SeededStage): Promise<void> {
  await c.query('DELETE FROM entry_segment_starts WHERE segment_id = ANY($1)', [stage.segments.map((s) => s.id)]);
  await c.query(`UPDATE stages SET status = 'published' WHERE id = $1`, [stage.id]);
}

export interface StartLine {
  race_number: number;
  sort_order: number;
  start_position: number;
  target_at: Date | null;
  manual_override: boolean;
}

export async function startsOf(c: pg.Client, stage: SeededStage): Promise<StartLine[]> {
  const { rows } = await c.query(
    `SELECT e.race_number, g.sort_order, x.start_position, x.target_at, x.manual_override
       FROM entry_segment_starts x JOIN segments g ON g.id = x.segment_id JOIN entries e ON e.id = x.entry_id
      WHERE g.stage_id = $1 ORDER BY x.start_position, g.sort_order`,
    [stage.id],
  );
  return rows;
}
