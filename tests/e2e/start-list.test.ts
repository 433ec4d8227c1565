// The timekeeper's morning: stage 1 has results, they open stage 2 from the start-list screen, see
// the list, move one entry, export the CSV and look at the printed page. Screenshots:
// artifacts/e2e/start-list-{published,open,moved,print}.png.
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, logIn, screenshot } from '../support/browser.ts';
import { baseUrl, pgClient, stackEnv } from '../support/stack.ts';
import { giveResults, saveStage, seededStage, startsOf, unopen, type SeededStage } from '../support/stage-ops.ts';

let browser: Browser;
let page: Page;
let c: pg.Client;
let stage2: SeededStage;
let restore: () => Promise<void>;

beforeAll(async () => {
  c = await pgClient('directus');
  const stage1 = await seededStage(c, 1);
  stage2 = await seededStage(c, 2);
  restore = await saveStage(c, stage2, stage1);
  await unopen(c, stage2);
  await giveResults(c, stage1, []);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
  await restore?.();
  await c?.end();
});

const rows = () => page.locator('[data-test="start-list"] tbody tr');

it('a timekeeper opens stage 2, moves an entry and exports the start list', async () => {
  await logIn(page, 'timekeeper@msc-albania.example.org', stackEnv().DEMO_PASSWORD);
  await page.goto(`${baseUrl()}/admin/race-control`);
  await page.locator('[data-test="nav-start-lists"]').click();
  await page.locator('.stage-navigation').getByText('Stage 2 Kukës – Peshkopi').click();
  await page.locator('[data-test="open-stage"]').waitFor({ timeout: 30_000 });
  await screenshot(page, 'start-list-published');

  await page.locator('[data-test="open-stage"]').click();
  await rows().nth(124).waitFor({ timeout: 30_000 });
  await expect(rows().count()).resolves.toBe(125);
  const firstRow = await rows().first().locator('td').allInnerTexts();
  // Stage 2 starts at 07:00 Tirana time; its first starter is the 20th of stage 1.
  expect(firstRow.slice(4, 6)).toEqual(['07:00:00', '07:09:00']);
  await screenshot(page, 'start-list-open');

  const thirtieth = await rows().nth(29).getAttribute('data-race-number');
  await page.locator(`[data-test="change-${thirtieth}"]`).click();
  await page.locator('input[data-test="position"]').fill('2');
  await page.locator('[data-test="move"]').click();
  await page.locator(`[data-test="start-list"] tbody tr:nth-child(2)[data-race-number="${thirtieth}"]`).waitFor({ timeout: 30_000 });
  await expect(page.locator('[data-test="done"]').innerText()).resolves.toBe('Moved to position 2.');
  await expect(rows().nth(1).getAttribute('class')).resolves.toContain('pinned');
  const inDb = (await startsOf(c, stage2)).filter((l) => l.sort_order === 1);
  expect([inDb[1]!.race_number, inDb[1]!.manual_override]).toEqual([Number(thirtieth), true]);
  await screenshot(page, 'start-list-moved');

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="export-csv"]').click()]);
  const csv = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
  expect(download.suggestedFilename()).toBe('start-list-stage-2-kuk-s-peshkopi.csv');
  expect(csv).toHaveLength(126);
  expect(csv[0]).toMatch(/^position,race_number,crew,class,target Liaison/);
  expect(csv[2]).toMatch(new RegExp(`^2,${thirtieth},.*,yes$`));

  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'start-list-print');
});
