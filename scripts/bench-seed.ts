// Positions load benchmark: the seed's own path (generate rows and COPY them as they come) against
// a raw COPY of the same rows from a file, on the same database in the same run.
// Needs DB_* aimed at a database with the positions table (scripts/bench-seed.sh prepares one).
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { COPY_POSITIONS, copyPositions, copyText } from '../seed/load/positions.ts';
import { rallyAlbaniaCourse } from '../seed/rally-albania-2026/course/index.ts';
import { rallyAlbaniaRoster } from '../seed/rally-albania-2026/roster.ts';
import { stageOnePlans } from '../seed/rally-albania-2026/tracks.ts';
import { connectionConfig } from './lib/db.ts';

const rounds = Number(process.argv[2] ?? 2);
const plans = stageOnePlans(rallyAlbaniaRoster(), rallyAlbaniaCourse());
const dir = mkdtempSync(path.join(tmpdir(), 'bench-seed-'));
const file = path.join(dir, 'positions.copy');
const client = new pg.Client(connectionConfig());
await client.connect();

const seconds = async (fn: () => Promise<unknown>) => {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
};

try {
  const counter = { rows: 0 };
  const generation = await seconds(() => pipeline(Readable.from(copyText(plans, counter)), createWriteStream(file)));
  const rows = counter.rows;
  console.log(`rows: ${rows} for ${plans.length} trackers; generating them to a file took ${generation.toFixed(1)} s`);
  const raw: number[] = [];
  const ours: number[] = [];
  for (let r = 1; r <= rounds; r++) {
    await client.query('TRUNCATE positions');
    raw.push(await seconds(async () => {
      await client.query('BEGIN');
      await pipeline(createReadStream(file), client.query(copyFrom(COPY_POSITIONS)));
      await client.query('COMMIT');
    }));
    await client.query('TRUNCATE positions');
    ours.push(await seconds(async () => {
      await client.query('BEGIN');
      await copyPositions(client, plans);
      await client.query('COMMIT');
    }));
    console.log(`round ${r}: raw COPY ${raw.at(-1)!.toFixed(1)} s, seed path ${ours.at(-1)!.toFixed(1)} s`);
  }
  await client.query('TRUNCATE positions');
  const best = (xs: number[]) => Math.min(...xs);
  const rawRate = rows / best(raw);
  const ourRate = rows / best(ours);
  console.log(`\nraw COPY: ${Math.round(rawRate)} rows/s; seed path: ${Math.round(ourRate)} rows/s`);
  console.log(`load rate ratio (seed / raw COPY): ${(ourRate / rawRate).toFixed(2)} (goal ≥ 0.80)`);
  console.log(`5,000,000 rows at the seed path's rate: ${(5e6 / ourRate).toFixed(0)} s (goal < 60 s)`);
} finally {
  await client.end();
  rmSync(dir, { recursive: true, force: true });
}
