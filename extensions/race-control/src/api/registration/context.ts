// What the wizard's checks need about an event, read as the caller (so nobody learns more than the
// stock API would tell them): the event, its classes, and who holds which race number and tracker.
import type { Discipline, RegistrationContext } from '../../domain/registration';
import { bySeat, crewLabel } from '../../domain/registration';
import type { ClassInfo } from '../../domain/registration/validate';
import type { As } from './services';

interface EntryRead {
  id: string;
  race_number: number | null;
  status: string;
  crew: { role: string; user_id: { last_name: string | null } | null }[];
  devices: { device_id: { imei: string } | null }[];
}

export interface EventContext extends RegistrationContext {
  event: RegistrationContext['event'] & { name: string; organization_id: string };
}

/** "#212, Bardhi/Hoxha" */
export function entryLabel(e: Pick<EntryRead, 'race_number' | 'crew'>): string {
  const names = bySeat(e.crew).map((c) => c.user_id?.last_name ?? '').filter(Boolean);
  return `#${e.race_number ?? '(no number)'}${names.length ? `, ${crewLabel(names)}` : ''}`;
}

export async function loadEventContext(caller: As, eventId: string, editing: string | null = null): Promise<EventContext> {
  const event = await caller.items('events').readOne(eventId, { fields: ['id', 'name', 'discipline', 'starts_at', 'organization_id'] });
  const classes = await caller.items('classes').readByQuery({
    filter: { event_id: { _eq: eventId } }, fields: ['id', 'code', 'name', 'eligibility', 'race_number_from', 'race_number_to'], sort: ['sort_order', 'code'], limit: -1,
  });
  const entries = (await caller.items('entries').readByQuery({
    filter: { event_id: { _eq: eventId } }, fields: ['id', 'race_number', 'status', 'crew.role', 'crew.user_id.last_name', 'devices.device_id.imei'], limit: -1,
  })) as unknown as EntryRead[];
  const numbersTaken = new Map<number, string>();
  const trackersTaken = new Map<string, string>();
  for (const e of entries) {
    if (e.id === editing) continue;
    const label = entryLabel(e);
    if (e.race_number != null) numbersTaken.set(e.race_number, label);
    for (const d of e.devices ?? []) if (d.device_id?.imei) trackersTaken.set(d.device_id.imei, label);
  }
  return {
    event: {
      id: String(event.id), name: String(event.name), organization_id: String(event.organization_id),
      discipline: event.discipline as Discipline, starts_at: new Date(String(event.starts_at)).toISOString().slice(0, 10),
    },
    classes: classes as unknown as ClassInfo[],
    numbersTaken,
    trackersTaken,
  };
}
