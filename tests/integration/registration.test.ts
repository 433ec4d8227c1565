// The registration submit on the real stack, as a club's registrar: one call writes the whole entry;
// every refusal of the issue comes back addressed to its step and field with nothing written
// (checked in SQL); a retried run makes one entry; two registrars racing for one tracker or one
// number get one winner and one reason.
import { createItem, createUser, readItem, readRoles } from '@directus/sdk';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn } from '../support/api.ts';
import { call, tokenOf } from '../support/boundary.ts';
import { type Club, imei, makeClub } from '../support/clubs.ts';
import { addClasses, carDraft, type Classes, motoDraft, newPerson, rowsOf, submit } from '../support/registration.ts';
import { pgClient } from '../support/stack.ts';

let admin: Client;
let club: Club;
let other: Club;
let classes: Classes;
let token: string;
let db: pg.Client;

beforeAll(async () => {
  admin = await signIn();
  [club, other] = await Promise.all([makeClub(admin, 'Registration', true), makeClub(admin, 'Rival', true)]);
  classes = await addClasses(admin, club);
  token = await tokenOf(club.people.registrar.email, club.people.registrar.password);
  db = await pgClient('directus');
}, 180_000);

afterAll(async () => {
  await db?.end();
});

describe('submit', () => {
  it('writes a car crew from scratch in one call: vehicle, two people, two trackers, the panic one worn by the co-pilot', async () => {
    const draft = carDraft(club, classes, 301);
    const res = await submit(token, draft);
    expect(res.status, JSON.stringify(res.errors)).toBe(200);
    expect(res.data).toMatchObject({ race_number: 301, replayed: false });
    expect(await rowsOf(db, draft)).toEqual({ runs: 1, entries: 1, vehicles: 1, devices: 2, people: 2, memberships: 2, crew: 2, entry_devices: 2 });
    const entry = await admin.request(readItem('entries', res.data.entry_id, { fields: ['status', 'class_id', 'crew.role', 'crew.user_id.email', 'devices.purpose', 'devices.assigned_user_id.email'] as never }));
    expect(entry).toMatchObject({ status: 'registered', class_id: classes.car });
    const panic = (entry as unknown as { devices: { purpose: string; assigned_user_id: { email: string } | null }[] }).devices.find((d) => d.purpose === 'panic');
    expect(panic?.assigned_user_id?.email).toBe(draft.crew[1]!.person.email);
  });

  it('makes one entry of a double click and of a retried request', async () => {
    const draft = motoDraft(club, classes, 41);
    const [a, b] = await Promise.all([submit(token, draft), submit(token, draft)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.data.entry_id).toBe(b.data.entry_id);
    const again = await submit(token, draft);
    expect(again.data).toMatchObject({ entry_id: a.data.entry_id, replayed: true });
    expect((await rowsOf(db, draft)).entries).toBe(1);
  });
});

describe('edit, withdraw and drafts', () => {
  it('edits an entry through the same submit: new number, the co-pilot swapped, one tracker less', async () => {
    const draft = carDraft(club, classes, 310);
    const made = await submit(token, draft);
    expect(made.status, JSON.stringify(made.errors)).toBe(200);
    const [{ id: pilotId }] = (await db.query('SELECT id FROM directus_users WHERE email = $1', [draft.crew[0]!.person.email])).rows;
    const shehu = newPerson('Shehu');
    const edit = {
      ...draft, run_id: randomUUID(), entry_id: made.data.entry_id, race_number: 311,
      crew: [{ ...draft.crew[0]!, key: pilotId, person: { ...draft.crew[0]!.person, id: pilotId } }, { key: 'n', role: 'co-pilot', person: shehu }],
      trackers: [{ ...draft.trackers[0]!, worn_by: null }],
    };
    const res = await submit(token, edit);
    expect(res.status, JSON.stringify(res.errors)).toBe(200);
    expect(res.data.entry_id).toBe(made.data.entry_id);
    const { rows } = await db.query(
      `SELECT e.race_number, (SELECT string_agg(u.last_name, ',' ORDER BY c.role DESC) FROM entry_crew c JOIN directus_users u ON u.id = c.user_id WHERE c.entry_id = e.id) AS crew,
              (SELECT count(*)::int FROM entry_devices WHERE entry_id = e.id) AS trackers FROM entries e WHERE e.id = $1`, [made.data.entry_id]);
    expect(rows[0]).toEqual({ race_number: 311, crew: `${String(draft.crew[0]!.person.last_name)},${shehu.last_name}`, trackers: 1 });
  });

  it('withdraws with a reason, which lands in the notes', async () => {
    const made = await submit(token, motoDraft(club, classes, 70));
    const res = await call(token, 'POST', `/race-control/registration/entries/${made.data.entry_id}/withdraw`, { reason: 'Engine failure at scrutineering' });
    expect(res.status, res.text).toBe(200);
    const [row] = (await db.query('SELECT status, notes FROM entries WHERE id = $1', [made.data.entry_id])).rows;
    expect(row.status).toBe('withdrawn');
    expect(row.notes).toMatch(/^Withdrawn \d{4}-\d{2}-\d{2}: Engine failure at scrutineering$/);
    expect((await call(token, 'POST', `/race-control/registration/entries/${made.data.entry_id}/withdraw`, { reason: '' })).status).toBe(400);
  });

  it('refuses to withdraw an entry that has started, says why, and leaves it as it was', async () => {
    const made = await submit(token, motoDraft(club, classes, 72));
    await db.query("UPDATE entries SET status = 'started', notes = NULL WHERE id = $1", [made.data.entry_id]);
    const res = await call(token, 'POST', `/race-control/registration/entries/${made.data.entry_id}/withdraw`, { reason: 'Crashed on SS2' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('entry #72 is started: only an entry that has not started can be withdrawn');
    const [row] = (await db.query('SELECT status, notes FROM entries WHERE id = $1', [made.data.entry_id])).rows;
    expect(row).toEqual({ status: 'started', notes: null });
  });

  it('keeps a draft on the server for its registrar, and a submitted run is no longer a draft', async () => {
    const draft = motoDraft(club, classes, 71);
    expect((await call(token, 'POST', `/race-control/registration/drafts/${draft.run_id}`, { event_id: club.ids.events, step: 'crew', draft })).status).toBe(200);
    const listed = JSON.parse((await call(token, 'GET', `/race-control/registration/drafts?event_id=${club.ids.events}`)).text).data;
    expect(listed.map((d: { run_id: string }) => d.run_id)).toContain(draft.run_id);
    const read = JSON.parse((await call(token, 'GET', `/race-control/registration/drafts/${draft.run_id}`)).text).data;
    expect(read).toMatchObject({ step: 'crew', draft: { race_number: 71 } });
    expect((await submit(token, draft)).status).toBe(200);
    const after = JSON.parse((await call(token, 'GET', `/race-control/registration/drafts?event_id=${club.ids.events}`)).text).data;
    expect(after.map((d: { run_id: string }) => d.run_id)).not.toContain(draft.run_id);
  });
});

describe('refusals, each at its step with nothing written', () => {
  const refused = async (draft: ReturnType<typeof carDraft>, step: string, field: string, words: RegExp) => {
    const before = await rowsOf(db, draft);
    const res = await submit(token, draft);
    expect(res.status).toBe(400);
    const errors = res.errors![0]!.extensions.errors!;
    expect(errors.map((e) => `${e.step}:${e.field}`)).toContain(`${step}:${field}`);
    expect(res.errors![0]!.message).toMatch(words);
    expect(await rowsOf(db, draft)).toEqual(before);
    expect(before.runs + before.people + before.vehicles).toBe(0);
  };

  it('an ineligible class', async () => {
    await refused({ ...carDraft(club, classes, 42), class_id: classes.moto }, 'class', 'class_id', /not eligible for M-2 .*this class is for moto, not car/);
  });

  it('a tracker on another entry of the event', async () => {
    const d = carDraft(club, classes, 302);
    const [{ imei: taken }] = (await db.query('SELECT imei FROM devices WHERE id = $1', [club.ids.devices])).rows;
    d.trackers[0] = { id: club.ids.devices, imei: taken, model: 'FMB920', purpose: 'primary' };
    await refused(d, 'trackers', 'trackers.0.imei', new RegExp(`tracker ${taken} is already on #7`));
  });

  it('a taken race number', async () => {
    await refused(carDraft(club, classes, 301), 'number', 'race_number', /race number 301 is already taken in this event \(#301, Bardhi\w+\/Hoxha\w+\)/);
  });

  it('a number outside the class range', async () => {
    await refused(carDraft(club, classes, 12), 'number', 'race_number', /race number 12 is outside the range of class C-2 \(300 to 329\)/);
  });

  it('a car without a co-pilot', async () => {
    const d = carDraft(club, classes, 303);
    d.crew = d.crew.slice(0, 1);
    d.trackers = d.trackers.slice(0, 1);
    await refused(d, 'crew', 'crew', /a car needs a co-pilot/);
  });

  it('a wrong IMEI check digit', async () => {
    const d = carDraft(club, classes, 304);
    const good = d.trackers[0]!.imei;
    d.trackers[0]!.imei = good.slice(0, 14) + ((Number(good[14]) + 1) % 10);
    await refused(d, 'trackers', 'trackers.0.imei', /has a wrong check digit \(last digit should be \d\)/);
  });

  it('a person another club holds, by id or by e-mail', async () => {
    const d = carDraft(club, classes, 305);
    d.crew[1]!.person = { ...newPerson('Rival'), id: other.people.participant.id };
    await refused(d, 'crew', 'crew.1.person', /is a person another club holds/);
    const byEmail = carDraft(club, classes, 306);
    byEmail.crew[0]!.person = newPerson('Rival', { email: other.people.participant.email });
    const res = await submit(token, byEmail);
    expect(res.errors![0]!.extensions.errors![0]).toMatchObject({ step: 'crew', field: 'crew.0.person.email' });
    expect(res.errors![0]!.message).toMatch(/another club holds/);
  });
});

describe('two registrars at the same moment', () => {
  let second: string;
  beforeAll(async () => {
    // A second registrar of the same club, at the desk beside the first.
    const email = `registrar2.${club.slug}@example.org`;
    const [role] = await admin.request(readRoles({ filter: { name: { _eq: 'Registrar' } }, fields: ['id'] }));
    const user = await admin.request(createUser({ email, password: 'second-desk-1', first_name: 'Second', last_name: 'Desk', status: 'active', role: role!.id } as never));
    await admin.request(createItem('organization_users', { organization_id: club.ids.organizations!, user_id: user.id as string, role: 'registrar' }));
    second = await tokenOf(email, 'second-desk-1');
  });

  it.each(['new', 'catalogue'])('the same tracker (%s): one wins, the other is told why', async (kind) => {
    const shared = imei();
    const id = kind === 'new' ? null : ((await admin.request(createItem('devices', { imei: shared, model: 'FMB920', organizations: [{ organization_id: club.ids.organizations! }] } as never))) as { id: string }).id;
    const a = motoDraft(club, classes, kind === 'new' ? 50 : 52);
    const b = motoDraft(club, classes, kind === 'new' ? 51 : 53);
    a.trackers[0] = { ...a.trackers[0]!, id, imei: shared };
    b.trackers[0] = { ...b.trackers[0]!, id, imei: shared };
    const results = await Promise.all([submit(token, a), submit(second, b)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    const loser = results.find((r) => r.status === 400)!;
    expect(loser.errors![0]!.extensions.errors![0]).toMatchObject({ step: 'trackers', field: 'trackers.0.imei' });
    expect(loser.errors![0]!.message).toMatch(new RegExp(kind === 'new' ? `tracker with IMEI ${shared} is already registered` : `Tracker ${shared} is already on entry #5[23]`));
    expect(Number((await db.query('SELECT count(*) FROM entry_devices ed JOIN devices d ON d.id = ed.device_id WHERE d.imei = $1', [shared])).rows[0].count)).toBe(1);
    expect(Number((await db.query('SELECT count(*) FROM entries WHERE event_id = $1 AND race_number = ANY($2)', [club.ids.events, [a.race_number, b.race_number]])).rows[0].count)).toBe(1);
  });

  it('the same race number: one wins, the other is told the number is taken', async () => {
    const a = motoDraft(club, classes, 60);
    const b = motoDraft(club, classes, 60);
    const results = await Promise.all([submit(token, a), submit(second, b)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    const loser = results.find((r) => r.status === 400)!;
    expect(loser.errors![0]!.extensions.errors![0]).toMatchObject({ step: 'number', field: 'race_number' });
    expect(loser.errors![0]!.message).toMatch(/Race number 60 is already taken/i);
    expect(Number((await db.query('SELECT count(*) FROM entries WHERE event_id = $1 AND race_number = 60', [club.ids.events])).rows[0].count)).toBe(1);
  });
});
