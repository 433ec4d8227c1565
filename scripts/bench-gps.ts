// Measures what scripts/bench-gps.sh describes. The 30k-point track and the 10k flag use a bench
// ride loaded for a seeded tracker on 2026-06-08 (no seed rows that day), removed at the end.
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { detectEntry } from '../extensions/race-control/src/domain/gps/entry.ts';
import type { Fix } from '../extensions/race-control/src/domain/gps/detect.ts';

const rounds = Number(process.argv[2] ?? 5);
const base = `http://127.0.0.1:${process.env.PORT}`;
const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD }) });
const token = ((await login.json()) as { data: { access_token: string } }).data.access_token;
const get = (path: string) => fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
const db = new pg.Client({ host: '127.0.0.1', port: Number(process.env.PG_PORT), user: 'postgres', database: process.env.DB_DATABASE ?? 'directus' });
await db.connect();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
async function time(fn: () => Promise<unknown>, n = rounds): Promise<number> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return median(out);
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

const { rows: [stage] } = await db.query(`SELECT st.id, st.starts_at FROM stages st JOIN events ev ON ev.id = st.event_id WHERE ev.slug = 'rally-albania-2026' AND st.sort_order = 1`);
const { rows: [dev] } = await db.query(`SELECT d.imei FROM devices d JOIN entry_devices ed ON ed.device_id = d.id JOIN entries e ON e.id = ed.entry_id
  WHERE e.event_id = (SELECT event_id FROM stages WHERE id = $1) AND ed.purpose = 'primary' ORDER BY d.imei LIMIT 1`, [stage.id]);
const imei = dev.imei as string;
const T0 = '2026-06-08T05:00:00Z';
const N = 30_000;
await db.query('DELETE FROM positions WHERE device_id = $1 AND ts >= $2 AND ts < $2::timestamptz + interval \'1 day\'', [imei, T0]);
// ~55 km/h with a wandering heading and GPS noise of a few metres, as the seed's tracks.
await db.query(`INSERT INTO positions (device_id, ts, latitude, longitude, altitude, angle, speed, satellites, priority, attributes, codec)
  SELECT $1, $2::timestamptz + k * interval '1 second', 41.3 + k * 0.00009 + 0.002 * sin(k / 400.0) + random() * 0.00003, 19.8 + k * 0.00011 + random() * 0.00003,
         200, 40, 50 + 10 * sin(k / 300.0), 9 + (k / 1000) % 4, 0, '{"182": 12}'::jsonb, '8E'
  FROM generate_series(0, $3 - 1) k`, [imei, T0, N]);
const to = new Date(Date.parse(T0) + N * 1000).toISOString();
console.log(`GPS review benchmark (${rounds} rounds, medians)`);

// 1. Track
const trackPath = `/race-control/gps/track?device_id=${imei}&from=${T0}&to=${to}&max_points=${N}`;
let body = new Uint8Array();
const tTrack = await time(async () => { body = new Uint8Array(await (await get(trackPath)).arrayBuffer()); });
const tRaw = await time(() => db.query('SELECT ts, latitude, longitude, speed, satellites, attributes->>\'182\' AS hdop, faulty FROM positions WHERE device_id = $1 AND ts BETWEEN $2 AND $3 ORDER BY ts', [imei, T0, to]));
const gz = gzipSync(body).length;
console.log(`track, ${N} points:     endpoint ${ms(tTrack)} vs raw SQL ${ms(tRaw)} = ${(tTrack / tRaw).toFixed(2)}× (goal ≤ 2×); ${(gz / N).toFixed(2)} bytes/point gzipped (goal ≤ 3.5), ${body.length} raw`);

// 2. Suspects of one tracker (its entry is read whole, for the cross-check) and of the stage.
const { rows: mates } = await db.query(`SELECT d.imei FROM devices d JOIN entry_devices ed ON ed.device_id = d.id WHERE ed.entry_id = (SELECT ed2.entry_id FROM entry_devices ed2 JOIN devices d2 ON d2.id = ed2.device_id WHERE d2.imei = $1 LIMIT 1)`, [imei]);
const day = { from: new Date(Date.parse(stage.starts_at) - 2 * 3600_000).toISOString(), to: new Date(Date.parse(stage.starts_at) + 26 * 3600_000).toISOString() };
const readSql = 'SELECT ts, latitude, longitude, speed, satellites, attributes->>\'182\' AS hdop, faulty FROM positions WHERE device_id = ANY($1) AND ts BETWEEN $2 AND $3 ORDER BY device_id, ts';
const tSus = await time(async () => {
  const res = await get(`/race-control/gps/suspects?device_id=${imei}&stage_id=${stage.id}`);
  if (!res.ok) throw new Error(`suspects: ${res.status} ${await res.text()}`);
  await res.text();
});
const tSusRaw = await time(() => db.query(readSql, [mates.map((m) => m.imei), day.from, day.to]));
console.log(`suspects, one tracker:  endpoint ${ms(tSus)} vs reading its entry's rows ${ms(tSusRaw)} = ${(tSus / tSusRaw).toFixed(2)}×`);
const { rows: entries } = await db.query(`SELECT ed.entry_id, array_agg(d.imei) AS imeis, min(v.kind::text) AS kind FROM entry_devices ed JOIN devices d ON d.id = ed.device_id JOIN entries e ON e.id = ed.entry_id
  JOIN events ev ON ev.id = e.event_id LEFT JOIN vehicles v ON v.id = e.vehicle_id WHERE ev.slug = 'rally-albania-2026' GROUP BY ed.entry_id`);
let tRead = 0;
let tDetect = 0;
let points = 0;
for (const e of entries) {
  const t = performance.now();
  const { rows } = await db.query(readSql, [e.imeis, day.from, day.to]);
  tRead += performance.now() - t;
  const t2 = performance.now();
  const tracks = (e.imeis as string[]).map((id) => ({ device_id: id, vehicle_kind: e.kind, fixes: [] as Fix[] }));
  for (const r of rows) tracks.find((x) => x.device_id === r.device_id)?.fixes.push({ ts: r.ts.getTime(), lat: r.latitude, lon: r.longitude, speed: r.speed ?? 0, satellites: r.satellites, hdop: r.hdop === null ? null : Number(r.hdop) / 10, faulty: r.faulty });
  detectEntry(tracks);
  tDetect += performance.now() - t2;
  points += rows.length;
}
console.log(`suspects, whole stage:  ${entries.length} entries, ${points} rows: read ${ms(tRead)} + detect ${ms(tDetect)} = ${((tRead + tDetect) / tRead).toFixed(2)}× reading`);

// 3. Tiles of stage 1 along the tracks, zooms 8–16.
// Twelve places along one tracker's stage-1 track, evenly spaced in time.
const { rows: spots } = await db.query(`SELECT longitude, latitude FROM (SELECT longitude, latitude, ntile(12) OVER (ORDER BY ts) AS part, row_number() OVER (ORDER BY ts) AS k
  FROM positions WHERE device_id = $1 AND ts BETWEEN $2 AND $3 AND NOT faulty AND latitude BETWEEN 39 AND 43 AND longitude BETWEEN 19 AND 21) s
  WHERE k % 997 = 0 LIMIT 12`, [imei, day.from, T0]);
const tile = (lon: number, lat: number, z: number) => {
  const n = 2 ** z;
  return `${z}/${Math.floor(((lon + 180) / 360) * n)}/${Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * n)}`;
};
const byZoom = new Map<number, number[]>();
for (let z = 8; z <= 16; z++) {
  const seen = new Set(spots.map((s) => tile(s.longitude, s.latitude, z)));
  for (const t of seen) {
    const s = performance.now();
    await (await get(`/race-control/gps/stages/${stage.id}/tiles/${t}.mvt`)).arrayBuffer();
    byZoom.set(z, [...(byZoom.get(z) ?? []), performance.now() - s]);
  }
}
const all = [...byZoom.values()].flat();
console.log(`tiles, zooms 8–16:      ${all.length} tiles, p50 ${ms(pct(all, 50))}, p95 ${ms(pct(all, 95))} (goal p95 ≤ 50 ms); by zoom p95: ${[...byZoom].map(([z, xs]) => `${z}:${pct(xs, 95).toFixed(0)}`).join(' ')}`);

// 4. Flag 10k points and emit vs the bare UPDATE (each undone before the next round).
const flagTo = new Date(Date.parse(T0) + 9_999 * 1000).toISOString();
const post = (b: unknown) => fetch(`${base}/race-control/gps/flags`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(b) }).then((r) => r.json());
const flags: number[] = [];
const updates: number[] = [];
for (let i = 0; i < rounds; i++) {
  let t = performance.now();
  const a = (await post({ action: 'flag', device_id: imei, reason: 'other', note: 'benchmark', from: T0, to: flagTo })) as { data: { changed: number } };
  flags.push(performance.now() - t);
  if (a.data.changed !== 10_000) throw new Error(`flag changed ${a.data.changed} points, expected 10000`);
  await post({ action: 'unflag', device_id: imei, reason: 'flagged-in-error', from: T0, to: flagTo });
  t = performance.now();
  await db.query('UPDATE positions SET faulty = true WHERE device_id = $1 AND ts BETWEEN $2 AND $3 AND NOT faulty', [imei, T0, flagTo]);
  updates.push(performance.now() - t);
  await db.query('UPDATE positions SET faulty = false WHERE device_id = $1 AND ts BETWEEN $2 AND $3', [imei, T0, flagTo]);
}
console.log(`flag 10k points:        endpoint ${ms(median(flags))} (goal ≤ 300 ms) vs bare UPDATE ${ms(median(updates))} = ${(median(flags) / median(updates)).toFixed(2)}×`);

await db.query('DELETE FROM positions WHERE device_id = $1 AND ts >= $2 AND ts < $2::timestamptz + interval \'1 day\'', [imei, T0]);
await db.query('DELETE FROM position_flags WHERE device_id = $1 AND note = \'benchmark\' OR (device_id = $1 AND reason = \'flagged-in-error\' AND "from" >= $2)', [imei, T0]);
await db.end();
