// A marshal's evening after stage 1, in the real admin app: open the stage's trackers, go to the
// first one with pending suspects, step to a spike by keyboard, flag it, reload (still flagged), see
// the act in position_flags and its message on the recompute stream; lasso a stretch, flag it, undo
// (good again, a second message). A viewer has no GPS review; a participant sees only their own.
// Screenshots: artifacts/e2e/gps-review-*.png.
import { Redis } from 'ioredis';
import type pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, logIn, screenshot } from '../support/browser.ts';
import { baseUrl, pgClient, stackEnv } from '../support/stack.ts';

const MARSHAL = 'marshal@msc-albania.example.org';
const STREAM = 'recompute:requests';
const WAIT = { timeout: 90_000 };

let browser: Browser;
let c: pg.Client;
let redis: Redis;
let stage1: string;
const flagged: { device_id: string; from: string; to: string }[] = [];

beforeAll(async () => {
  c = await pgClient('directus');
  redis = new Redis({ host: '127.0.0.1', port: Number(stackEnv().REDIS_PORT), lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  const { rows } = await c.query(`SELECT s.id FROM stages s JOIN events e ON e.id = s.event_id WHERE e.slug = 'rally-albania-2026' AND s.sort_order = 1`);
  stage1 = rows[0].id;
  browser = await launch();
});

afterAll(async () => {
  // Take back what the marshal flagged here, through the API like any unflag, so the seed's
  // suspects are pending again for the next run and for other tests.
  if (flagged.length) {
    const login = await fetch(`${baseUrl()}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: MARSHAL, password: stackEnv().DEMO_PASSWORD }) });
    const token = ((await login.json()) as { data: { access_token: string } }).data.access_token;
    for (const f of flagged) {
      await fetch(`${baseUrl()}/race-control/gps/flags`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ action: 'unflag', device_id: f.device_id, reason: 'other', note: 'e2e clean-up', from: f.from, to: f.to }) });
    }
  }
  await browser?.close();
  redis?.disconnect();
  await c?.end();
});

async function messagesAfter(lastId: string, imei: string) {
  const entries = (await redis.xrange(STREAM, `(${lastId}`, '+')) as [string, string[]][];
  return entries.map(([, kv]) => Object.fromEntries(kv.flatMap((_, i) => (i % 2 ? [] : [[kv[i], kv[i + 1]]])))).filter((m) => m.device_id === imei);
}
async function lastStreamId(): Promise<string> {
  const [last] = (await redis.xrevrange(STREAM, '+', '-', 'COUNT', 1)) as [string, string[]][];
  return last?.[0] ?? '0-0';
}
/** The map has drawn the whole track (the review map says so once MapLibre is idle). */
const mapDrawn = (page: Page) => page.locator('[data-test="review-map"][data-drawn="true"]').waitFor(WAIT);
const currentSuspect = (page: Page) => page.locator('[data-test="suspect-list"] li.current');

/** j until the current suspect is of `reason`; false at once when this tracker has none pending. */
async function stepTo(page: Page, reason: string, limit = 80): Promise<boolean> {
  if (!(await page.locator(`[data-test="suspect-list"] li[data-reason="${reason}"]:not(.decided)`).count())) return false;
  for (let k = 0; k < limit; k++) {
    await page.keyboard.press('j');
    const current = currentSuspect(page);
    if (!(await current.count())) return false;
    if ((await current.getAttribute('data-reason')) === reason) return true;
  }
  return false;
}

describe('GPS review as the seeded marshal', () => {
  let page: Page;
  let imei: string;
  let spikeIndex: string;

  it('steps to a spike by keyboard, flags it, and after a reload it is flagged; the act and its message are recorded', async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logIn(page, MARSHAL, stackEnv().DEMO_PASSWORD);
    await page.goto(`${baseUrl()}/admin/gps-review`);
    await page.locator('[data-test="stage-1"]').click(WAIT);
    await page.locator('[data-test="device-table"] tbody tr').first().waitFor(WAIT);
    await screenshot(page, 'gps-review-devices');

    await page.locator('[data-test="next-pending"]').click(WAIT);
    await page.waitForURL(/\/devices\/\d{15}$/, WAIT);
    await page.locator('[data-test="suspect-list"] li').first().waitFor(WAIT);
    // The busiest tracker may have no pending spike (flagged already): on to the next one.
    for (let tries = 0; tries < 10 && !(await stepTo(page, 'spike')); tries++) {
      const here = page.url();
      await page.keyboard.press('n');
      await page.waitForURL((u) => u.href !== here, WAIT);
      await page.locator('[data-test="suspect-list"] li').first().waitFor(WAIT);
    }
    imei = page.url().split('/').pop()!;
    await mapDrawn(page);
    spikeIndex = (await currentSuspect(page).getAttribute('data-test'))!;
    await screenshot(page, 'gps-review-spike');

    const before = await lastStreamId();
    await page.keyboard.press('f');
    await page.locator('[data-test="flag-dialog"]').waitFor(WAIT);
    await expect(page.locator('[data-test="reason"]').inputValue()).resolves.toBe('spike');
    await page.locator('[data-test="note"]').fill('e2e: spike by keyboard');
    await page.locator('[data-test="confirm"]').click();
    await page.locator('[data-test="action-log"] li[data-message="sent"]').first().waitFor(WAIT);
    await screenshot(page, 'gps-review-flagged');

    const { rows: [act] } = await c.query(`SELECT id, action, reason, note, message_id, count, "from", "to" FROM position_flags WHERE device_id = $1 ORDER BY date_created DESC LIMIT 1`, [imei]);
    flagged.push({ device_id: imei, from: new Date(act.from).toISOString(), to: new Date(act.to).toISOString() });
    expect(act).toMatchObject({ action: 'flag', reason: 'spike', note: 'e2e: spike by keyboard' });
    const messages = await messagesAfter(before, imei);
    expect(messages).toEqual([expect.objectContaining({ id: act.message_id, device_id: imei, action: 'flag', faulty: 'true', reason: 'spike' })]);

    await page.reload();
    await page.locator(`[data-test="${spikeIndex}"]`).waitFor(WAIT);
    await expect(page.locator(`[data-test="${spikeIndex}"]`).getAttribute('class')).resolves.toContain('decided');
    await mapDrawn(page);
    await screenshot(page, 'gps-review-reloaded');
  }, 240_000);

  it('lassoes a stretch round a suspect, flags it, undoes: good again, and a second message', async () => {
    await page.keyboard.press('j');
    await currentSuspect(page).waitFor(WAIT);
    const map = await page.locator('[data-testid="race-map"]').boundingBox();
    const [cx, cy] = [map!.x + map!.width / 2, map!.y + map!.height / 2];
    await page.keyboard.press('l');
    await page.mouse.move(cx + 140, cy);
    await page.mouse.down();
    for (let k = 1; k <= 24; k++) await page.mouse.move(cx + 140 * Math.cos((k / 24) * 2 * Math.PI), cy + 110 * Math.sin((k / 24) * 2 * Math.PI));
    await page.mouse.up();
    await page.locator('[data-test="facts"]', { hasText: 'selected' }).waitFor(WAIT);
    const selected = Number((await page.locator('[data-test="facts"]').innerText()).match(/selected (\d+) point/)![1]);
    expect(selected).toBeGreaterThan(1);
    await screenshot(page, 'gps-review-lasso');

    const before = await lastStreamId();
    await page.keyboard.press('f');
    await page.locator('[data-test="confirm"]').click();
    await page.locator('[data-test="action-log"] li[data-op="flag"][data-message="sent"]').first().waitFor(WAIT);
    await page.keyboard.press('u');
    await page.locator('[data-test="action-log"] li[data-op="unflag"][data-message="sent"]').first().waitFor(WAIT);
    await screenshot(page, 'gps-review-undone');

    const messages = await messagesAfter(before, imei);
    expect(messages.map((m) => [m.action, m.faulty])).toEqual([['flag', 'true'], ['unflag', 'false']]);
    const { rows: [undo] } = await c.query(`SELECT "from", "to" FROM position_flags WHERE device_id = $1 AND action = 'unflag' ORDER BY date_created DESC LIMIT 1`, [imei]);
    const { rows: [{ n }] } = await c.query('SELECT count(*)::int AS n FROM positions WHERE device_id = $1 AND ts BETWEEN $2 AND $3 AND faulty', [imei, undo.from, undo.to]);
    expect(n).toBe(0);
    await page.close();
  });
});

describe('one entry with all its trackers side by side', () => {
  it('opens an entry from the list and from a tracker; flags a suspect of its second tracker, which reaches that tracker', async () => {
    // An entry of stage 1 whose backup has a pending suspect, asked of the API as the marshal would.
    const login = await fetch(`${baseUrl()}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: MARSHAL, password: stackEnv().DEMO_PASSWORD }) });
    const token = ((await login.json()) as { data: { access_token: string } }).data.access_token;
    const { rows: crews } = await c.query(
      `SELECT e.id AS entry_id, p.imei AS primary_imei, b.imei AS backup_imei FROM entries e
       JOIN entry_devices ep ON ep.entry_id = e.id AND ep.purpose = 'primary' JOIN devices p ON p.id = ep.device_id
       JOIN entry_devices eb ON eb.entry_id = e.id AND eb.purpose = 'backup' JOIN devices b ON b.id = eb.device_id
       JOIN stages s ON s.event_id = e.event_id AND s.id = $1 ORDER BY e.race_number LIMIT 40`, [stage1]);
    let crew: { entry_id: string; primary_imei: string; backup_imei: string } | undefined;
    for (const candidate of crews) {
      const res = await fetch(`${baseUrl()}/race-control/gps/suspects?device_id=${candidate.backup_imei}&stage_id=${stage1}`, { headers: { Authorization: `Bearer ${token}` } });
      const suspects = res.ok ? ((await res.json()) as { data: { count: number; faulty: number }[] }).data : [];
      if (suspects.some((x) => x.faulty < x.count)) { crew = candidate; break; }
    }
    expect(crew, 'an entry of stage 1 whose backup has a pending suspect').toBeDefined();

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logIn(page, MARSHAL, stackEnv().DEMO_PASSWORD);
    // From the device list: an entry number opens the whole crew.
    await page.goto(`${baseUrl()}/admin/gps-review/stages/${stage1}`);
    await page.locator('[data-test="open-entry"]').first().click(WAIT);
    await page.waitForURL(/\/entries\/[0-9a-f-]{36}$/, WAIT);
    await page.locator('[data-test="tracker-legend"]').waitFor(WAIT);

    // From one tracker's review: "the whole crew".
    await page.goto(`${baseUrl()}/admin/gps-review/stages/${stage1}/devices/${crew!.backup_imei}`);
    await page.locator('[data-test="whole-crew"]').click(WAIT);
    await page.waitForURL(new RegExp(`/entries/${crew!.entry_id}$`), WAIT);
    const legend = page.locator('[data-test="tracker-legend"] li');
    await legend.nth(1).waitFor(WAIT);
    await expect(legend.evaluateAll((li) => li.map((l) => l.getAttribute('data-imei')))).resolves.toEqual(expect.arrayContaining([crew!.primary_imei, crew!.backup_imei]));
    await mapDrawn(page);
    // Both tracks are drawn: one line feature per tracker on the map, one speed line each on the chart.
    await expect(page.locator('[data-test="chart-tracker-1"]').innerText()).resolves.toContain(crew!.backup_imei.slice(-4));
    await screenshot(page, 'gps-review-entry');

    const suspect = page.locator(`[data-test="suspect-list"] li[data-tracker="${crew!.backup_imei}"]:not(.decided)`).first();
    const reason = (await suspect.getAttribute('data-reason'))!;
    await suspect.click();
    await expect(suspect.getAttribute('class')).resolves.toContain('current');
    const before = await lastStreamId();
    await page.keyboard.press('f');
    await page.locator('[data-test="flag-dialog"]').waitFor(WAIT);
    await page.locator('[data-test="note"]').fill('e2e: the backup, seen beside the primary');
    await page.locator('[data-test="confirm"]').click();
    await page.locator('[data-test="action-log"] li[data-message="sent"]').first().waitFor(WAIT);
    await screenshot(page, 'gps-review-entry-flagged');

    const { rows: [act] } = await c.query(`SELECT action, reason, note, message_id, "from", "to" FROM position_flags WHERE device_id = $1 ORDER BY date_created DESC LIMIT 1`, [crew!.backup_imei]);
    flagged.push({ device_id: crew!.backup_imei, from: new Date(act.from).toISOString(), to: new Date(act.to).toISOString() });
    expect(act).toMatchObject({ action: 'flag', reason, note: 'e2e: the backup, seen beside the primary' });
    await expect(messagesAfter(before, crew!.backup_imei)).resolves.toEqual([expect.objectContaining({ id: act.message_id, device_id: crew!.backup_imei, action: 'flag', faulty: 'true' })]);
    await expect(messagesAfter(before, crew!.primary_imei)).resolves.toEqual([]);
    await page.close();
  }, 240_000);
});

describe('GPS review for those who may not flag', () => {
  it('a viewer has no GPS review and the API refuses them a track', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await logIn(page, 'viewer@msc-albania.example.org', stackEnv().DEMO_PASSWORD);
    await page.goto(`${baseUrl()}/admin/content`);
    await page.locator('.module-bar').waitFor(WAIT);
    const modules = await page.locator('.module-bar a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(modules).not.toContain('/admin/gps-review');
    const { rows: [{ imei }] } = await c.query(`SELECT d.imei FROM devices d JOIN entry_devices ed ON ed.device_id = d.id LIMIT 1`);
    const status = await page.evaluate(async (url) => (await fetch(url, { credentials: 'include' })).status, `${baseUrl()}/race-control/gps/suspects?device_id=${imei}&stage_id=${stage1}`);
    expect(status).toBe(403);
    await screenshot(page, 'gps-review-viewer');
    await page.close();
  });

  it('a participant sees their own tracker\'s day, read-only, and not another entry\'s', async () => {
    const { rows: [own] } = await c.query(
      `SELECT d.imei, e.id AS entry_id FROM devices d JOIN entry_devices ed ON ed.device_id = d.id JOIN entries e ON e.id = ed.entry_id
       JOIN entry_crew ec ON ec.entry_id = e.id JOIN directus_users u ON u.id = ec.user_id WHERE u.email = 'besnik.leka.87@riders.example.org' AND ed.purpose = 'primary'`);
    const { rows: [other] } = await c.query(`SELECT d.imei FROM devices d JOIN entry_devices ed ON ed.device_id = d.id WHERE ed.entry_id <> $1 LIMIT 1`, [own.entry_id]);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logIn(page, 'besnik.leka.87@riders.example.org', stackEnv().DEMO_PASSWORD);
    await page.goto(`${baseUrl()}/admin/gps-review/stages/${stage1}/devices/${own.imei}`);
    await page.locator('[data-test="facts"]').waitFor(WAIT);
    await page.locator('[data-test="read-only"]').waitFor(WAIT);
    await mapDrawn(page);
    await screenshot(page, 'gps-review-participant-own');
    await page.goto(`${baseUrl()}/admin/gps-review/stages/${stage1}/devices/${other.imei}`);
    await expect(page.locator('[data-test="error"]').innerText(WAIT)).resolves.toMatch(/No tracker .* on an entry you may see/);
    await screenshot(page, 'gps-review-participant-other');
    await page.close();
  });
});

describe('the whole stage on one map', () => {
  it('draws every tracker of stage 1 from the tiles; a click on a point opens that tracker\'s review at that time', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logIn(page, MARSHAL, stackEnv().DEMO_PASSWORD);
    await page.goto(`${baseUrl()}/admin/gps-review/stages/${stage1}`);
    await page.locator('[data-test="open-stage-map"]').click(WAIT);
    await page.waitForURL(/\/map$/, WAIT);
    const tiles: number[] = [];
    page.on('response', (r) => { if (r.url().includes('/tiles/')) tiles.push(r.status()); });
    await page.locator('[data-test="stage-map"][data-drawn="true"]').waitFor(WAIT);
    type Hook = { __stageMap: { queryRenderedFeatures(o?: unknown): { geometry: { type: string; coordinates: number[][] | number[] }; properties: Record<string, unknown> }[];
      jumpTo(o: unknown): void; once(e: string, f: () => void): void; project(p: number[]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } };
    const lines = await page.evaluate(() => (window as unknown as Hook).__stageMap.queryRenderedFeatures({ layers: ['gsm-lines'] }).length);
    expect(lines).toBeGreaterThan(10);
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles.every((s) => s === 200)).toBe(true);
    await screenshot(page, 'gps-review-stage-map');

    // Zoom to the middle of a rendered line until its points are drawn, and click one.
    const point = await page.evaluate(async () => {
      const map = (window as unknown as Hook).__stageMap;
      // A line cut at a tile's edge comes back as a MultiLineString: any vertex of either will do.
      const coords = map.queryRenderedFeatures({ layers: ['gsm-lines'] })
        .flatMap((f) => (f.geometry.type === 'MultiLineString' ? (f.geometry.coordinates as unknown as number[][][]).flat() : f.geometry.type === 'LineString' ? (f.geometry.coordinates as number[][]) : []));
      const idle = () => new Promise<void>((resolve) => map.once('idle', () => resolve()));
      const settled = idle();
      map.jumpTo({ center: coords[Math.floor(coords.length / 2)], zoom: 16 });
      await settled;
      // The point nearest the middle: one at the edge may sit under the basemap notice or the controls.
      const { width, height } = map.getCanvas().getBoundingClientRect();
      const off = (q: { x: number; y: number }) => Math.hypot(q.x - width / 2, q.y - height / 2);
      const drawn = map.queryRenderedFeatures({ layers: ['gsm-points'] })
        .map((f) => ({ device: String(f.properties.device_id), at: map.project(f.geometry.coordinates as number[]) }))
        .sort((a, b) => off(a.at) - off(b.at));
      const near = drawn[0];
      if (!near) return null;
      // Trackers of one crew drive the same road: any of those drawn under the cursor may be opened.
      const devices = [...new Set(drawn.filter((d) => Math.hypot(d.at.x - near.at.x, d.at.y - near.at.y) <= 8).map((d) => d.device))];
      return { x: near.at.x, y: near.at.y, devices };
    });
    expect(point).not.toBeNull();
    await screenshot(page, 'gps-review-stage-map-points');
    const box = (await page.locator('[data-test="stage-map"] canvas').first().boundingBox())!;
    await page.mouse.click(box.x + point!.x, box.y + point!.y);
    await page.waitForURL(/\/devices\/\d{15}\?at=/, WAIT);
    expect(point!.devices).toContain(/\/devices\/(\d{15})\?at=/.exec(page.url())![1]);
    await page.locator('[data-test="facts"]').waitFor(WAIT);
    await mapDrawn(page);
    await expect(page.locator('[data-test="facts"]').innerText()).resolves.toMatch(/selected \d+ point/);
    await screenshot(page, 'gps-review-stage-map-opened');
    await page.close();
  }, 240_000);
});
