// Measures what scripts/bench-stage-open.sh describes. An event of 250 confirmed entries; stage 1
// has a result for each (SQL, as the timing service writes them); stage 2 has four segments with
// target durations, a margin closing rule on its controls and the Rally Albania order (top 20 of
// stage 1 reversed, then natural, 60 s). Each round puts stage 2 back to published without starts,
// times the PATCH that opens it, then times one bulk INSERT of the same rows and removes them.
import { authentication, createDirectus, createItem, createItems, rest } from '@directus/sdk';
import pg from 'pg';

const ENTRIES = 250;
const rounds = Number(process.argv[2] ?? 15);
const base = `http://127.0.0.1:${process.env.PORT}`;

const admin = createDirectus(base).with(authentication('json', { autoRefresh: false })).with(rest());
await admin.login({ email: process.env.ADMIN_EMAIL!, password: process.env.ADMIN_PASSWORD! });
const db = new pg.Client({ host: '127.0.0.1', port: Number(process.env.PG_PORT), user: 'postgres', database: process.env.DB_DATABASE ?? 'directus' });
await db.connect();

const square = (lon: number, lat: number) => ({ type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]]] });
const org = await admin.request(createItem('organizations', { name: 'Bench club', slug: 'bench-stage' }));
const event = await admin.request(createItem('events', {
  organization_id: org.id, name: 'Bench rally', slug: 'bench-stage-rally', discipline: 'rally', starts_at: '2026-06-06T06:00:00Z', ends_at: '2026-06-13T18:00:00Z',
}));
const cls = await admin.request(createItem('classes', { event_id: event.id, code: 'B-1', name: 'Bench', race_number_from: 1, race_number_to: 999 }));
for (let i = 0; i < ENTRIES; i += 50) {
  await admin.request(createItems('entries', Array.from({ length: 50 }, (_, k) => ({ event_id: event.id, class_id: cls.id, race_number: i + k + 1, status: 'confirmed' })) as never));
}
const stage1 = await admin.request(createItem('stages', { event_id: event.id, name: 'Bench 1', sort_order: 1, status: 'draft', start_order_strategy: 'manual', start_interval_seconds: 60 }));
const stage2 = await admin.request(createItem('stages', {
  event_id: event.id, name: 'Bench 2', sort_order: 2, status: 'published', starts_at: '2026-06-08T05:00:00Z', start_interval_seconds: 60,
  start_order_strategy: 'inverse_top_n_then_natural', start_order_strategy_params: { n: 20 }, start_order_input_stage_id: stage1.id,
  closing_rule: { rule: 'margin', margin_seconds: 1800 },
} as never));
const fences = await admin.request(createItems('geofences', [0, 1, 2, 3, 4].map((k) => ({ event_id: event.id, name: `Bench TC${k}`, kind: 'time-control', area: square(19 + k / 10, 41) })) as never));
const types = ['liaison', 'special-stage', 'liaison', 'special-stage'];
const segments = await admin.request(createItems('segments', types.map((type, k) => ({
  stage_id: stage2.id, sort_order: k + 1, type, name: `Bench S${k + 1}`, target_duration_seconds: 1800 + 600 * k,
  entry_geofence_id: fences[k]!.id, exit_geofence_id: fences[k + 1]!.id,
})) as never));
await db.query(
  `INSERT INTO stage_results (id, entry_id, stage_id, total_seconds, status)
   SELECT gen_random_uuid(), id, $1, 10000 + (race_number * 37) % 400, 'provisional' FROM entries WHERE event_id = $2`, [stage1.id, event.id]);
const segmentIds = segments.map((s) => s.id as string);

async function reset() {
  await db.query('DELETE FROM entry_segment_starts WHERE segment_id = ANY($1)', [segmentIds]);
  await db.query(`UPDATE stages SET status = 'published' WHERE id = $1`, [stage2.id]);
}

async function timeOpen(): Promise<number> {
  const start = process.hrtime.bigint();
  const res = await fetch(`${base}/items/stages/${stage2.id}`, {
    method: 'PATCH', headers: { authorization: `Bearer ${await admin.getToken()}`, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'open' }),
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!res.ok) throw new Error(`bench: opening failed: ${res.status} ${await res.text()}`);
  return ms;
}

async function timeBulkInsert(rows: unknown[]): Promise<number> {
  const start = process.hrtime.bigint();
  await db.query(
    `INSERT INTO entry_segment_starts (id, entry_id, segment_id, start_position, target_at, manual_override)
     SELECT gen_random_uuid(), r.entry_id, r.segment_id, r.start_position, r.target_at, r.manual_override
       FROM json_to_recordset($1::json) AS r(entry_id uuid, segment_id uuid, start_position int, target_at timestamptz, manual_override boolean)`,
    [JSON.stringify(rows)],
  );
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const times = { open: [] as number[], reopen: [] as number[], insert: [] as number[] };
for (let round = -3; round < rounds; round++) {
  await reset();
  const open = await timeOpen();
  const reopen = await timeOpen();
  const { rows } = await db.query('SELECT entry_id, segment_id, start_position, target_at, manual_override FROM entry_segment_starts WHERE segment_id = ANY($1)', [segmentIds]);
  if (rows.length !== ENTRIES * 4) throw new Error(`bench: expected ${ENTRIES * 4} start rows, got ${rows.length}`);
  await db.query('DELETE FROM entry_segment_starts WHERE segment_id = ANY($1)', [segmentIds]);
  const insert = await timeBulkInsert(rows);
  if (round >= 0) {
    times.open.push(open);
    times.reopen.push(reopen);
    times.insert.push(insert);
  }
}
await db.end();
const baseline = median(times.insert);
console.log(`opening a stage of ${ENTRIES} entries × 4 segments (${ENTRIES * 4} start rows); ${rounds} rounds after 3 warm-up rounds`);
console.log(`  bulk INSERT (baseline)  median ${baseline.toFixed(1).padStart(7)} ms`);
for (const [name, xs] of [['open (PATCH status)', times.open], ['open again (no change)', times.reopen]] as const) {
  console.log(`  ${name.padEnd(23)} median ${median(xs).toFixed(1).padStart(7)} ms  ${(median(xs) / baseline).toFixed(1)}× the bulk INSERT  (goal ≤ 1 s: ${median(xs) <= 1000 ? 'met' : 'NOT met'})`);
}
