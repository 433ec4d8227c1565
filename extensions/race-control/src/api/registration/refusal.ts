// A refused registration: 400 with every problem addressed to a wizard step and field, so the
// wizard can open that step and mark the field. Database refusals (a unique race number, a tracker
// on another entry, a link outside the club), already put in words by the integrity and access
// hooks, are given the step they belong to here.
import { createError } from '@directus/errors';
import type { RegistrationDraft, StepError } from '../../domain/registration';
import { PERSON_FIELDS } from './people';

export const RegistrationRefusedError = createError<{ errors: StepError[] }>(
  'INVALID_PAYLOAD',
  ({ errors }) => errors.filter((e) => !e.warning).map((e) => e.message).join('; ') || 'the registration was refused',
  400,
);

export function refuse(errors: StepError[]): void {
  const blocking = errors.filter((e) => !e.warning);
  if (blocking.length) throw new RegistrationRefusedError({ errors: blocking });
}

interface DirectusErrorLike {
  code?: string;
  message?: string;
  extensions?: { rule?: string; reason?: string; collection?: string; field?: string; value?: unknown };
}

/** Which tracker of the draft a database message is about (it names the IMEI). */
function trackerField(draft: RegistrationDraft, message: string): string {
  const i = draft.trackers.findIndex((t) => t.imei && message.includes(t.imei));
  return i >= 0 ? `trackers.${i}.imei` : 'trackers';
}

/** A Directus or database error met while writing, as a step error; null when it is not ours to word. */
export function stepErrorOf(error: unknown, draft: RegistrationDraft): StepError | null {
  const e = error as DirectusErrorLike;
  const rule = e.extensions?.rule ?? '';
  const message = e.extensions?.reason ?? e.message ?? 'refused';
  if (rule.startsWith('entries.race_number') || rule === 'entries_race_number_in_class_range' || rule === 'entries_race_number_positive') {
    return { step: 'number', field: 'race_number', message: draft.race_number != null && rule.startsWith('entries.race_number') ? `Race number ${draft.race_number} is already taken in this event` : message };
  }
  if (rule === 'entries_class_in_event') return { step: 'class', field: 'class_id', message };
  if (rule === 'entry_devices_one_entry_per_event' || rule.startsWith('devices.imei') || rule === 'devices_imei_valid' || rule.startsWith('entry_devices.device_id')) {
    return { step: 'trackers', field: trackerField(draft, message), message };
  }
  if (rule === 'link_outside_club') {
    if (/vehicle/.test(message)) return { step: 'vehicle', field: 'vehicle', message };
    if (/tracker/.test(message)) return { step: 'trackers', field: 'trackers', message };
    return { step: 'crew', field: 'crew', message };
  }
  if (rule.startsWith('entry_crew')) return { step: 'crew', field: 'crew', message };
  if (e.code === 'FAILED_VALIDATION') {
    // Directus's own field validation (e.g. nationality as two capital letters) names only the field.
    const field = String(e.extensions?.field ?? '');
    const person = (PERSON_FIELDS as string[]).includes(field);
    return { step: person ? 'crew' : 'review', field: person ? 'crew' : field, message };
  }
  if (e.code === 'RECORD_NOT_UNIQUE' && e.extensions?.collection === 'directus_users') {
    return { step: 'crew', field: 'crew', message: `A person with the e-mail ${String(e.extensions.value ?? '')} is already registered: find them instead of creating them again` };
  }
  return null;
}
