// Measures what scripts/bench-registration.sh describes: on a running stack, a club of its own
// (an event of 250 entries, a registrar), then
// 1. a registration (new car, two new people, two trackers, the panic one worn by the co-pilot):
//    our one submit as the registrar, the registrar doing it with stock item requests (six writes),
//    and the admin's one nested POST /items/entries of the same rows, taking turns every round;
// 2. the registrar's entries list of 250 entries rendered in the admin app (our module) and the
//    stock content page of `entries` showing the same columns, in the same browser.
import { authentication, createDirectus, createItem, createItems, createUser, readRoles, rest } from '@directus/sdk';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { chromium } from 'playwright-core';
import { luhnCheckDigit } from '../extensions/race-control/src/domain/imei.ts';
import { orgRoleOf } from '../extensions/race-control/src/domain/org-roles.ts';

const ENTRIES = 250;
const rounds = Number(process.argv[2] ?? 10);
const base = `http://127.0.0.1:${process.env.PORT}`;
const run = randomBytes(3).toString('hex');
const imei = () => {
  const body = `35${String(randomInt(1e12)).padStart(12, '0')}`;
  return body + luhnCheckDigit(body);
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function signIn(email: string, password: string) {
  const client = createDirectus(base).with(authentication('json', { autoRefresh: false })).with(rest());
  await client.login({ email, password });
  return client;
}

const admin = await signIn(process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!);
const roles = (await admin.request(readRoles({ fields: ['id', 'name'] }))) as { id: string; name: string }[];
const org = await admin.request(createItem('organizations', { name: `Bench registration ${run}`, slug: `bench-reg-${run}` }));
const event = await admin.request(createItem('events', {
  organization_id: org.id, name: `Bench registration rally ${run}`, slug: `bench-reg-rally-${run}`, discipline: 'rally', starts_at: '2026-06-06T06:00:00Z', ends_at: '2026-06-13T18:00:00Z',
}));
const cls = await admin.request(createItem('classes', { event_id: event.id, code: 'C-2', name: 'CAR', eligibility: { kind: ['car'] }, race_number_from: 1, race_number_to: 9999 } as never));
const password = randomBytes(9).toString('hex');
const registrar = await admin.request(createUser({ email: `registrar.${run}@bench.example.org`, password, first_name: 'Bench', last_name: 'Registrar', status: 'active', role: roles.find((r) => orgRoleOf(r.name) === 'registrar')!.id } as never));
await admin.request(createItem('organization_users', { organization_id: org.id, user_id: registrar.id as string, role: 'registrar' }));
const inClub = [{ organization_id: org.id }];
let number = 1;
const person = (last: string) => ({
  first_name: 'Bench', last_name: `${last}${number}`, email: `${last.toLowerCase()}.${number}.${run}@bench.example.org`, birth_date: '1980-04-02',
  licence_number: `B-${run}-${last}-${number}`, blood_type: 'A+', emergency_contact: '+355 69 000 0000',
});
const vehicle = () => ({ kind: 'car', make: 'Toyota', model: 'Hilux', cc: 2800, plate: `B ${run} ${number}` });

// 250 entries for the list, written by the admin in bulk (the list is what is measured, not this).
process.stdout.write(`building ${ENTRIES} entries… `);
for (let i = 0; i < ENTRIES; i += 25) {
  await admin.request(createItems('entries', Array.from({ length: 25 }, () => {
    number++;
    return {
      event_id: event.id, class_id: cls.id, race_number: number, status: 'registered',
      vehicle_id: { ...vehicle(), organizations: inClub },
      crew: [{ role: 'pilot', user_id: { ...person('Pilot'), memberships: [{ ...inClub[0], role: 'participant' }] } }],
      devices: [{ purpose: 'primary', device_id: { imei: imei(), model: 'FMB920', organizations: inClub } }],
    };
  }) as never));
}
console.log('done');
const registrarClient = await signIn(`registrar.${run}@bench.example.org`, password);
const tokens = { admin: (await admin.getToken())!, registrar: (await registrarClient.getToken())! };

async function timed(fn: () => Promise<number>): Promise<[number, number]> {
  const start = process.hrtime.bigint();
  const requests = await fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, requests];
}
const post = async (token: string, path: string, body: unknown) => {
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const json = (await res.json()) as { data?: { id?: string; entry_id?: string }; errors?: unknown };
  if (!res.ok) throw new Error(`bench: ${path} answered ${res.status} ${JSON.stringify(json.errors)}`);
  return json.data!;
};

const ways: Record<string, () => Promise<number>> = {
  'our submit (registrar)': async () => {
    number++;
    await post(tokens.registrar, '/race-control/registration/submit', {
      run_id: randomUUID(), event_id: event.id, entry_id: null, vehicle: vehicle(), class_id: cls.id, race_number: number, notes: null,
      crew: [{ key: 'p', role: 'pilot', person: person('Pilot') }, { key: 'c', role: 'co-pilot', person: person('Copilot') }],
      trackers: [{ imei: imei(), model: 'FMB920', purpose: 'primary' }, { imei: imei(), model: 'FMB003', purpose: 'panic', worn_by: 'c' }],
    });
    return 1;
  },
  'stock items (registrar)': async () => {
    number++;
    const member = [{ ...inClub[0], role: 'participant' }];
    const pilot = await post(tokens.registrar, '/users', { ...person('Pilot'), memberships: member });
    const copilot = await post(tokens.registrar, '/users', { ...person('Copilot'), memberships: member });
    const car = await post(tokens.registrar, '/items/vehicles', { ...vehicle(), organizations: inClub });
    const primary = await post(tokens.registrar, '/items/devices', { imei: imei(), model: 'FMB920', organizations: inClub });
    const panic = await post(tokens.registrar, '/items/devices', { imei: imei(), model: 'FMB003', organizations: inClub });
    await post(tokens.registrar, '/items/entries', {
      event_id: event.id, class_id: cls.id, race_number: number, status: 'registered', vehicle_id: car.id,
      crew: [{ user_id: pilot.id, role: 'pilot' }, { user_id: copilot.id, role: 'co-pilot' }],
      devices: [{ device_id: primary.id, purpose: 'primary' }, { device_id: panic.id, purpose: 'panic', assigned_user_id: copilot.id }],
    });
    return 6;
  },
  'admin nested POST /items/entries': async () => {
    number++;
    const member = [{ ...inClub[0], role: 'participant' }];
    await post(tokens.admin, '/items/entries', {
      event_id: event.id, class_id: cls.id, race_number: number, status: 'registered', vehicle_id: { ...vehicle(), organizations: inClub },
      crew: [{ role: 'pilot', user_id: { ...person('Pilot'), memberships: member } }, { role: 'co-pilot', user_id: { ...person('Copilot'), memberships: member } }],
      devices: [{ purpose: 'primary', device_id: { imei: imei(), model: 'FMB920', organizations: inClub } }, { purpose: 'panic', device_id: { imei: imei(), model: 'FMB003', organizations: inClub } }],
    });
    return 1;
  },
};
const names = Object.keys(ways);
const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
const requests: Record<string, number> = {};
for (let round = -2; round < rounds; round++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(round + 2 + k) % names.length]!;
    const [ms, n] = await timed(ways[name]!);
    requests[name] = n;
    if (round >= 0) times[name]!.push(ms);
  }
}
const baseline = median(times['admin nested POST /items/entries']!);
console.log(`a registration (new car, two new people, two trackers, panic worn by the co-pilot); ${rounds} rounds after 2 warm-up rounds`);
for (const name of names) {
  console.log(`  ${name.padEnd(34)} ${String(requests[name]).padStart(2)} write request(s)  median ${median(times[name]!).toFixed(0).padStart(6)} ms  ${(median(times[name]!) / baseline).toFixed(2)}× the admin's nested POST`);
}

// 2. The list in the browser: our module vs the stock content page with the same columns.
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
await page.goto(`${base}/admin/login`);
await page.locator('input[type="email"]').fill(`registrar.${run}@bench.example.org`);
await page.locator('input[type="password"]').fill(password);
await page.locator('button[type="submit"]').click();
await page.waitForURL((url) => url.pathname.startsWith('/admin/') && !url.pathname.startsWith('/admin/login'));
// The stock page shows the registrar's own preset: the same columns, all rows of the event on one page.
await post(tokens.admin, '/presets', {
  user: registrar.id, collection: 'entries', layout: 'tabular', filter: { event_id: { _eq: event.id } },
  layout_query: { tabular: { fields: ['race_number', 'class_id.code', 'crew', 'vehicle_id.make', 'vehicle_id.model', 'vehicle_id.plate', 'devices', 'status'], limit: 500, sort: ['race_number'] } },
});
const pages: Record<string, { url: string; rows: string }> = {
  'our entries list': { url: `${base}/admin/registration/${event.id}`, rows: '[data-test="entries"] tbody tr' },
  'stock content page': { url: `${base}/admin/content/entries`, rows: '.v-table tbody tr' },
};
const listTimes: Record<string, number[]> = { 'our entries list': [], 'stock content page': [] };
const listRounds = Math.max(3, Math.floor(rounds / 2));
for (let round = -1; round < listRounds; round++) {
  for (const [name, p] of Object.entries(pages)) {
    const start = Date.now();
    await page.goto(p.url);
    await page.locator(p.rows).nth(ENTRIES - 1).waitFor({ timeout: 120_000 });
    if (round >= 0) listTimes[name]!.push(Date.now() - start);
    await page.goto('about:blank');
  }
}
await browser.close();
const stock = median(listTimes['stock content page']!);
console.log(`the registrar's list of ${ENTRIES} entries rendered (navigation to the last row visible in the DOM); ${listRounds} rounds after 1 warm-up`);
for (const [name, xs] of Object.entries(listTimes)) console.log(`  ${name.padEnd(34)} median ${median(xs).toFixed(0).padStart(6)} ms  ${(median(xs) / stock).toFixed(2)}× the stock page (goal ≤ 1×)`);
