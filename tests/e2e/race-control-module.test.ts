// An admin signs in, finds Race control in the module bar and opens it; the module reaches our API.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, logIn, screenshot } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

it('opens the race-control module from the module bar', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await logIn(page);

  await page.locator('.module-bar a[href="/admin/race-control"]').click();
  await page.waitForURL(/\/admin\/race-control/);
  const status = page.locator('[data-test="status"]');
  await expect(status.textContent({ timeout: 30_000 })).resolves.toMatch(/Race-control extension 0\.1\.0 is running \(PostGIS 3\./);
  await expect(page.locator('.screens li').count()).resolves.toBe(3);

  const file = await screenshot(page, 'race-control-module');
  expect(existsSync(file)).toBe(true);
});
