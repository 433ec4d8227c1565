// Measures what scripts/bench-course-files.sh describes. The browser half runs on a blank page
// (no admin app, no network): the worker is the product's own parse-worker.ts, bundled by esbuild
// as scripts/build-map-chunk.mjs bundles it; the reference is DOMParser + togeojson on the page.
import { authentication, createDirectus, createItem, rest } from '@directus/sdk';
import { buildSync } from 'esbuild';
import pg from 'pg';
import { chromium } from 'playwright-core';

const rounds = Number(process.argv[2] ?? 3);
const ROOT = new URL('..', import.meta.url).pathname;
const ext = `${ROOT}extensions/race-control`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bundle = (entry: string, contents?: string) => buildSync({
  ...(contents ? { stdin: { contents, resolveDir: ext, loader: 'ts' } } : { entryPoints: [entry] }),
  bundle: true, format: 'iife', minify: true, target: 'es2022', write: false, absWorkingDir: ext,
}).outputFiles[0]!.text;

// ---- 1. parse + simplify in the browser ----
const worker = bundle(`${ext}/src/app/modules/course/components/course-files/parse-worker.ts`);
// The page's side of the reply, as parse-in-worker.ts does it (flat arrays back to positions).
const reference = bundle('', `import { gpx } from '@tmcw/togeojson'; import { fromWire } from './src/app/modules/course/components/course-files/parse-messages'; (globalThis as any).togeojson = { gpx }; (globalThis as any).fromWire = fromWire;`);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND'] });
const page = await browser.newPage();
await page.setContent('<!doctype html><title>bench</title>');
await page.addScriptTag({ content: reference });
const results = await page.evaluate(async ({ workerSource, rounds }) => {
  const n = 100_000;
  const parts: string[] = ['<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Bench</name><trkseg>'];
  for (let i = 0; i < n; i++) {
    const lon = (19.9 + (i / n) * 0.9 + 0.004 * Math.sin(i / 40)).toFixed(7);
    const lat = (42.05 + 0.02 * Math.sin((i / n) * 9) + 0.003 * Math.cos(i / 25)).toFixed(7);
    parts.push(`<trkpt lat="${lat}" lon="${lon}"><ele>${(400 + (i % 300) / 3).toFixed(1)}</ele><time>${new Date(Date.UTC(2026, 5, 7, 6) + i * 1000).toISOString()}</time></trkpt>`);
  }
  parts.push('</trkseg></trk></gpx>');
  const text = parts.join('\n');
  const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  const out = { megabytes: text.length / 1024 / 1024, worker: [] as number[], kept: 0, blockedMs: [] as number[], longTasks: [] as number[], reference: [] as number[], referencePoints: 0, idleBlockedMs: 0 };
  // Main-thread watch: the longest gap between 5 ms ticks. Measured idle first, since on a loaded
  // machine the page's thread is not scheduled on time even when it has nothing to do.
  const watch = () => {
    let last = performance.now(), worst = 0;
    const tick = setInterval(() => { const now = performance.now(); worst = Math.max(worst, now - last - 5); last = now; }, 5);
    return () => { clearInterval(tick); return worst; };
  };
  const longTasks: PerformanceEntry[] = [];
  new PerformanceObserver((list) => { longTasks.push(...list.getEntries()); }).observe({ type: 'longtask', buffered: false });
  const idle = watch();
  await new Promise((r) => setTimeout(r, 2000));
  out.idleBlockedMs = idle();
  for (let r = 0; r < rounds; r++) {
    // A picked file is a File already; making this one is not part of the parse.
    const file = new File([text], 'bench.gpx');
    const stop = watch();
    const t0 = performance.now();
    const course = await new Promise<{ routes: { coordinates: unknown[] }[] }>((resolve, reject) => {
      const w = new Worker(url);
      w.onmessage = (e) => { if (e.data.type === 'done') { w.terminate(); resolve((globalThis as unknown as { fromWire(c: unknown): { routes: { coordinates: unknown[] }[] } }).fromWire(e.data.course)); } else if (e.data.type === 'refused') reject(new Error(e.data.message)); };
      w.postMessage({ file, toleranceMeters: null });
    });
    out.worker.push(performance.now() - t0);
    const t2 = performance.now();
    out.blockedMs.push(stop());
    await new Promise((r) => setTimeout(r, 100)); // long-task entries arrive after their task
    out.longTasks.push(Math.max(0, ...longTasks.filter((e) => e.startTime >= t0 && e.startTime < t2).map((e) => e.duration)));
    out.kept = course.routes[0]!.coordinates.length;
  }
  // The reference after all worker rounds: its 100k-element DOM's garbage would otherwise be
  // collected on the page's thread during the next worker round, and counted against it.
  for (let r = 0; r < rounds; r++) {
    const t1 = performance.now();
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const fc = (globalThis as unknown as { togeojson: { gpx(d: Document): { features: { geometry: { coordinates: unknown[] } }[] } } }).togeojson.gpx(doc);
    out.reference.push(performance.now() - t1);
    out.referencePoints = fc.features[0]!.geometry.coordinates.length;
  }
  return out;
}, { workerSource: worker, rounds });
await browser.close();
const w = median(results.worker), ref = median(results.reference);
console.log(`parse + simplify, GPX of 100,000 track points (${results.megabytes.toFixed(1)} MB), median of ${rounds}:`);
console.log(`  our Web Worker (txml, simplify within 1 m, 7 decimals, checks): ${w.toFixed(0)} ms, kept ${results.kept.toLocaleString('en')} vertices`);
console.log(`  DOMParser + togeojson on the main thread (no simplify):          ${ref.toFixed(0)} ms, ${results.referencePoints.toLocaleString('en')} points`);
console.log(`  ratio worker / reference: ${(w / ref).toFixed(2)}; main thread blocked at most ${Math.max(...results.blockedMs).toFixed(0)} ms while the worker parsed and its reply was read (${results.idleBlockedMs.toFixed(0)} ms with the page idle); longest long task ${Math.max(...results.longTasks).toFixed(0)} ms`);

// ---- 2. import save vs one INSERT per row ----
if (process.env.BENCH_ONLY === 'browser') process.exit(0);
const base = `http://127.0.0.1:${process.env.PORT}`;
const admin = createDirectus(base).with(authentication('json', { autoRefresh: false })).with(rest());
await admin.login({ email: process.env.ADMIN_EMAIL!, password: process.env.ADMIN_PASSWORD! });
const db = new pg.Client({ host: '127.0.0.1', port: Number(process.env.PG_PORT), user: 'postgres', database: process.env.DB_DATABASE ?? 'directus' });
await db.connect();
const run = Date.now().toString(36);
const org = await admin.request(createItem('organizations', { name: `Bench files ${run}`, slug: `bench-files-${run}` }));
const event = await admin.request(createItem('events', { organization_id: org.id, name: 'Bench files rally', slug: `bench-files-${run}`, discipline: 'rally', starts_at: '2026-06-06T06:00:00Z', ends_at: '2026-06-13T18:00:00Z' } as never));

const line = (n: number, lon0: number) => Array.from({ length: n }, (_, i) => [+(lon0 + i * 0.0002).toFixed(7), +(42.05 + 0.002 * Math.sin(i / 30)).toFixed(7)]);
const liaison = line(4000, 19.1), special = line(16000, 19.9);
const features: unknown[] = [
  { type: 'Feature', properties: { name: 'Liaison', type: 'liaison', segment: 0 }, geometry: { type: 'LineString', coordinates: liaison } },
  { type: 'Feature', properties: { name: 'SS', type: 'special-stage', segment: 1 }, geometry: { type: 'LineString', coordinates: special } },
];
const kinds = ['WPV', 'WPM', 'WPE', 'WPS', 'WPC', 'WPN', 'WPP'];
for (let k = 0; k < 50; k++) {
  const kind = k === 0 ? 'DSS' : k === 49 ? 'ASS' : kinds[k % kinds.length];
  features.push({ type: 'Feature', properties: { name: `${kind} ${k + 1}`, kind, tolerance_meters: 90, open_radius_meters: 800, roadbook_km: k, show_coordinates: false, segment: 1 }, geometry: { type: 'Point', coordinates: special[k * 320]! } });
}
for (let k = 0; k < 10; k++) {
  const [lon, lat] = special[800 + k * 1500]! as [number, number];
  const d = 0.004;
  features.push({ type: 'Feature', properties: { name: `Zone ${k + 1}`, speed_limit_kmh: 50, segment: 1 }, geometry: { type: 'Polygon', coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]] } });
}
const text = JSON.stringify({ type: 'FeatureCollection', generator: 'race-control', features });
const saves: number[] = [], inserts: number[] = [];
for (let r = 0; r < rounds; r++) {
  const stage = await admin.request(createItem('stages', { event_id: event.id, name: `Bench ${r}`, sort_order: r + 1, status: 'draft' } as never));
  const t0 = process.hrtime.bigint();
  const res = await fetch(`${base}/race-control/stages/${stage.id}/course-files/import`, {
    method: 'POST', headers: { authorization: `Bearer ${await admin.getToken()}`, 'content-type': 'application/json' }, body: JSON.stringify({ file: { name: 'stage.geojson', text }, mode: 'add' }),
  });
  saves.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if (!res.ok) throw new Error(`bench: the import failed: ${res.status} ${await res.text()}`);
  const bare = await admin.request(createItem('stages', { event_id: event.id, name: `Bench SQL ${r}`, sort_order: 100 + r, status: 'draft' } as never));
  const t1 = process.hrtime.bigint();
  const seg: string[] = [];
  for (const [i, coords] of [liaison, special].entries()) {
    const { rows } = await db.query(`INSERT INTO segments (id, stage_id, name, type, sort_order, route) VALUES (gen_random_uuid(), $1, $2, $3, $4, ST_SetSRID(ST_GeomFromGeoJSON($5), 4326)) RETURNING id`,
      [bare.id, `S${i}`, i ? 'special-stage' : 'liaison', i + 1, JSON.stringify({ type: 'LineString', coordinates: coords })]);
    seg.push(rows[0].id);
  }
  for (const f of features.slice(2) as { properties: Record<string, unknown>; geometry: { type: string } }[]) {
    if (f.geometry.type === 'Point') {
      await db.query(`INSERT INTO waypoints (id, segment_id, sort_order, kind, name, location, tolerance_meters, open_radius_meters, roadbook_km, show_coordinates) VALUES (gen_random_uuid(), $1, $2, $3, $4, ST_SetSRID(ST_GeomFromGeoJSON($5), 4326), 90, 800, $6, false)`,
        [seg[1], f.properties.roadbook_km, f.properties.kind, f.properties.name, JSON.stringify(f.geometry), f.properties.roadbook_km]);
    } else {
      await db.query(`INSERT INTO speed_limit_zones (id, segment_id, name, speed_limit_kmh, area) VALUES (gen_random_uuid(), $1, $2, 50, ST_SetSRID(ST_GeomFromGeoJSON($3), 4326))`, [seg[1], f.properties.name, JSON.stringify(f.geometry)]);
    }
  }
  inserts.push(Number(process.hrtime.bigint() - t1) / 1e6);
}
await db.end();
const s = median(saves), q = median(inserts);
console.log(`import save of a stage (2 routes of 20,000 vertices, 50 waypoints, 10 zones; ${(text.length / 1024).toFixed(0)} KB), median of ${rounds}:`);
console.log(`  POST …/course-files/import (parse, checks, ItemsService as the caller, one transaction, course checks): ${s.toFixed(0)} ms`);
console.log(`  one SQL INSERT per row (62 rows):                                                           ${q.toFixed(0)} ms`);
console.log(`  ratio: ${(s / q).toFixed(1)}×`);
