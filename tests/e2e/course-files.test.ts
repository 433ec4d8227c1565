// The race director imports a recce file of a real-world shape (5,000 track points, OpenRally
// waypoints of several kinds, a DZ/FZ pair, a neutralization) into an empty stage of Rally Albania:
// the file is parsed in the browser's Web Worker (the real build's worker, fetched from our endpoint),
// the preview says what the save will do, the save writes it, and SQL shows the rows.
// The dialog opens from the course editor's header (data-testid="course-files").
// Screenshots: artifacts/e2e/course-files-{preview,saved}.png.
import { createItem, deleteItem } from '@directus/sdk';
import type pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signIn } from '../support/api.ts';
import { launch, logIn, screenshot } from '../support/browser.ts';
import { recceGpx } from '../support/course-files.ts';
import { baseUrl, pgClient, stackEnv } from '../support/stack.ts';

let browser: Browser;
let page: Page;
let c: pg.Client;
let stageId: string;

beforeAll(async () => {
  c = await pgClient('directus');
  const event = (await c.query(`SELECT id FROM events WHERE slug = 'rally-albania-2026'`)).rows[0].id;
  const admin = await signIn();
  stageId = ((await admin.request(createItem('stages', { event_id: event, name: 'Recce import (e2e)', sort_order: 99, status: 'draft' } as never))) as unknown as { id: string }).id;
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  // Everything the import wrote goes with the stage, so the seeded event is as it was.
  await c?.query(`DELETE FROM waypoints WHERE segment_id IN (SELECT id FROM segments WHERE stage_id = $1)`, [stageId]);
  await c?.query(`DELETE FROM speed_limit_zones WHERE segment_id IN (SELECT id FROM segments WHERE stage_id = $1)`, [stageId]);
  await c?.query(`DELETE FROM segments WHERE stage_id = $1`, [stageId]);
  if (stageId) await (await signIn()).request(deleteItem('stages', stageId));
  await c?.end();
});

it('the race director imports a recce GPX in the admin app: worker parse, preview, save, rows in SQL', async () => {
  await logIn(page, 'race.director@msc-albania.example.org', stackEnv().DEMO_PASSWORD);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(`${baseUrl()}/admin/course/stages/${stageId}`);
  await page.locator('[data-testid="help"]').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="course-files"]').click();
  await page.locator('input[data-file]').setInputFiles({ name: 'recce-ss3.gpx', mimeType: 'application/gpx+xml', buffer: Buffer.from(recceGpx(5000)) });
  const summary = page.locator('[data-summary]');
  await summary.waitFor({ timeout: 60_000 });
  expect(workers.some((u) => u.startsWith('blob:'))).toBe(true);
  await expect(summary.innerText()).resolves.toMatch(/^Adds 2 routes, 9 waypoints, 1 speed zone; skips 2 roadbook boxes with no waypoint kind; drops [\d,]+ vertices within 1 m/);
  // The preview on the editor's map, over the stage's objects, with the dialog docked right so the map shows.
  const mapWithPreview = page.locator('.course-map[data-preview-features]:not([data-preview-features="0"])');
  await mapWithPreview.waitFor({ timeout: 30_000 });
  const previewed = Number(await mapWithPreview.getAttribute('data-preview-features'));
  expect(previewed).toBe(2 + 9 + 1); // the routes, the waypoints and the speed zone of the file
  await expect(page.locator('[data-testid="preview-legend"]').innerText()).resolves.toContain('Import preview');
  const card = await page.locator('.course-files.previewing').boundingBox();
  const mapBox = await page.locator('[data-testid="race-map"]').boundingBox();
  expect(card && mapBox && card.x - mapBox.x).toBeGreaterThan(300); // the left part of the map stays uncovered
  await page.waitForTimeout(1500); // MapLibre draws the fitted view
  await screenshot(page, 'course-files-preview');

  await page.locator('[data-save]').click();
  await page.locator('[data-saved]').waitFor({ timeout: 60_000 });
  await screenshot(page, 'course-files-saved');
  await expect(page.locator('.course-map').first().getAttribute('data-preview-features')).resolves.toBe('0');
  const rows = await c.query(`SELECT w.kind, w.tolerance_meters, w.open_radius_meters FROM waypoints w JOIN segments g ON g.id = w.segment_id WHERE g.stage_id = $1 ORDER BY w.sort_order`, [stageId]);
  expect(rows.rows.map((r) => r.kind)).toEqual(['DSS', 'WPM', 'WPV', 'WPS', 'WPE', 'WPC', 'WPN', 'WPP', 'ASS']);
  const zones = await c.query(`SELECT z.speed_limit_kmh FROM speed_limit_zones z JOIN segments g ON g.id = z.segment_id WHERE g.stage_id = $1`, [stageId]);
  expect(zones.rows).toEqual([{ speed_limit_kmh: 50 }]);
  const neutral = await c.query(`SELECT target_duration_seconds FROM segments WHERE stage_id = $1 AND type = 'neutralization'`, [stageId]);
  expect(neutral.rows).toEqual([{ target_duration_seconds: 600 }]);
});
