// npm run bench:gps-review: the GPS review screen's hot paths in headless Chromium against the
// running stack (STACK_DIR, seeded), with the generic path measured in the same page as baseline.
// Goals (issue 12): track request → drawn ≤ 1 s; next suspect ≤ 100 ms; lasso over 30k ≤ 5 ms;
// highlight of a selection ≤ 60 ms.
import { build } from 'esbuild';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const STACK_DIR = process.env.STACK_DIR ?? path.join(ROOT, '.stack', 'dev');
const env = Object.fromEntries(readFileSync(path.join(STACK_DIR, 'stack.env'), 'utf8').split('\n').filter((l) => /^\w+=/.test(l)).map((l) => l.split(/=(.*)/s).slice(0, 2)));
const base = `http://127.0.0.1:${env.PORT}`;

const bundle = await build({ entryPoints: [path.join(ROOT, 'extensions/race-control/src/app/modules/gps-review/bench-page.ts')], bundle: true, format: 'iife', write: false, target: 'es2022', logLevel: 'warning' });

const db = new pg.Client({ host: '127.0.0.1', port: Number(env.PG_PORT), user: 'postgres', database: 'directus' });
await db.connect();
// The busiest tracker of stage 1: the nearest the seed has to a 30k-point day.
const { rows: [device] } = await db.query(`SELECT p.device_id, min(p.ts) AS first FROM positions p GROUP BY p.device_id ORDER BY count(*) DESC LIMIT 1`);
const { rows: [stage] } = await db.query(`SELECT s.starts_at FROM stages s JOIN events e ON e.id = s.event_id WHERE e.slug = 'rally-albania-2026' AND s.sort_order = 1`);
await db.end();
const from = new Date(new Date(stage.starts_at).getTime() - 2 * 3600_000);
const window = { from: from.toISOString(), to: new Date(from.getTime() + 24 * 3600_000 - 1000).toISOString() };

const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }) });
const token = ((await login.json()) as { data: { access_token: string } }).data.access_token;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});
// The page is ours, on the stack's origin (same-origin fetches, the map chunk as a module); Directus's
// policy forbids inline scripts, which is how the bench code gets in.
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
await page.goto(`${base}/server/ping`);
await page.setContent('<div id="map" style="position:absolute;inset:0 0 200px 0"></div><div id="chart" style="position:absolute;bottom:0;height:200px;width:100%"></div>');
await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
const out = (await page.evaluate((o) => (globalThis as unknown as { bench: { run(o: unknown): Promise<Record<string, number>> } }).bench.run(o), { base, token, imei: device.device_id, ...window })) as Record<string, number>;
await browser.close();

const ms = (n: number) => `${n.toFixed(1)} ms`;
const verdict = (value: number, goal: number) => `${value <= goal ? 'meets' : 'MISSES'} the goal of ${goal} ms`;
console.log(`gps-review bench: device ${device.device_id}, ${out.points} points (RCT1 ${(out.bytes_rct1! / 1024).toFixed(0)} KB, JSON ${(out.bytes_json! / 1024).toFixed(0)} KB)`);
console.log(`  track request → drawn      ${ms(out.binary_to_drawn_ms!)} (${verdict(out.binary_to_drawn_ms!, 1000)}); plain GeoJSON ${ms(out.geojson_to_drawn_ms!)}; ratio ${(out.binary_to_drawn_ms! / out.geojson_to_drawn_ms!).toFixed(2)}`);
console.log(`  next suspect (map + chart) to the next frame: median ${ms(out.step_median_ms!)}, worst ${ms(out.step_worst_ms!)} over ${out.suspects_stepped} (${verdict(out.step_median_ms!, 100)}); to idle (every tile sharp) ${ms(out.step_idle_median_ms!)}`);
console.log(`  lasso over 30k points      median ${ms(out.lasso_30k_median_ms!)} (~${Math.round(out.lasso_mean_hits!)} hits; index build ${ms(out.index_build_30k_ms!)}) (${verdict(out.lasso_30k_median_ms!, 5)})`);
console.log(`  highlight 1% of the points to the next frame: median ${ms(out.highlight_1pct_median_ms!)} (${verdict(out.highlight_1pct_median_ms!, 60)}); a frame with nothing changed ${ms(out.bare_frame_median_ms!)}`);
