// The stage's review queue, kept in gps_* tables (db-init 107) so the screen's first load is one
// cheap read: the detectors run in the background, entry by entry, the first time a stage is asked
// for, and again for one entry after each flag of its trackers.
import type { Knex } from 'knex';
import type { LastFix, QueueDevice, StageQueue } from '../../domain/gps/suspect';
import type { ReasonCode } from '../../domain/gps/reasons';
import { stageDay } from '../../domain/gps/window';
import { eventPlaces } from './context';
import { reviewEntry, type EntryTracker } from './suspects';

export interface StageRow {
  id: string;
  event_id: string;
  organization_id: string;
  starts_at: string | null;
}

export async function stageOf(db: Knex, stageId: string): Promise<StageRow | null> {
  const { rows } = await db.raw('SELECT st.id, st.event_id, ev.organization_id, st.starts_at FROM stages st JOIN events ev ON ev.id = st.event_id WHERE st.id = ?', [stageId]);
  return (rows[0] as StageRow) ?? null;
}

const running = new Map<string, Promise<void>>();

/** Suspects whose points lie away from where the vehicle was: the stage's track lines skip them. */
const DISPLACED: ReasonCode[] = ['spike', 'zero-coordinates', 'out-of-range', 'power-on-drift', 'cross-check'];
const DISPLACED_SQL = DISPLACED.map((r) => `'${r}'`).join(', '); // our own constants, not input

async function trackersOfEvent(db: Knex, eventId: string, entryId?: string): Promise<(EntryTracker & { entry_id: string })[]> {
  const { rows } = await db.raw(`SELECT d.imei AS device_id, ed.entry_id, v.kind::text AS vehicle_kind FROM entry_devices ed
    JOIN devices d ON d.id = ed.device_id JOIN entries e ON e.id = ed.entry_id LEFT JOIN vehicles v ON v.id = e.vehicle_id
    WHERE e.event_id = ? ${entryId ? 'AND e.id = ?' : ''} ORDER BY e.race_number, d.imei`, entryId ? [eventId, entryId] : [eventId]);
  return rows;
}

/** Runs the detectors for a stage's entries (all, or one) and stores what the queue and tiles read. */
export async function computeReviews(db: Knex, stage: StageRow, entryId?: string): Promise<void> {
  if (!stage.starts_at) return;
  const { from, to } = stageDay(stage.starts_at);
  const places = await eventPlaces(db, stage.event_id);
  const trackers = await trackersOfEvent(db, stage.event_id, entryId);
  const byEntry = new Map<string, EntryTracker[]>();
  for (const t of trackers) byEntry.set(t.entry_id, [...(byEntry.get(t.entry_id) ?? []), t]);
  for (const [entry, list] of byEntry) {
    const reviews = await reviewEntry(db, list, from, to, places);
    await db.transaction(async (trx) => {
      for (const r of reviews) {
        await trx.raw('DELETE FROM gps_suspects WHERE stage_id = ? AND device_id = ?', [stage.id, r.device_id]);
        await trx.raw('DELETE FROM gps_track_chunks WHERE stage_id = ? AND device_id = ?', [stage.id, r.device_id]);
        if (r.suspects.length) {
          await trx.batchInsert('gps_suspects', r.suspects.map((s) => ({ stage_id: stage.id, device_id: r.device_id, reason: s.reason, ts_from: s.from, ts_to: s.to, count: s.count, faulty: s.faulty, evidence: JSON.stringify(s.evidence), impact: JSON.stringify(s.impact), score: s.impact.score })), 500);
        }
        // One-minute pieces of the good track, for tiles (the GIST index finds a tile's pieces; a
        // high-zoom tile then reads about the minute each tracker spent in it). Points a detector
        // places elsewhere than the vehicle was are left out too, flagged or not: each would draw a
        // long stroke across the stage map (the points layer still shows them as suspects).
        await trx.raw(`INSERT INTO gps_track_chunks (stage_id, device_id, ts_from, ts_to, line)
          SELECT ?, device_id, min(ts), max(ts), ST_MakeLine(ST_SetSRID(ST_MakePoint(longitude, latitude), 4326) ORDER BY ts)
          FROM positions p WHERE device_id = ? AND ts BETWEEN ? AND ? AND NOT faulty
            AND latitude BETWEEN -85 AND 85 AND longitude BETWEEN -180 AND 180 AND NOT (latitude = 0 AND longitude = 0)
            AND NOT EXISTS (SELECT 1 FROM gps_suspects s WHERE s.stage_id = ? AND s.device_id = p.device_id
              AND s.reason IN (${DISPLACED_SQL}) AND p.ts BETWEEN s.ts_from AND s.ts_to)
          GROUP BY device_id, floor(extract(epoch FROM ts) / 60) HAVING count(*) > 1`,
          [stage.id, r.device_id, from.toISOString(), to.toISOString(), stage.id]);
        await trx.raw('DELETE FROM gps_track_lines WHERE stage_id = ? AND device_id = ?', [stage.id, r.device_id]);
        await trx.raw(`INSERT INTO gps_track_lines (stage_id, device_id, line)
          SELECT stage_id, device_id, ST_Simplify(ST_LineMerge(ST_Collect(line ORDER BY ts_from)), 0.0003) FROM gps_track_chunks
          WHERE stage_id = ? AND device_id = ? GROUP BY stage_id, device_id`, [stage.id, r.device_id]);
        await trx.raw(`INSERT INTO gps_device_reviews (stage_id, device_id, entry_id, points, faulty_points, computed_at) VALUES (?, ?, ?, ?, ?, now())
          ON CONFLICT (stage_id, device_id) DO UPDATE SET entry_id = EXCLUDED.entry_id, points = EXCLUDED.points, faulty_points = EXCLUDED.faulty_points, computed_at = now()`,
          [stage.id, r.device_id, entry, r.fixes.length, r.fixes.filter((f) => f.faulty).length]);
      }
    });
  }
}

/** Starts the stage's computation unless it runs already. */
export function startReviews(db: Knex, stage: StageRow, log: (m: string) => void): Promise<void> {
  const existing = running.get(stage.id);
  if (existing) return existing;
  const job = computeReviews(db, stage).catch((e) => log(`GPS review of stage ${stage.id}: ${(e as Error).message}`)).finally(() => running.delete(stage.id));
  running.set(stage.id, job);
  return job;
}

/** After a flag: the stages whose review holds this tracker recompute its entry, in the background. */
export function refreshAfterFlag(db: Knex, deviceId: string, entryId: string, log: (m: string) => void): void {
  void (async () => {
    const { rows } = await db.raw('SELECT DISTINCT r.stage_id FROM gps_device_reviews r WHERE r.device_id = ?', [deviceId]);
    for (const { stage_id } of rows as { stage_id: string }[]) {
      const stage = await stageOf(db, stage_id);
      if (stage) await computeReviews(db, stage, entryId);
    }
  })().catch((e) => log(`GPS review refresh of ${deviceId}: ${(e as Error).message}`));
}

/** Each reviewed device's newest good fix in the stage's day: one query, one backward index step per device. */
export async function lastFixesOf(db: Knex, stage: StageRow): Promise<Map<string, LastFix>> {
  if (!stage.starts_at) return new Map();
  const { from, to } = stageDay(stage.starts_at);
  const { rows } = await db.raw(`SELECT r.device_id, f.ts, f.satellites, f.attributes->>'66' AS power, f.attributes->>'67' AS battery
    FROM gps_device_reviews r CROSS JOIN LATERAL (SELECT p.ts, p.satellites, p.attributes FROM positions p
      WHERE p.device_id = r.device_id AND p.ts BETWEEN ? AND ? AND NOT p.faulty AND p.satellites > 0 ORDER BY p.ts DESC LIMIT 1) f
    WHERE r.stage_id = ?`, [from.toISOString(), to.toISOString(), stage.id]);
  const mv = (v: unknown): number | null => (v == null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));
  return new Map((rows as { device_id: string; ts: Date | string; satellites: number; power: unknown; battery: unknown }[]).map((r) => [
    r.device_id, { ts: new Date(r.ts).toISOString(), satellites: Number(r.satellites), power_mv: mv(r.power), battery_mv: mv(r.battery) },
  ]));
}

export async function readQueue(db: Knex, stage: StageRow, log: (m: string) => void): Promise<StageQueue> {
  const computing = running.has(stage.id);
  const { rows: reviews } = await db.raw(`SELECT r.device_id, r.entry_id, r.points, r.faulty_points, r.computed_at, e.race_number, c.code AS class_code, v.kind::text AS vehicle_kind, ed.purpose::text AS purpose
    FROM gps_device_reviews r LEFT JOIN entries e ON e.id = r.entry_id LEFT JOIN classes c ON c.id = e.class_id LEFT JOIN vehicles v ON v.id = e.vehicle_id
    LEFT JOIN devices d ON d.imei = r.device_id LEFT JOIN entry_devices ed ON ed.entry_id = r.entry_id AND ed.device_id = d.id
    WHERE r.stage_id = ?`, [stage.id]);
  if (!reviews.length && !computing) void startReviews(db, stage, log);
  const { rows: byReason } = await db.raw(`SELECT device_id, reason, count(*)::int AS runs, sum(count - faulty)::int AS open, max(score)::int AS impact
    FROM gps_suspects WHERE stage_id = ? GROUP BY device_id, reason`, [stage.id]);
  const { rows: touched } = await db.raw(`SELECT device_id, count(DISTINCT p->>'id')::int AS n FROM gps_suspects, jsonb_array_elements(impact->'penalties') p
    WHERE stage_id = ? AND count > faulty GROUP BY device_id`, [stage.id]);
  const lastFixes = await lastFixesOf(db, stage);
  const penalties = new Map((touched as { device_id: string; n: number }[]).map((t) => [t.device_id, t.n]));
  const devices: QueueDevice[] = (reviews as Record<string, unknown>[]).map((r) => {
    const mine = (byReason as { device_id: string; reason: ReasonCode; runs: number; open: number; impact: number }[]).filter((x) => x.device_id === r.device_id);
    return {
      device_id: String(r.device_id), entry_id: (r.entry_id as string) ?? null, race_number: (r.race_number as number) ?? null, class_code: (r.class_code as string) ?? null,
      vehicle_kind: (r.vehicle_kind as string) ?? null, purpose: (r.purpose as string) ?? null, points: Number(r.points), faulty_points: Number(r.faulty_points),
      suspects: mine.reduce((s, x) => s + x.runs, 0), open_points: mine.reduce((s, x) => s + x.open, 0),
      by_reason: Object.fromEntries(mine.map((x) => [x.reason, x.runs])), impact: Math.max(0, ...mine.filter((x) => x.open > 0).map((x) => x.impact)),
      penalties: penalties.get(String(r.device_id)) ?? 0, last_fix: lastFixes.get(String(r.device_id)) ?? null,
    };
  });
  devices.sort((a, b) => b.impact - a.impact || b.open_points - a.open_points || (a.race_number ?? 0) - (b.race_number ?? 0));
  const computedAt = (reviews as { computed_at: string }[]).map((r) => new Date(r.computed_at).getTime());
  return {
    stage_id: stage.id,
    state: computing || !reviews.length ? 'computing' : 'ready',
    computed_at: computedAt.length ? new Date(Math.max(...computedAt)).toISOString() : null,
    retry_after_ms: 3000,
    devices,
  };
}
