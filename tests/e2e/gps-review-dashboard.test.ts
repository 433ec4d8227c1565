// The GPS panels on an Insights dashboard, in the real admin app: a dashboard with the review queue
// and tracker health of stage 1 (made here through the API, removed after), its counts the seeded
// stage's own, and a queue row that opens that tracker's review. Only the admin reads Insights (no
// other role has directus_dashboards in config/access), so the admin opens it.
// Screenshots: artifacts/e2e/gps-review-dashboard*.png.
import type pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, logIn, screenshot } from '../support/browser.ts';
import { baseUrl, pgClient, stackEnv } from '../support/stack.ts';

const WAIT = { timeout: 90_000 };

let browser: Browser;
let c: pg.Client;
let token: string;
let stage1: string;
let dashboard: string | null = null;

async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? (null as T) : ((await res.json()) as { data: T }).data;
}

beforeAll(async () => {
  c = await pgClient('directus');
  const { rows } = await c.query(`SELECT s.id FROM stages s JOIN events e ON e.id = s.event_id WHERE e.slug = 'rally-albania-2026' AND s.sort_order = 1`);
  stage1 = rows[0].id;
  const login = await fetch(`${baseUrl()}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: stackEnv().ADMIN_EMAIL, password: stackEnv().ADMIN_PASSWORD }) });
  token = ((await login.json()) as { data: { access_token: string } }).data.access_token;
  const d = await api<{ id: string }>('/dashboards', { method: 'POST', body: { name: 'GPS review (e2e)', icon: 'satellite_alt' } });
  dashboard = d.id;
  const panel = (type: string, x: number, options: Record<string, unknown>) => ({
    dashboard: d.id, type, name: type, position_x: x, position_y: 1, width: 24, height: 20, show_header: true, options,
  });
  await api('/panels', { method: 'POST', body: [panel('review-queue', 1, { stageId: stage1, devices: 5 }), panel('tracker-health', 26, { stageId: stage1 })] });
  browser = await launch();
});

afterAll(async () => {
  if (dashboard) await api(`/dashboards/${dashboard}`, { method: 'DELETE' }).catch(() => undefined);
  await browser?.close();
  await c?.end();
});

describe('GPS panels on an Insights dashboard', () => {
  it('show stage 1\'s real counts and open a tracker\'s review from a queue row', async () => {
    // The API's own queue of stage 1, read as the same admin: the panel must show these counts.
    const queue = await api<{ devices: { device_id: string; open_points: number }[] }>(`/race-control/gps/stages/${stage1}/queue`);
    const pending = queue.devices.filter((x) => x.open_points > 0);
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await logIn(page);
    await page.goto(`${baseUrl()}/admin/insights/${dashboard}`);
    const section = page.locator(`[data-test="review-queue"] [data-test="queue-${stage1}"]`);
    await section.waitFor(WAIT);
    await page.locator('[data-test="tracker-health"] tr[data-test^="tracker-"]').first().waitFor(WAIT);
    const sum = await section.locator('.sum').innerText();
    const m = /(\d+) trackers · ([\d,]+) points pending/.exec(sum);
    expect(m, sum).not.toBeNull();
    const points = Number(m![2]!.replace(/,/g, ''));
    expect(points).toBeGreaterThan(0);
    expect(Number(m![1])).toBe(pending.length);
    expect(points).toBe(pending.reduce((n, x) => n + x.open_points, 0));
    await page.waitForTimeout(1500);
    await screenshot(page, 'gps-review-dashboard');

    const row = section.locator('ol li a').first();
    const href = await row.getAttribute('href');
    await row.click();
    await page.waitForURL((url) => url.pathname.includes(`/gps-review/stages/${stage1}/devices/`), WAIT);
    expect(href).toContain(`/gps-review/stages/${stage1}/devices/`);
    await page.locator('[data-test="review-map"][data-drawn="true"]').waitFor(WAIT);
    await screenshot(page, 'gps-review-dashboard-review');
    await page.close();
  }, 300_000);
});
