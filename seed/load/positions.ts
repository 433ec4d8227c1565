// Stage 1's synthetic positions in bulk: one COPY in one transaction, so a failed load leaves
// nothing behind and a second run finds them and skips.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { connectionConfig } from '../../scripts/lib/db.ts';
import type { CourseStage } from '../rally-albania-2026/course/types.ts';
import type { EntrySeed } from '../rally-albania-2026/roster.ts';
import { stageOnePlans } from '../rally-albania-2026/tracks.ts';
import { generateTrack, toCopyLine } from '../tracks/index.ts';
import type { TrackPlan } from '../tracks/types.ts';
import type { Tally } from './items.ts';

export const COPY_POSITIONS = 'COPY positions (device_id, ts, latitude, longitude, altitude, angle, speed, satellites, priority, attributes, codec) FROM STDIN';

/** COPY text in chunks of ~1,000 rows: one write per row would dominate the load. */
export async function* copyText(plans: TrackPlan[], counter: { rows: number }): AsyncGenerator<string> {
  let chunk = '';
  let n = 0;
  for (const plan of plans) {
    for (const row of generateTrack(plan)) {
      chunk += toCopyLine(row);
      if (++n % 1000 === 0) {
        yield chunk;
        chunk = '';
      }
    }
  }
  if (chunk) yield chunk;
  counter.rows = n;
}

/** Streams the plans' rows into positions with one COPY; returns the row count. */
export async function copyPositions(client: pg.Client, plans: TrackPlan[]): Promise<number> {
  const counter = { rows: 0 };
  await pipeline(Readable.from(copyText(plans, counter)), client.query(copyFrom(COPY_POSITIONS)));
  return counter.rows;
}

export async function loadPositions(roster: EntrySeed[], drawn: CourseStage[]): Promise<Tally> {
  const plans = stageOnePlans(roster, drawn);
  const client = new pg.Client(connectionConfig());
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM positions WHERE device_id = ANY($1)', [plans.map((p) => p.imei)]);
    if (Number(rows[0]!.n) > 0) return { collection: 'positions', total: Number(rows[0]!.n), created: 0 };
    const started = Date.now();
    await client.query('BEGIN');
    const loaded = await copyPositions(client, plans);
    await client.query('COMMIT');
    const seconds = (Date.now() - started) / 1000;
    console.log(`seed: positions: ${loaded} rows for ${plans.length} trackers in ${seconds.toFixed(1)} s (${Math.round(loaded / seconds)} rows/s)`);
    return { collection: 'positions', total: loaded, created: loaded };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
