// The crew's people: existing ones must be the club's; a new one must not be somebody already
// registered (by e-mail or licence number) — in this club (pick them instead) or in another club,
// which holds them (a club cannot take another's person). Raw SQL only answers "does such a
// person exist", which Directus's own unique e-mail check would tell anyway.
import type { DraftPerson, RegistrationDraft, StepError } from '../../domain/registration';
import { personName } from '../../domain/registration';
import { type As, readableIds } from './services';

export const PERSON_FIELDS: (keyof DraftPerson)[] = ['first_name', 'last_name', 'email', 'phone', 'birth_date', 'nationality', 'sex', 'licence_number', 'blood_type', 'emergency_contact'];

export function personPayload(p: DraftPerson): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Only what was filled in: an empty field in the wizard never wipes what the person has.
  for (const f of PERSON_FIELDS) if (p[f] != null && p[f] !== '') out[f] = p[f];
  if (typeof out.email === 'string') out.email = out.email.trim().toLowerCase();
  return out;
}

export const HELD_ELSEWHERE = 'is a person another club holds: a club cannot register another club\'s person; ask the organiser\'s administrator to add them to your club, or register them with that club';

export async function peopleErrors(caller: As, draft: RegistrationDraft): Promise<StepError[]> {
  const errors: StepError[] = [];
  const ids = draft.crew.map((m) => m.person.id).filter((id): id is string => !!id);
  const visible = await readableIds(caller.users(), ids);
  for (const [i, m] of draft.crew.entries()) {
    const p = m.person;
    const who = personName(p);
    if (p.id) {
      if (!visible.has(p.id)) errors.push({ step: 'crew', field: `crew.${i}.person`, message: `${who} ${HELD_ELSEWHERE}` });
      continue;
    }
    const email = p.email?.trim().toLowerCase() || null;
    const licence = p.licence_number?.trim() || null;
    if (!email && !licence) continue;
    const { rows } = await caller.knex.raw(
      'SELECT id, lower(email) = ? AS by_email FROM directus_users WHERE lower(email) = ? OR (licence_number IS NOT NULL AND licence_number = ?) LIMIT 1',
      [email, email, licence],
    );
    if (!rows[0]) continue;
    const field = `crew.${i}.person.${rows[0].by_email ? 'email' : 'licence_number'}`;
    const mine = (await readableIds(caller.users(), [rows[0].id])).size > 0;
    errors.push({
      step: 'crew', field,
      message: mine
        ? `${who} is already registered in your club (same ${rows[0].by_email ? 'e-mail' : 'licence number'}): pick the existing person instead of creating them again`
        : `${who} (same ${rows[0].by_email ? 'e-mail' : 'licence number'}) ${HELD_ELSEWHERE}`,
    });
  }
  return errors;
}
