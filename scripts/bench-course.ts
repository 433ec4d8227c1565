// npm run bench:course: the course editor's figures, each beside a baseline measured in the same run
// (these machines are noisy). Needs a running stack with the seed (pass STACK_DIR, PORT...).
//   1. self-intersection check of a 10k-vertex polygon: our edge index vs sweepline-intersections (the old call) and turf's kinks
//   2. bytes our extension adds to the admin app's first load (gzip), without and with the map chunk
//   3. stage 1 in the editor to the map's idle vs the stock item page of the same special's segment
import { kinks, polygon } from '@turf/turf';
import sweeplineIntersections from 'sweepline-intersections';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { selfIntersections } from '../extensions/race-control/src/domain/course/geometry.ts';
import { launch, logIn } from '../tests/support/browser.ts';
import { baseUrl, stackEnv, withPg } from '../tests/support/stack.ts';

const ms = (t: number) => `${t.toFixed(1)} ms`;
function best(n: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

const n = 10_000;
const ring = Array.from({ length: n }, (_, i) => [20 + 0.1 * Math.cos((2 * Math.PI * i) / n) * (1 + 0.02 * Math.sin(i)), 42 + 0.1 * Math.sin((2 * Math.PI * i) / n)]);
ring.push(ring[0]!);
const ours = best(10, () => selfIntersections([ring]));
const old = best(5, () => sweeplineIntersections(polygon([ring]), false));
const turf = best(1, () => kinks(polygon([ring])));
console.log(`self-intersection, ${n} vertices: edge index ${ms(ours)} (goal ≤ 10 ms) vs sweepline-intersections ${ms(old)} (${(old / ours).toFixed(1)}× faster) and turf kinks ${ms(turf)} (${(turf / ours).toFixed(0)}×)`);

const dist = new URL('../extensions/race-control/dist/', import.meta.url);
const app = gzipSync(readFileSync(new URL('app.js', dist))).length;
const chunk = gzipSync(readFileSync(new URL('map-chunk.js', dist))).length;
console.log(`first load (gzip): app bundle ${(app / 1024).toFixed(1)} KB (goal ≤ 150 KB); with the map chunk it would be ${((app + chunk) / 1024).toFixed(1)} KB (${((app + chunk) / app).toFixed(1)}×), loaded only when a map screen opens`);

const [row] = await withPg('directus', async (c) => (await c.query(
  `SELECT s.id AS stage, g.id AS segment FROM stages s JOIN events e ON e.id = s.event_id JOIN segments g ON g.stage_id = s.id
    WHERE e.slug = 'rally-albania-2026' AND s.sort_order = 1 AND g.type = 'special-stage'`)).rows as { stage: string; segment: string }[]);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await logIn(page, 'race.director@msc-albania.example.org', stackEnv().DEMO_PASSWORD);
  const editor: number[] = [];
  const stock: number[] = [];
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    await page.goto(`${baseUrl()}/admin/course/stages/${row!.stage}`);
    await page.waitForFunction(() => {
      const map = (document.querySelector('[data-testid="race-map"]') as unknown as { raceMap?: { getSource(id: string): unknown; loaded(): boolean } })?.raceMap;
      return !!map && !!map.getSource('course-routes') && map.loaded();
    }, undefined, { timeout: 120_000 });
    editor.push(performance.now() - t);
    t = performance.now();
    await page.goto(`${baseUrl()}/admin/content/segments/${row!.segment}`);
    // The stock map interface (MapLibre 1.x) draws into a canvas once the form has the route.
    await page.locator('.interface-map canvas, .map canvas, canvas').first().waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    stock.push(performance.now() - t);
  }
  const [e, s] = [Math.min(...editor), Math.min(...stock)];
  console.log(`stage 1 in the course editor to map idle ${ms(e)} (all its objects) vs the stock segment page with its map ${ms(s)}: ${(s / e).toFixed(2)}× (goal > 1)`);
} finally {
  await browser.close();
}
console.log('not measured here: a vertex drag on a 20k-vertex route (see the e2e log line for the seeded route)');
