// The course editor as the seeded race director (not the admin) on stage 1 of Rally Albania 2026,
// which the seed leaves `closed`: the stage-ops hooks guard only the stage's own status and start
// fields, so its course may still be corrected, and the editor says the stage is closed. Draws a
// geofence by clicking and reads the same polygon back from PostGIS; drags a route vertex and a
// clear radius and undoes both; a bow-tie is refused on screen with its place; cuts a speed zone
// from a stretch of the special's route (DZ and FZ clicked on the route) and finds a valid corridor
// covering that stretch in PostGIS; draws a new segment's route by clicking and reads the same
// LineString back; a marshal sees the course read-only. Screenshots: artifacts/e2e/course-*.png.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, logIn, screenshot } from '../support/browser.ts';
import { baseUrl, stackEnv, withPg } from '../support/stack.ts';

const DIRECTOR = 'race.director@msc-albania.example.org';
const MARSHAL = 'marshal@msc-albania.example.org';
const RUN = Date.now().toString(36);
const FENCE = `E2E fence ${RUN}`;
const ZONE = `E2E zone ${RUN}`;
const ROUTE = `E2E route ${RUN}`;

let browser: Browser;
let stage: { id: string; special: string; specialRoute: string };

const sql = <T>(text: string, values: unknown[] = []) => withPg('directus', async (c) => (await c.query(text, values)).rows as T[]);

beforeAll(async () => {
  browser = await launch();
  const [row] = await sql<{ id: string; special: string; route: string }>(
    `SELECT s.id, g.id AS special, md5(ST_AsText(g.route)) AS route FROM stages s JOIN events e ON e.id = s.event_id JOIN segments g ON g.stage_id = s.id
      WHERE e.slug = 'rally-albania-2026' AND s.sort_order = 1 AND g.type = 'special-stage'`);
  stage = { id: row!.id, special: row!.special, specialRoute: row!.route };
});
afterAll(async () => {
  await sql(`DELETE FROM geofences WHERE name LIKE 'E2E fence %' OR name LIKE 'Geofence %' AND event_id = (SELECT event_id FROM stages WHERE id = $1)`, [stage.id]);
  await sql(`DELETE FROM speed_limit_zones WHERE name LIKE 'E2E zone %'`);
  await sql(`DELETE FROM segments WHERE name LIKE 'E2E route %'`);
  await browser?.close();
});

async function openEditor(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}/admin/course/stages/${stage.id}`);
  await page.locator('[data-testid="course-list"]').waitFor({ timeout: 60_000 });
  // The map is ready when its course layers hold the stage's routes.
  await page.waitForFunction(() => {
    const map = (document.querySelector('[data-testid="race-map"]') as unknown as { raceMap?: { getSource(id: string): unknown; loaded(): boolean } })?.raceMap;
    return !!map && !!map.getSource('course-routes') && map.loaded();
  }, undefined, { timeout: 60_000 });
}

/** Screen position of a lon/lat on the map. */
async function screenOf(page: Page, at: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((p) => {
    const el = document.querySelector('[data-testid="race-map"]') as HTMLElement & { raceMap: { project(p: [number, number]): { x: number; y: number } } };
    const r = el.getBoundingClientRect();
    const q = el.raceMap.project(p);
    return { x: r.left + q.x, y: r.top + q.y };
  }, at);
}
/** Centres the map on `center`, or `left` px left of the centre (clear of the inspector over the map). */
async function jumpTo(page: Page, center: [number, number], zoom: number, left = 0) {
  await page.evaluate(([c, z, l]) => {
    const map = (document.querySelector('[data-testid="race-map"]') as unknown as { raceMap: { jumpTo(o: object): void; panBy(o: [number, number], a: object): void } }).raceMap;
    map.jumpTo({ center: c, zoom: z });
    if (l) map.panBy([l, 0], { duration: 0 });
  }, [center, zoom, left] as const);
  await page.waitForTimeout(500);
}
async function lonLatOf(page: Page, x: number, y: number): Promise<[number, number]> {
  return page.evaluate(([px, py]) => {
    const el = document.querySelector('[data-testid="race-map"]') as HTMLElement & { raceMap: { unproject(p: [number, number]): { lng: number; lat: number } } };
    const r = el.getBoundingClientRect();
    const q = el.raceMap.unproject([px - r.left, py - r.top]);
    return [q.lng, q.lat] as [number, number];
  }, [x, y] as const);
}
/** Types into an inspector field and leaves it, as a person does (the change lands on leaving). */
async function setField(page: Page, testid: string, value: string) {
  await page.locator(`[data-testid="${testid}"]`).fill(value);
  await page.locator(`[data-testid="${testid}"]`).press('Tab');
}
async function save(page: Page) {
  await page.locator('[data-testid="save"]').click();
  await page.locator('[data-testid="saved"]').waitFor({ timeout: 30_000 });
  await expectMapInView(page);
}
/** A notice (saved, refused) shrinks the map; it must not push the map's bottom (scale, coordinates) out of sight. */
async function expectMapInView(page: Page) {
  const box = await page.locator('[data-testid="race-map"]').boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
}
async function clickPolygon(page: Page, corners: { x: number; y: number }[]) {
  for (const c of corners) {
    await page.mouse.click(c.x, c.y);
    await page.waitForTimeout(250);
  }
  await page.mouse.click(corners[0]!.x, corners[0]!.y); // the first corner again closes the ring
  await page.waitForTimeout(500);
}

describe('the course editor, as the race director', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await logIn(page, DIRECTOR, stackEnv().DEMO_PASSWORD);
  });

  it('opens stage 1 from the events list and shows every seeded object on the map and in the list', async () => {
    await page.goto(`${baseUrl()}/admin/course`);
    await page.locator('[data-testid="stage-1"]').first().waitFor({ timeout: 60_000 });
    await screenshot(page, 'course-events');
    await page.locator('[data-testid="stage-1"]').first().click();
    await page.locator('[data-testid="course-list"]').waitFor({ timeout: 60_000 });
    await openEditor(page);
    const [counts] = await sql<{ w: number; z: number; s: number }>(
      `SELECT (SELECT count(*)::int FROM waypoints w JOIN segments g ON g.id = w.segment_id WHERE g.stage_id = $1) AS w,
              (SELECT count(*)::int FROM speed_limit_zones z JOIN segments g ON g.id = z.segment_id WHERE g.stage_id = $1) AS z,
              (SELECT count(*)::int FROM segments WHERE stage_id = $1) AS s`, [stage.id]);
    expect(await page.locator('[data-testid^="item-waypoints:"]').count()).toBe(counts!.w);
    expect(await page.locator('[data-testid^="item-speed_limit_zones:"]').count()).toBe(counts!.z);
    expect(await page.locator('[data-testid^="item-segments:"]').count()).toBe(counts!.s);
    expect(await page.locator('[data-testid^="item-geofences:"]').count()).toBeGreaterThanOrEqual(8);
    const onMap = await page.evaluate(() => {
      const map = (document.querySelector('[data-testid="race-map"]') as unknown as { raceMap: { querySourceFeatures(id: string): unknown[] } }).raceMap;
      return map.querySourceFeatures('course-waypoints').length;
    });
    expect(onMap).toBeGreaterThan(0);
    await expect(page.locator('[data-testid="closed-notice"]').innerText()).resolves.toMatch(/stage is closed/);
    await expect(page.locator('[data-testid="no-problems"]').innerText()).resolves.toMatch(/passes every check/);
    await screenshot(page, 'course-stage-1');
  });

  it('draws a geofence by clicking, saves it, and finds the same polygon in PostGIS after a reload', async () => {
    await jumpTo(page, [19.95, 42.06], 13);
    const box = (await page.locator('[data-testid="race-map"]').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const corners = [{ x: cx - 60, y: cy - 40 }, { x: cx + 60, y: cy - 40 }, { x: cx + 60, y: cy + 40 }, { x: cx - 60, y: cy + 40 }];
    await page.locator('[data-testid="tool-geofence"]').click();
    await clickPolygon(page, corners);
    // Where the clicks landed on the map, read from the same screen the person clicked on.
    const expected = await Promise.all(corners.map((c) => lonLatOf(page, c.x, c.y)));
    const item = page.locator('[data-testid^="item-geofences:new-"]');
    await item.waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="field-name"]').fill(FENCE);
    await page.locator('[data-testid="field-name"]').press('Tab');
    await screenshot(page, 'course-geofence-drawn');
    await save(page);
    await page.reload();
    await openEditor(page);
    await expect(page.locator('[data-testid="course-list"]').innerText()).resolves.toContain(`${FENCE} · checkpoint`);
    const [row] = await sql<{ area: { coordinates: number[][][] } }>(`SELECT ST_AsGeoJSON(area)::json AS area FROM geofences WHERE name = $1`, [FENCE]);
    const ring = row!.area.coordinates[0]!;
    expect(ring).toHaveLength(5);
    // terra-draw may start the ring at another corner or turn it round: every corner is in it.
    for (const [lon, lat] of expected) {
      expect(ring.some(([x, y]) => Math.abs(x! - lon) < 2e-5 && Math.abs(y! - lat) < 2e-5), `corner ${lon}, ${lat} in ${JSON.stringify(ring)}`).toBe(true);
    }
    await page.locator('[data-testid^="item-geofences:"]', { hasText: FENCE }).click(); // the saved fence in view, selected
    await page.waitForTimeout(800);
    await screenshot(page, 'course-geofence-saved');
  });

  it("drags a vertex of the special's route and a waypoint's clear radius, then undoes both", async () => {
    const [v] = await sql<{ lon: number; lat: number }>(`SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_PointN(route, 400) AS p FROM segments WHERE id = $1) t`, [stage.special]);
    await page.locator(`[data-testid="item-segments:${stage.special}"]`).click();
    await jumpTo(page, [v!.lon, v!.lat], 15, 200);
    await page.keyboard.press('e');
    await page.waitForTimeout(1000);
    const from = await screenOf(page, [v!.lon, v!.lat]);
    const t0 = Date.now();
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + 4 * i, from.y + 3 * i);
    await page.mouse.up();
    const dragMs = Date.now() - t0;
    await page.waitForTimeout(500);
    await screenshot(page, 'course-route-vertex-dragged');
    await expect(page.locator('[data-testid="undo"] button').isDisabled()).resolves.toBe(false);

    const wp = page.locator('[data-testid^="item-waypoints:"]').nth(3);
    await wp.click();
    await page.waitForTimeout(1000); // the map eases to the waypoint
    const before = await page.locator('[data-testid="field-tolerance"]').inputValue();
    const handle = page.locator('[data-testid="radius-handle"]');
    await handle.waitFor({ timeout: 10_000 });
    const wpId = (await wp.getAttribute('data-testid'))!.split(':')[1];
    const [loc] = await sql<{ lon: number; lat: number }>('SELECT ST_X(location) AS lon, ST_Y(location) AS lat FROM waypoints WHERE id = $1', [wpId]);
    // Zoomed in on the waypoint, left of the inspector, so its clear-radius handle is on the map.
    await page.evaluate((c) => (document.querySelector('[data-testid="race-map"]') as unknown as { raceMap: { easeTo(o: object): void } }).raceMap
      .easeTo({ center: c, zoom: 15, duration: 0, offset: [-150, 0] }), [loc!.lon, loc!.lat]);
    await page.waitForTimeout(500);
    await screenshot(page, 'course-radius-handle');
    const hb = (await handle.boundingBox())!;
    await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
    await page.mouse.down();
    await page.mouse.move(hb.x - 50, hb.y + hb.height / 2, { steps: 5 }); // inwards: the radius shrinks
    await page.mouse.up();
    await expect.poll(() => page.locator('[data-testid="field-tolerance"]').inputValue()).not.toBe(before);
    await screenshot(page, 'course-radius-dragged');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-testid="field-tolerance"]').inputValue()).toBe(before);
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(300);
    await expect(page.locator('[data-testid="save"] button').isDisabled()).resolves.toBe(true);
    const [after] = await sql<{ route: string }>(`SELECT md5(ST_AsText(route)) AS route FROM segments WHERE id = $1`, [stage.special]);
    expect(after!.route).toBe(stage.specialRoute);
    console.log(`one vertex drag of 10 moves on the special's route: ${dragMs} ms`);
  });

  it('refuses a bow-tie geofence on screen with the place where it crosses', async () => {
    await jumpTo(page, [19.95, 42.06], 13);
    const box = (await page.locator('[data-testid="race-map"]').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.locator('[data-testid="tool-geofence"]').click();
    await clickPolygon(page, [{ x: cx - 80, y: cy - 50 }, { x: cx + 80, y: cy + 50 }, { x: cx + 80, y: cy - 50 }, { x: cx - 80, y: cy + 50 }]);
    await screenshot(page, 'course-bow-tie-drawn');
    const refusal = page.locator('[data-testid="refusal"]');
    await refusal.waitFor({ timeout: 15_000 });
    expect(await refusal.innerText()).toMatch(/outline crosses itself at \d+\.\d{5}° N \d+\.\d{5}° E/);
    await expectMapInView(page);
    await screenshot(page, 'course-bow-tie-refused');
    await page.keyboard.press('Escape');
  });

  it("cuts a speed zone from a stretch of the special's route: DZ and FZ clicked on it, a valid corridor covering the stretch in PostGIS", async () => {
    // A stretch of ~870 m (0.5 % of the 174 km special) that no seeded zone touches.
    const [s] = await sql<{ f: number; dz: [number, number]; fz: [number, number] }>(
      `SELECT f, ARRAY[ST_X(ST_LineInterpolatePoint(route, f)), ST_Y(ST_LineInterpolatePoint(route, f))] AS dz,
              ARRAY[ST_X(ST_LineInterpolatePoint(route, f + 0.005)), ST_Y(ST_LineInterpolatePoint(route, f + 0.005))] AS fz
         FROM segments, unnest(ARRAY[0.42, 0.47, 0.52, 0.57, 0.62]::float8[]) AS f
        WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM speed_limit_zones z WHERE ST_DWithin(z.area::geography, ST_LineSubstring(route, f, f + 0.005)::geography, 200))
        ORDER BY f LIMIT 1`, [stage.special]);
    await jumpTo(page, [(s!.dz[0] + s!.fz[0]) / 2, (s!.dz[1] + s!.fz[1]) / 2], 14.5);
    await page.locator('[data-testid="tool-stretch"]').click();
    const dz = await screenOf(page, s!.dz);
    const fz = await screenOf(page, s!.fz);
    await page.mouse.click(dz.x + 3, dz.y - 2); // a person clicks beside the line, not on it
    await expect.poll(() => page.locator('[data-testid="stretch-step"]').innerText()).toMatch(/^DZ at km \d+\.\d\d of .+ Now click the FZ/);
    await page.mouse.click(fz.x - 2, fz.y + 3);
    await expect.poll(() => page.locator('[data-testid="stretch-step"]').innerText()).toMatch(/km \d+\.\d\d to \d+\.\d\d \(\d{3} m\)/);
    await setField(page, 'stretch-width', '40');
    await setField(page, 'stretch-speed', '40');
    await page.waitForTimeout(300);
    await screenshot(page, 'course-stretch-zone-draft');
    await page.locator('[data-testid="stretch-create"]').click();
    await page.locator('[data-testid^="item-speed_limit_zones:new-"]').waitFor({ timeout: 15_000 });
    await expect(page.locator('[data-testid="field-corridor-width"]').inputValue()).resolves.toMatch(/^(3[7-9]|4[0-3])$/);
    await setField(page, 'field-name', ZONE);
    await save(page);
    const [row] = await sql<{ valid: boolean; covers: boolean; within: boolean; far: boolean; speed: number; segment: string }>(
      `SELECT ST_IsValid(z.area) AS valid, z.speed_limit_kmh AS speed, z.segment_id AS segment,
              ST_Covers(z.area, ST_LineSubstring(g.route, $2::float8, $2::float8 + 0.005)) AS covers,
              ST_Covers(ST_Buffer(ST_LineSubstring(g.route, $2::float8 - 0.001, $2::float8 + 0.006)::geography, 45)::geometry, z.area) AS within,
              ST_Intersects(z.area, ST_LineSubstring(g.route, $2::float8 + 0.01, $2::float8 + 0.02)) AS far
         FROM speed_limit_zones z JOIN segments g ON g.id = z.segment_id WHERE z.name = $1`, [ZONE, s!.f]);
    expect(row).toEqual({ valid: true, covers: true, within: true, far: false, speed: 40, segment: stage.special });
    await page.waitForTimeout(500);
    await screenshot(page, 'course-stretch-zone-saved');
  });

  it("draws a new segment's route by clicking its points, saves it, and reads the same LineString from PostGIS", async () => {
    await jumpTo(page, [19.9, 42.1], 13);
    const box = (await page.locator('[data-testid="race-map"]').boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2 - 150, box.y + box.height / 2]; // left of the panel over the map
    const points = [{ x: cx - 150, y: cy + 80 }, { x: cx - 50, y: cy - 40 }, { x: cx + 60, y: cy + 30 }, { x: cx + 160, y: cy - 60 }];
    await page.locator('[data-testid="tool-route"]').click();
    for (const p of points) {
      await page.mouse.click(p.x, p.y);
      await page.waitForTimeout(250);
    }
    await screenshot(page, 'course-route-drawing');
    // Read before the line is finished: the new segment clears the "Saved" notice above the map, which moves it.
    const expected = await Promise.all(points.map((p) => lonLatOf(page, p.x, p.y)));
    await page.mouse.click(points.at(-1)!.x, points.at(-1)!.y); // the last point again finishes the line
    await page.locator('[data-testid^="item-segments:new-"]').waitFor({ timeout: 15_000 });
    await setField(page, 'field-name', ROUTE);
    await save(page);
    const [row] = await sql<{ route: { type: string; coordinates: number[][] }; type: string; stage: string }>(
      `SELECT ST_AsGeoJSON(route)::json AS route, type, stage_id AS stage FROM segments WHERE name = $1`, [ROUTE]);
    expect(row!.route.type).toBe('LineString');
    expect(row!.route.coordinates).toHaveLength(points.length);
    row!.route.coordinates.forEach(([lon, lat], i) => {
      expect(Math.abs(lon! - expected[i]![0]) < 2e-5 && Math.abs(lat! - expected[i]![1]) < 2e-5, `point ${i}: ${lon}, ${lat} vs ${expected[i]}`).toBe(true);
    });
    expect([row!.type, row!.stage]).toEqual(['liaison', stage.id]);
    await expect(page.locator('[data-testid="course-list"]').innerText()).resolves.toContain(ROUTE);
    await screenshot(page, 'course-route-saved');
  });
});

describe('the course editor, as a marshal', () => {
  it('shows the course read-only', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await logIn(page, MARSHAL, stackEnv().DEMO_PASSWORD);
    await openEditor(page);
    await expect(page.locator('[data-testid="read-only"]').innerText()).resolves.toMatch(/You may read this course/);
    expect(await page.locator('[data-testid="save"]').count()).toBe(0);
    expect(await page.locator('[data-testid="tool-geofence"]').count()).toBe(0);
    await page.locator('[data-testid^="item-waypoints:"]').first().click();
    await expect(page.locator('[data-testid="field-tolerance"]').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'course-marshal-read-only');
    await page.close();
  });
});
