// The seeded event in the stock admin app: an entry reads like "#301 Toyota Land Cruiser 70 · C-2",
// and a geofence shows on the map interface.
import { readItems } from '@directus/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
import { signIn } from '../support/api.ts';
import { launch, logIn, screenshot } from '../support/browser.ts';
import { baseUrl } from '../support/stack.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await logIn(page);
});
afterAll(() => browser?.close());

it('shows entry #301 with its display template, crew and trackers', async () => {
  const api = await signIn();
  const [entry] = await api.request(readItems('entries', { filter: { race_number: { _eq: 301 }, event_id: { slug: { _eq: 'rally-albania-2026' } } }, fields: ['id'] }));
  await page.goto(`${baseUrl()}/admin/content/entries/${entry!.id}`);
  // The header takes the collection's display template once the item has loaded.
  await page.locator('header').getByText('#301 Toyota Land Cruiser 70 · C-2').waitFor();
  await page.getByText('co-pilot').first().waitFor();
  await screenshot(page, 'entry-301');
});

it('shows a geofence polygon on the map interface', async () => {
  const api = await signIn();
  const [fence] = await api.request(readItems('geofences', { filter: { kind: { _eq: 'refuel' }, event_id: { slug: { _eq: 'rally-albania-2026' } } }, fields: ['id', 'name'], limit: 1 }));
  await page.goto(`${baseUrl()}/admin/content/geofences/${fence!.id}`);
  await page.locator('.mapboxgl-canvas').first().waitFor({ timeout: 30_000 });
  // Zoom to the geofence as a race director would: the interface's own fit stops at zoom 8, where
  // a 200 m refuel zone is a dot.
  await page.locator('.mapboxgl-ctrl-fitdata').click();
  for (let i = 0; i < 6; i++) {
    await page.locator('.mapboxgl-ctrl-zoom-in').click();
    await page.waitForTimeout(300);
  }
  await page.waitForTimeout(800);
  await page.locator('header').getByText(fence!.name).waitFor();
  await screenshot(page, 'geofence');
});
