// POST /race-control/registration/submit: one wizard run becomes one entry, with every row it needs
// (new vehicle, people, memberships, trackers, the entry, its crew and trackers) written in one
// transaction through Directus services as the registrar: all or nothing. The run row is locked
// first, so a double click or a retried request waits for the first and gets the same entry back.
// Concurrent registrars are decided by the database (the unique race number per event, the
// tracker-per-event trigger's lock): the loser's transaction fails and is told why, at its step.
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { firstFailingStep, type RegistrationDraft, type StepError, validateDraft } from '../../domain/registration';
import { trackerCatalogueErrors, vehicleCatalogueErrors } from './catalogue';
import { loadEventContext } from './context';
import { peopleErrors, personPayload } from './people';
import { RegistrationRefusedError, refuse, stepErrorOf } from './refusal';
import { as, type As, type RegistrationContext, UUID } from './services';

export interface SubmitAnswer {
  entry_id: string;
  race_number: number | null;
  /** True when this run had already been submitted: nothing new was written. */
  replayed: boolean;
  warnings: StepError[];
}

/** The body's shape, before any rule: a client that sends something else is told so. */
export function parseDraft(body: unknown): RegistrationDraft {
  const d = (body ?? {}) as Partial<RegistrationDraft>;
  const shape: StepError[] = [];
  if (typeof d.run_id !== 'string' || !UUID.test(d.run_id)) shape.push({ step: 'review', field: 'run_id', message: 'run_id must be a UUID the client chose for this wizard run' });
  if (typeof d.event_id !== 'string' || !UUID.test(d.event_id)) shape.push({ step: 'review', field: 'event_id', message: 'event_id must be the event\'s id' });
  if (d.entry_id != null && (typeof d.entry_id !== 'string' || !UUID.test(d.entry_id))) shape.push({ step: 'review', field: 'entry_id', message: 'entry_id must be the id of the entry being edited' });
  if (!Array.isArray(d.crew ?? []) || !Array.isArray(d.trackers ?? [])) shape.push({ step: 'review', field: 'crew', message: 'crew and trackers are lists' });
  refuse(shape);
  return { entry_id: null, vehicle: null, class_id: null, race_number: null, notes: null, ...d, crew: d.crew ?? [], trackers: d.trackers ?? [] } as RegistrationDraft;
}

async function lockRun(trx: Knex, draft: RegistrationDraft, user: string | null) {
  await trx.raw(
    `INSERT INTO registration_runs (run_id, event_id, user_id, draft) VALUES (?, ?, ?, ?::jsonb) ON CONFLICT (run_id) DO NOTHING`,
    [draft.run_id, draft.event_id, user, JSON.stringify(draft)],
  );
  const { rows } = await trx.raw('SELECT r.*, e.race_number FROM registration_runs r LEFT JOIN entries e ON e.id = r.entry_id WHERE r.run_id = ? FOR UPDATE OF r', [draft.run_id]);
  return rows[0] as { event_id: string; status: string; entry_id: string | null; race_number: number | null; user_id: string | null };
}

function without<T extends object>(item: T, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !keys.includes(k)));
}

async function writeRows(caller: As, draft: RegistrationDraft, organizationId: string): Promise<string> {
  const inClub = [{ organization_id: organizationId }];
  let vehicleId: string | null = draft.vehicle?.id ?? null;
  if (draft.vehicle && !vehicleId) {
    vehicleId = await caller.items('vehicles').createOne({ ...without(draft.vehicle, 'id'), organizations: inClub });
  }
  const people = new Map<string, string>();
  for (const m of draft.crew) {
    const payload = personPayload(m.person);
    if (m.person.id) {
      // Personal fields the event needs, filled in at the desk, go onto the person.
      const personal = without(payload, 'first_name', 'last_name');
      if (Object.keys(personal).length) await caller.users().updateOne(m.person.id, personal);
      people.set(m.key, m.person.id);
    } else {
      people.set(m.key, await caller.users().createOne({ ...payload, status: 'active', memberships: [{ ...inClub[0], role: 'participant' }] }));
    }
  }
  const devices: Record<string, unknown>[] = [];
  for (const t of draft.trackers) {
    const deviceId = t.id ?? (await caller.items('devices').createOne({ imei: t.imei, model: t.model, organizations: inClub }));
    devices.push({ device_id: deviceId, purpose: t.purpose, assigned_user_id: t.worn_by ? people.get(t.worn_by) ?? null : null });
  }
  const crew = draft.crew.map((m) => ({ user_id: people.get(m.key), role: m.role }));
  const entry = { class_id: draft.class_id, vehicle_id: vehicleId, race_number: draft.race_number, notes: draft.notes ?? null };
  const entries = caller.items('entries');
  if (!draft.entry_id) return entries.createOne({ ...entry, event_id: draft.event_id, status: 'registered', crew, devices });
  // An edit replaces the crew and trackers as a whole: the wizard always sends all of them.
  for (const [collection] of [['entry_crew'], ['entry_devices']] as const) {
    const old = await caller.items(collection).readByQuery({ filter: { entry_id: { _eq: draft.entry_id } }, fields: ['id'], limit: -1 });
    if (old.length) await caller.items(collection).deleteMany(old.map((r) => String(r.id)));
  }
  await entries.updateOne(draft.entry_id, { ...entry, crew: crew.map((c) => ({ ...c, entry_id: draft.entry_id })), devices: devices.map((d) => ({ ...d, entry_id: draft.entry_id })) });
  return draft.entry_id;
}

export async function submit(context: RegistrationContext, accountability: Accountability | null, body: unknown): Promise<SubmitAnswer> {
  const draft = parseDraft(body);
  try {
    return await context.database.transaction(async (trx) => {
      const caller = await as(context, accountability, trx);
      const run = await lockRun(trx, draft, accountability?.user ?? null);
      if (run.event_id !== draft.event_id) refuse([{ step: 'review', field: 'run_id', message: 'this wizard run belongs to another event: start a new registration' }]);
      if (run.status === 'submitted' && run.entry_id) return { entry_id: run.entry_id, race_number: run.race_number, replayed: true, warnings: [] };

      const ctx = await loadEventContext(caller, draft.event_id, draft.entry_id ?? null);
      if (draft.entry_id) await caller.items('entries').readOne(draft.entry_id, { fields: ['id'] });
      const errors = [
        ...validateDraft(draft, ctx),
        ...(await vehicleCatalogueErrors(caller, draft)),
        ...(await peopleErrors(caller, draft)),
        ...(await trackerCatalogueErrors(caller, draft)),
      ];
      refuse(errors);
      const entryId = await writeRows(caller, draft, ctx.event.organization_id);
      await trx.raw(`UPDATE registration_runs SET status = 'submitted', entry_id = ?, draft = ?::jsonb, step = 'review', updated_at = now() WHERE run_id = ?`, [entryId, JSON.stringify(draft), draft.run_id]);
      return { entry_id: entryId, race_number: draft.race_number, replayed: false, warnings: errors.filter((e) => e.warning) };
    });
  } catch (error) {
    if (error instanceof RegistrationRefusedError) throw error;
    const stepError = stepErrorOf(error, draft);
    if (stepError) throw new RegistrationRefusedError({ errors: [stepError] });
    throw error;
  }
}

export { firstFailingStep };
