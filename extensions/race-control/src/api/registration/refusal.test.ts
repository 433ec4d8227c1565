import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../domain/registration';
import { RegistrationRefusedError, stepErrorOf } from './refusal';

const draft = { ...emptyDraft('run', 'ev'), race_number: 60, trackers: [{ imei: '356698081234563', model: 'FMB920', purpose: 'primary' as const }] };
const worded = (rule: string, reason: string) => ({ code: 'INVALID_PAYLOAD', message: reason, extensions: { rule, reason } });

describe('database refusals, addressed to the wizard step they belong to', () => {
  it('a race number taken by a registrar a moment earlier is the number step\'s', () => {
    expect(stepErrorOf(worded('entries.race_number, event_id.unique', 'This race number is already taken in this event'), draft))
      .toEqual({ step: 'number', field: 'race_number', message: 'Race number 60 is already taken in this event' });
  });
  it('a tracker put on another entry at the same moment is that tracker\'s', () => {
    expect(stepErrorOf(worded('entry_devices_one_entry_per_event', 'Tracker 356698081234563 is already on entry #12 of this event; take it off that entry first'), draft))
      .toMatchObject({ step: 'trackers', field: 'trackers.0.imei' });
  });
  it('a person of another club or a field Directus validates is the crew step\'s; anything else is not worded here', () => {
    expect(stepErrorOf(worded('link_outside_club', 'The person in "user_id" is not one of your club\'s'), draft)).toMatchObject({ step: 'crew' });
    expect(stepErrorOf({ code: 'FAILED_VALIDATION', message: 'Validation failed for field "nationality".', extensions: { field: 'nationality' } }, draft)).toMatchObject({ step: 'crew', field: 'crew' });
    expect(stepErrorOf(new Error('connection reset'), draft)).toBeNull();
  });
  it('a refusal carries every blocking error and words them in its message', () => {
    const e = new RegistrationRefusedError({ errors: [{ step: 'crew', field: 'crew', message: 'a car needs a co-pilot' }, { step: 'crew', field: 'crew.0.person', message: 'may be a duplicate', warning: true }] });
    expect(e.message).toBe('a car needs a co-pilot');
    expect(e.status).toBe(400);
  });
});
