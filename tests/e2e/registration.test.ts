// The registrar's desk, in the real admin app as the seeded registrar (not the admin): a car crew
// from scratch (new vehicle, two new people, two trackers, the panic one worn by the co-pilot), then
// a motorbike whose crew is copied from a previous entry; both show in the list with their class
// and number. Screenshots of every step: artifacts/e2e/registration-*.png.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, logIn, screenshot } from '../support/browser.ts';
import { imei } from '../support/clubs.ts';
import { baseUrl, pgClient, stackEnv } from '../support/stack.ts';

let browser: Browser;
let page: Page;
let c: pg.Client;
let eventId: string;
const WAIT = { timeout: 60_000 };
const made = { car: 0, moto: 0 };

beforeAll(async () => {
  c = await pgClient('directus');
  eventId = (await c.query("SELECT id FROM events WHERE slug = 'rally-albania-2026'")).rows[0].id;
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
});

afterAll(async () => {
  await browser?.close();
  await c?.end();
});

const el = (test: string) => page.locator(`[data-test="${test}"]`);
const listRows = () => page.locator('[data-test="entries"] tbody tr');

async function openList() {
  await page.goto(`${baseUrl()}/admin/registration/${eventId}`);
  // The list is the registrar's first view: wait generously for its rows on a loaded machine.
  await listRows().nth(100).waitFor(WAIT);
}

async function fillPerson(i: number, p: Record<string, string>) {
  const scope = page.locator(`[data-test="member-${i}"]`);
  for (const [field, value] of Object.entries(p)) {
    const input = scope.locator(`[data-test="${field}"]`);
    if ((await input.evaluate((e) => e.tagName)) === 'SELECT') await input.selectOption(value);
    else await input.fill(value);
  }
}

it('registers a car crew from scratch and a motorbike with a copied crew', async () => {
  await logIn(page, 'registrar@msc-albania.example.org', stackEnv().DEMO_PASSWORD);
  await page.goto(`${baseUrl()}/admin/registration`);
  await page.locator('[data-test="event-rally-albania-2026"]').click();
  await listRows().nth(100).waitFor(WAIT);
  await screenshot(page, 'registration-list');

  // Car: vehicle.
  const tag = randomBytes(2).toString('hex');
  await el('new-entry').click();
  await el('vehicle-new').click(WAIT);
  await el('vehicle-kind').selectOption('car');
  await el('vehicle-make').fill('Toyota');
  await el('vehicle-model').fill('Land Cruiser 300');
  await el('vehicle-cc').fill('3300');
  await el('vehicle-drive').selectOption('4wd');
  await el('vehicle-plate').fill(`TR ${tag} AL`);
  await screenshot(page, 'registration-car-1-vehicle');
  await el('vehicle-done').click();
  await el('next').click();

  // Class: cars first, motorbike classes with their reason.
  await el('class-C-2').check();
  await expect(page.locator('.classes li.ineligible').first().innerText()).resolves.toMatch(/this class is for/);
  await screenshot(page, 'registration-car-2-class');
  await el('next').click();

  // Crew: two new people.
  await el('person-new').click();
  await el('person-new').click();
  const person = (last: string, birth: string) => ({
    'first-name': 'Test', 'last-name': `${last}${tag}`, 'birth-date': birth, sex: 'male', email: `${last.toLowerCase()}.${tag}@crews.example.org`,
    licence: `AL-${last}-${tag}`, 'blood-type': 'A+', emergency: 'Family +355 69 123 4567',
  });
  await fillPerson(0, person('Bardhi', '1979-03-14'));
  await fillPerson(1, person('Hoxha', '1983-11-02'));
  await expect(page.locator('[data-test="member-1"] [data-test="role"]').inputValue()).resolves.toBe('co-pilot');
  await screenshot(page, 'registration-car-3-crew');
  await el('next').click();

  // Trackers: a primary on the car, a panic device worn by the co-pilot; a typo caught as you type.
  await el('tracker-add').click();
  await el('tracker-add').click();
  const [primary, panic] = [imei(), imei()];
  const t0 = page.locator('[data-test="tracker-0"]');
  const t1 = page.locator('[data-test="tracker-1"]');
  await t0.locator('[data-test="imei"]').fill(primary.slice(0, 14) + ((Number(primary[14]) + 1) % 10));
  await expect(t0.locator('.step-errors').innerText()).resolves.toMatch(/wrong check digit/);
  await screenshot(page, 'registration-car-4-trackers-typo');
  await t0.locator('[data-test="imei"]').fill(primary);
  await t1.locator('[data-test="imei"]').fill(panic);
  await t1.locator('[data-test="model"]').fill('FMB003');
  await t1.locator('[data-test="purpose"]').selectOption('panic');
  await t1.locator('[data-test="worn-by"]').selectOption({ label: `Test Hoxha${tag} (co-pilot)` });
  await t0.locator('[data-test="imei-ok"]').waitFor(WAIT);
  await screenshot(page, 'registration-car-4-trackers');
  await el('next').click();

  // Race number: the next free one of C-2.
  await el('number-suggested').click();
  const carNumber = Number(await el('race-number').inputValue());
  made.car = carNumber;
  expect(carNumber).toBeGreaterThanOrEqual(300);
  expect(carNumber).toBeLessThanOrEqual(329);
  await screenshot(page, 'registration-car-5-number');
  await el('next').click();
  await screenshot(page, 'registration-car-6-review');
  await el('submit').click();
  await el('done').waitFor(WAIT);
  await expect(el('done').innerText()).resolves.toContain(`Entry #${carNumber} registered`);
  await screenshot(page, 'registration-car-7-done');

  const car = (await c.query(
    `SELECT cl.code, v.plate, (SELECT count(*)::int FROM entry_crew WHERE entry_id = e.id) AS crew,
            (SELECT u.last_name FROM entry_devices ed JOIN directus_users u ON u.id = ed.assigned_user_id WHERE ed.entry_id = e.id AND ed.purpose = 'panic') AS panic_worn_by
       FROM entries e JOIN classes cl ON cl.id = e.class_id JOIN vehicles v ON v.id = e.vehicle_id WHERE e.event_id = $1 AND e.race_number = $2`,
    [eventId, carNumber])).rows[0];
  expect(car).toEqual({ code: 'C-2', plate: `TR ${tag} AL`, crew: 2, panic_worn_by: `Hoxha${tag}` });

  // Motorbike: crew copied from entry #40 (M-2).
  await el('to-list').click();
  await listRows().nth(100).waitFor(WAIT);
  await el('new-entry').click();
  await el('vehicle-new').click(WAIT);
  await el('vehicle-kind').selectOption('moto');
  await el('vehicle-make').fill('KTM');
  await el('vehicle-model').fill('450 Rally Replica');
  await el('vehicle-cc').fill('450');
  await el('vehicle-cylinders').fill('1');
  await el('vehicle-plate').fill(`MO ${tag}`);
  await screenshot(page, 'registration-moto-1-vehicle');
  await el('vehicle-done').click();
  await el('next').click();
  await el('class-M-2').check();
  await screenshot(page, 'registration-moto-2-class');
  await el('next').click();
  await el('copy-search').fill('40');
  await el('copy-pick').first().click(WAIT);
  await expect(page.locator('[data-test="member-0"] [data-test="role"]').inputValue()).resolves.toBe('rider');
  await screenshot(page, 'registration-moto-3-crew-copied');
  await el('next').click();
  await el('tracker-add').click();
  await page.locator('[data-test="tracker-0"] [data-test="imei"]').fill(imei());
  await screenshot(page, 'registration-moto-4-trackers');
  await el('next').click();
  await el('number-suggested').click();
  const motoNumber = Number(await el('race-number').inputValue());
  made.moto = motoNumber;
  await screenshot(page, 'registration-moto-5-number');
  await el('next').click();
  await screenshot(page, 'registration-moto-6-review');
  await el('submit').click();
  await el('done').waitFor(WAIT);
  await screenshot(page, 'registration-moto-7-done');

  // Both in the list with the right class and number.
  await openList();
  await el('search').fill(String(carNumber));
  await expect(page.locator(`[data-test="entry-${carNumber}"] td`).allInnerTexts()).resolves.toEqual(expect.arrayContaining([String(carNumber), 'C-2', 'registered']));
  await el('search').fill(String(motoNumber));
  await expect(page.locator(`[data-test="entry-${motoNumber}"] td`).allInnerTexts()).resolves.toEqual(expect.arrayContaining([String(motoNumber), 'M-2', 'KTM 450 Rally Replica']));
  await screenshot(page, 'registration-list-after');
});

it('edits the car through the same wizard, withdraws the motorbike with a reason, and resumes a draft after a reload', async () => {
  expect(made.car, 'the registration test ran first').toBeGreaterThan(0);
  await openList();
  await el('search').fill(String(made.car));
  await page.locator(`[data-test="entry-${made.car}"] [data-test="edit"]`).click();
  await el('step-vehicle').waitFor(WAIT);
  await expect(el('vehicle-chosen').innerText()).resolves.toContain('Toyota Land Cruiser 300');
  await el('go-crew').click();
  await expect(page.locator('[data-test="member-1"] [data-test="role"]').inputValue()).resolves.toBe('co-pilot');
  await el('go-number').click();
  await el('number-suggested').click();
  const edited = Number(await el('race-number').inputValue());
  await screenshot(page, 'registration-edit-number');
  await el('go-review').click();
  await screenshot(page, 'registration-edit-review');
  await el('submit').click();
  await el('done').waitFor(WAIT).catch(async (e) => {
    await screenshot(page, 'registration-edit-failed');
    throw e;
  });
  await expect(el('done').innerText()).resolves.toContain(`Entry #${edited} saved`);
  await screenshot(page, 'registration-edit-done');

  await openList();
  await el('search').fill(String(made.moto));
  await page.locator(`[data-test="entry-${made.moto}"] [data-test="withdraw"]`).click();
  await el('withdraw-reason').fill('Engine failure at scrutineering');
  await screenshot(page, 'registration-withdraw');
  await el('withdraw-confirm').click();
  await page.locator(`[data-test="entry-${made.moto}"].withdrawn`).waitFor(WAIT);
  const [moto] = (await c.query('SELECT status, notes FROM entries WHERE event_id = $1 AND race_number = $2', [eventId, made.moto])).rows;
  expect(moto.status).toBe('withdrawn');
  expect(moto.notes).toContain('Engine failure at scrutineering');

  // A draft survives a reload: the server keeps it for the registrar.
  await el('new-entry').click();
  await el('vehicle-new').click(WAIT);
  await el('vehicle-kind').selectOption('quad');
  await el('vehicle-make').fill('Yamaha');
  await el('vehicle-model').fill('Grizzly 700');
  await el('vehicle-done').click();
  await el('next').click();
  await el('saved').waitFor(WAIT);
  await page.reload();
  await openList();
  await el('resume').first().waitFor(WAIT);
  await screenshot(page, 'registration-draft-listed');
  await el('resume').first().click();
  await el('step-class').waitFor(WAIT);
  await el('go-vehicle').click();
  await expect(el('vehicle-chosen').innerText()).resolves.toContain('Yamaha Grizzly 700');
  await screenshot(page, 'registration-draft-resumed');
});
