// Registration wizard runs for the integration and boundary tests: a club with a car class and a
// moto class, drafts of a car crew and a motorbike, and a count of every row a submit could write,
// so a refusal can be shown to have written nothing.
import { createItem } from '@directus/sdk';
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Client } from './api.ts';
import { call } from './boundary.ts';
import { type Club, imei } from './clubs.ts';

// The submit's body (domain/registration/draft.ts), restated: the domain's relative imports do not
// resolve under the tests' Node module rules.
export interface RegistrationDraft {
  run_id: string;
  event_id: string;
  entry_id: string | null;
  vehicle: ({ id?: string | null; kind: string; make: string; model: string } & Record<string, unknown>) | null;
  class_id: string | null;
  crew: { key: string; role: string; person: { id?: string | null; email?: string | null } & Record<string, unknown> }[];
  trackers: { id?: string | null; imei: string; model: string; purpose: string; worn_by?: string | null }[];
  race_number: number | null;
  notes: string | null;
}

export interface Classes {
  car: string;
  moto: string;
}

/** C-2 for cars (300–329) and M-2 for 450–600 cc motorbikes (40–79) in the club's event. */
export async function addClasses(admin: Client, club: Club): Promise<Classes> {
  const make = async (item: Record<string, unknown>) => ((await admin.request(createItem('classes', { event_id: club.ids.events!, ...item } as never))) as { id: string }).id;
  return {
    car: await make({ code: 'C-2', name: 'CAR Series production', eligibility: { kind: ['car'] }, race_number_from: 300, race_number_to: 329 }),
    moto: await make({ code: 'M-2', name: 'MOTO 450–600cc', eligibility: { kind: ['moto'], cc_min: 450, cc_max: 600 }, race_number_from: 40, race_number_to: 79 }),
  };
}

const tag = () => randomBytes(3).toString('hex');

export function newPerson(last: string, over: Record<string, unknown> = {}) {
  const t = tag();
  return {
    first_name: 'Test', last_name: `${last}${t}`, email: `${last.toLowerCase()}.${t}@crews.example.org`, birth_date: '1984-05-17', sex: 'male' as const,
    licence_number: `AL-${t}`, blood_type: 'A+', emergency_contact: '+355 69 111 2222', ...over,
  };
}

export function carDraft(club: Club, classes: Classes, number: number): RegistrationDraft {
  return {
    run_id: randomUUID(), event_id: club.ids.events!, entry_id: null,
    vehicle: { kind: 'car', make: 'Toyota', model: 'Land Cruiser', cc: 2800, drive: '4wd', plate: `TR ${tag()}` },
    class_id: classes.car,
    crew: [{ key: 'p', role: 'pilot', person: newPerson('Bardhi') }, { key: 'c', role: 'co-pilot', person: newPerson('Hoxha') }],
    trackers: [{ imei: imei(), model: 'FMB920', purpose: 'primary' }, { imei: imei(), model: 'FMB003', purpose: 'panic', worn_by: 'c' }],
    race_number: number, notes: null,
  };
}

export function motoDraft(club: Club, classes: Classes, number: number): RegistrationDraft {
  return {
    run_id: randomUUID(), event_id: club.ids.events!, entry_id: null,
    vehicle: { kind: 'moto', make: 'KTM', model: '500 EXC', cc: 510, cylinders: 1 },
    class_id: classes.moto,
    crew: [{ key: 'r', role: 'rider', person: newPerson('Kola') }],
    trackers: [{ imei: imei(), model: 'FMB920', purpose: 'primary' }],
    race_number: number, notes: null,
  };
}

export async function submit(token: string, draft: RegistrationDraft) {
  const res = await call(token, 'POST', '/race-control/registration/submit', draft);
  const body = JSON.parse(res.text);
  return { status: res.status, data: body.data, errors: body.errors as { message: string; extensions: { errors?: { step: string; field: string; message: string }[] } }[] | undefined };
}

/** Every row this draft's submit would write, found by what identifies it (run, event, plate,
 * IMEIs, e-mails), so a refusal is shown to have written nothing even while other tests run. */
export async function rowsOf(db: pg.Client, draft: RegistrationDraft): Promise<typeof NOTHING> {
  const emails = draft.crew.map((m) => m.person.email ?? '').filter(Boolean);
  const imeis = draft.trackers.map((t) => t.imei);
  const { rows } = await db.query(
    `SELECT (SELECT count(*)::int FROM registration_runs WHERE run_id = $1) AS runs,
            (SELECT count(*)::int FROM entries WHERE event_id = $2 AND race_number = $3) AS entries,
            (SELECT count(*)::int FROM vehicles WHERE plate = $4) AS vehicles,
            (SELECT count(*)::int FROM devices WHERE imei = ANY($5)) AS devices,
            (SELECT count(*)::int FROM directus_users WHERE email = ANY($6)) AS people,
            (SELECT count(*)::int FROM organization_users m JOIN directus_users u ON u.id = m.user_id WHERE u.email = ANY($6)) AS memberships,
            (SELECT count(*)::int FROM entry_crew c JOIN directus_users u ON u.id = c.user_id WHERE u.email = ANY($6)) AS crew,
            (SELECT count(*)::int FROM entry_devices ed JOIN devices d ON d.id = ed.device_id WHERE d.imei = ANY($5)) AS entry_devices`,
    [draft.run_id, draft.event_id, draft.race_number, draft.vehicle?.plate ?? '', imeis, emails],
  );
  return rows[0];
}

export const NOTHING = { runs: 0, entries: 0, vehicles: 0, devices: 0, people: 0, memberships: 0, crew: 0, entry_devices: 0 };
