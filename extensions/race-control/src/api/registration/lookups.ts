// Reads the wizard needs beyond stock item reads: the event's rules and holders in one call, the
// person search with the duplicate warning and the "another club holds this person" hint, and the
// withdrawal of an entry with its reason.
import { personName, probableDuplicates, withdrawalRefusal, type PersonLike } from '../../domain/registration';
import { loadEventContext } from './context';
import { HELD_ELSEWHERE } from './people';
import { RegistrationRefusedError } from './refusal';
import type { As } from './services';

const PEOPLE_FIELDS = ['id', 'first_name', 'last_name', 'email', 'phone', 'birth_date', 'nationality', 'sex', 'licence_number', 'blood_type', 'emergency_contact'];

export async function eventContext(caller: As, eventId: string, editing: string | null) {
  const ctx = await loadEventContext(caller, eventId, editing);
  return {
    event: ctx.event,
    classes: ctx.classes,
    numbers_taken: [...ctx.numbersTaken].map(([race_number, entry]) => ({ race_number, entry })),
    trackers_taken: [...ctx.trackersTaken].map(([imei, entry]) => ({ imei, entry })),
  };
}

export async function searchPeople(caller: As, query: Record<string, unknown>) {
  const q = String(query.q ?? '').trim();
  const people = caller.users();
  const matches = q.length < 2 ? [] : await people.readByQuery({
    filter: { _or: ['first_name', 'last_name', 'email', 'licence_number'].map((f) => ({ [f]: { _icontains: q } })) },
    fields: PEOPLE_FIELDS, sort: ['last_name', 'first_name'], limit: 20,
  });
  let duplicates: PersonLike[] = [];
  const candidate: PersonLike = { first_name: String(query.first_name ?? ''), last_name: String(query.last_name ?? ''), birth_date: String(query.birth_date ?? '') || null };
  if (candidate.last_name && candidate.birth_date) {
    // Names fold diacritics, so compare with every person of the club whose birth year matches.
    const year = candidate.birth_date.slice(0, 4);
    const sameYear = await people.readByQuery({ filter: { birth_date: { _between: [`${year}-01-01`, `${year}-12-31`] } }, fields: PEOPLE_FIELDS, limit: -1 });
    duplicates = probableDuplicates(candidate, sameYear as PersonLike[]);
  }
  // An exact e-mail or licence number of somebody the caller cannot see: another club holds them.
  let heldElsewhere: string | null = null;
  if (q.length >= 4 && !matches.length) {
    const { rows } = await caller.knex.raw('SELECT id FROM directus_users WHERE lower(email) = lower(?) OR licence_number = ? LIMIT 1', [q, q]);
    if (rows[0]) heldElsewhere = `"${q}" ${HELD_ELSEWHERE}`;
  }
  return { people: matches, duplicates, held_elsewhere: heldElsewhere };
}

export async function withdraw(caller: As, entryId: string, reason: unknown) {
  const words = typeof reason === 'string' ? reason.trim() : '';
  if (!words) throw new RegistrationRefusedError({ errors: [{ step: 'review', field: 'reason', message: 'say why the entry is withdrawn' }] });
  const entries = caller.items('entries');
  const entry = await entries.readOne(entryId, { fields: ['id', 'status', 'notes', 'race_number'] });
  const refusal = withdrawalRefusal(entry.status as string | null, entry.race_number as number | null);
  if (refusal) throw new RegistrationRefusedError({ errors: [{ step: 'review', field: 'status', message: refusal }] });
  const line = `Withdrawn ${new Date().toISOString().slice(0, 10)}: ${words}`;
  await entries.updateOne(entryId, { status: 'withdrawn', notes: entry.notes ? `${entry.notes}\n${line}` : line });
  return { entry_id: entryId, status: 'withdrawn', notes_line: line };
}

export { personName };
