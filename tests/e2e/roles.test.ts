// Each seeded role signs in to the admin app and sees its own modules and data: the module bar
// without Settings, the collections its policies open, and the entries of its club (or, for a
// participant, their own entry only). Screenshots land in artifacts/e2e/role-<role>.png.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, logIn, screenshot } from '../support/browser.ts';
import { baseUrl, stackEnv } from '../support/stack.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const STAFF = {
  'org-admin': 'club.admin@msc-albania.example.org',
  'race-director': 'race.director@msc-albania.example.org',
  registrar: 'registrar@msc-albania.example.org',
  marshal: 'marshal@msc-albania.example.org',
  timekeeper: 'timekeeper@msc-albania.example.org',
  viewer: 'viewer@msc-albania.example.org',
  participant: 'besnik.leka.87@riders.example.org',
};
const TRACKER_COLLECTIONS = ['Devices', 'Organization Devices'];

interface Seen {
  modules: string[];
  collections: string[];
  count: string;
}

async function entriesAs(page: Page, email: string): Promise<Seen> {
  await logIn(page, email, stackEnv().DEMO_PASSWORD);
  await page.goto(`${baseUrl()}/admin/content/entries`);
  const count = page.locator('header .title-container, header').filter({ hasText: /Items?/ }).first();
  await count.waitFor({ timeout: 30_000 });
  return {
    modules: (await page.locator('.module-bar a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).filter((h) => !/users\/[0-9a-f-]{36}/.test(h)),
    collections: await page.locator('.content-navigation .v-list-item').allInnerTexts(),
    count: (await count.innerText()).replace(/\s+/g, ' '),
  };
}

describe('signed in as each seeded role', () => {
  for (const [role, email] of Object.entries(STAFF)) {
    it(`${role} sees their modules and their club's entries`, async () => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const seen = await entriesAs(page, email);
      await screenshot(page, `role-${role}`);
      await page.close();

      expect(seen.modules).toContain('/admin/race-control');
      expect(seen.modules).toContain('/admin/content');
      expect(seen.modules, 'only administrators reach Settings').not.toContain('/admin/settings');
      expect(seen.collections).toContain('Entries');
      if (role === 'participant') {
        expect(seen.count).toMatch(/One Item/);
      } else {
        // 132 entries, of which the five withdrawn are archived out of the list.
        expect(seen.count).toMatch(/of 127 Items/);
      }
      const seesTrackers = ['org-admin', 'race-director', 'registrar', 'marshal', 'timekeeper'].includes(role);
      for (const c of TRACKER_COLLECTIONS) expect(seen.collections.includes(c), `${role} and ${c}`).toBe(seesTrackers);
    });
  }
});
