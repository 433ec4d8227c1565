// The registration routes across the club boundary: every member of club A (and an anonymous
// caller) tries to read club B's registration context, people and drafts, to register into B's
// event, to use B's vehicle, tracker, person or class in an entry of A's own event, to withdraw B's
// entry and to overwrite or discard B's draft. A leak is any accepted write, any B id or marker in
// an answer, or a server error; afterwards B's rows are exactly as they were (checked in SQL).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signIn } from '../support/api.ts';
import { Ledger, call, secretsOf, tokenOf } from '../support/boundary.ts';
import { type Club, ORG_ROLES, makeClub } from '../support/clubs.ts';
import { addClasses, type Classes, motoDraft } from '../support/registration.ts';
import { withPg } from '../support/stack.ts';

let a: Club;
let b: Club;
let aClasses: Classes;
let bRun: string;
const ledger = new Ledger();

const bState = () => withPg('directus', async (c) => JSON.stringify([
  (await c.query('SELECT id, status, race_number, class_id, vehicle_id, notes FROM entries WHERE event_id = $1 ORDER BY id', [b.ids.events])).rows,
  (await c.query('SELECT ed.device_id, ed.purpose FROM entry_devices ed JOIN entries e ON e.id = ed.entry_id WHERE e.event_id = $1 ORDER BY 1', [b.ids.events])).rows,
  (await c.query('SELECT run_id, status, step, draft FROM registration_runs WHERE event_id = $1', [b.ids.events])).rows,
  (await c.query('SELECT count(*)::int AS n FROM entry_devices WHERE device_id = $1', [b.ids.devices])).rows,
  (await c.query('SELECT count(*)::int AS n FROM entry_crew WHERE user_id = $1', [b.people.participant.id])).rows,
]));

beforeAll(async () => {
  const admin = await signIn();
  [a, b] = [await makeClub(admin, 'RegA', true), await makeClub(admin, 'RegB', true)];
  aClasses = await addClasses(admin, a);
  // B's registrar keeps a draft that nobody of A may read, overwrite or discard.
  bRun = randomUUID();
  const bToken = await tokenOf(b.people.registrar.email, b.people.registrar.password);
  const saved = await call(bToken, 'POST', `/race-control/registration/drafts/${bRun}`, { event_id: b.ids.events, step: 'crew', draft: { notes: b.marker } });
  expect(saved.status, saved.text).toBe(200);
}, 180_000);

afterAll(() => {
  console.log(ledger.summary('registration'));
});

it('lets nobody of club A read or change club B\'s registrations, or use B\'s catalogue', async () => {
  const before = await bState();
  const secrets = secretsOf(b, new Set());
  const [{ imei: bImei }] = await withPg('directus', async (c) => (await c.query('SELECT imei FROM devices WHERE id = $1', [b.ids.devices])).rows);
  const reads = [
    `/race-control/registration/events/${b.ids.events}/context`,
    `/race-control/registration/people?q=${b.marker}`,
    `/race-control/registration/people?q=${encodeURIComponent(b.people.participant.email)}`,
    `/race-control/registration/people?first_name=${b.marker}&last_name=participant&birth_date=1990-01-01`,
    `/race-control/registration/drafts?event_id=${b.ids.events}`,
    `/race-control/registration/drafts/${bRun}`,
  ];
  const own = (edit: (d: ReturnType<typeof motoDraft>) => void) => {
    const d = motoDraft(a, aClasses, 60 + Math.floor(Math.random() * 19));
    edit(d);
    return d;
  };
  const writes: [string, string, unknown][] = [
    ['POST', '/race-control/registration/submit', { ...motoDraft(a, aClasses, 41), event_id: b.ids.events, class_id: b.ids.classes, race_number: 8 }],
    ['POST', '/race-control/registration/submit', { ...motoDraft(a, aClasses, 41), event_id: b.ids.events, class_id: b.ids.classes, race_number: 8, entry_id: b.ids.entries }],
    ['POST', '/race-control/registration/submit', own((d) => { d.vehicle = { id: b.ids.vehicles, kind: 'moto', make: 'x', model: 'y', cc: 500 }; })],
    ['POST', '/race-control/registration/submit', own((d) => { d.trackers = [{ id: b.ids.devices, imei: bImei, model: 'FMB920', purpose: 'primary' }]; })],
    ['POST', '/race-control/registration/submit', own((d) => { d.trackers = [{ imei: bImei, model: 'FMB920', purpose: 'primary' }]; })],
    ['POST', '/race-control/registration/submit', own((d) => { d.crew[0]!.person = { ...d.crew[0]!.person, id: b.people.participant.id }; })],
    ['POST', '/race-control/registration/submit', own((d) => { d.crew[0]!.person = { ...d.crew[0]!.person, email: b.people.participant.email }; })],
    ['POST', '/race-control/registration/submit', own((d) => { d.class_id = b.ids.classes!; })],
    ['POST', '/race-control/registration/submit', own((d) => { d.entry_id = b.ids.entries!; })],
    ['POST', `/race-control/registration/entries/${b.ids.entries}/withdraw`, { reason: 'taken over' }],
    ['POST', `/race-control/registration/drafts/${bRun}`, { event_id: b.ids.events, step: 'review', draft: { notes: 'overwritten' } }],
    ['POST', `/race-control/registration/drafts/${bRun}`, { event_id: a.ids.events, step: 'review', draft: { notes: 'overwritten' } }],
    ['POST', `/race-control/registration/drafts/${randomUUID()}`, { event_id: b.ids.events, step: 'vehicle', draft: {} }],
    ['DELETE', `/race-control/registration/drafts/${bRun}`, undefined],
  ];
  const callers: [string, string | null][] = [['anonymous', null]];
  for (const role of ORG_ROLES) callers.push([role, await tokenOf(a.people[role].email, a.people[role].password)]);
  for (const [who, token] of callers) {
    for (const path of reads) ledger.read(who, `GET ${path}`, await call(token, 'GET', path), secrets);
    for (const [method, path, body] of writes) {
      // A fresh run each time: a replay of an accepted run would hide a second leak.
      const sent = body && typeof body === 'object' && 'run_id' in body ? { ...body, run_id: randomUUID() } : body;
      const res = await call(token, method, path, sent);
      ledger.write(who, `${method} ${path} ${String(JSON.stringify(sent) ?? '').slice(0, 120)}`, res);
      ledger.read(who, `${method} ${path} (answer)`, res, secrets);
    }
  }
  console.log(ledger.leaks.join('\n'));
  expect(ledger.leaks).toEqual([]);
  expect(await bState()).toBe(before);
});
