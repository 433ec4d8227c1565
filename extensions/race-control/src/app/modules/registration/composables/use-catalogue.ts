// The club's catalogue as the wizard searches it: vehicles (plate, VIN, make/model), trackers,
// people (our route adds the duplicate warning and "another club holds this person"), and earlier
// entries of the club whose crew can be copied.
import { readItems } from '@directus/sdk';
import { ref } from 'vue';
import type { DraftPerson, DraftVehicle, PreviousMember } from '../../../../domain/registration';
import { errorWords, ourEndpoint, useRaceControlSdk } from '../../../sdk';
import { PERSON_FIELDS } from './entry-to-draft';

export interface PeopleAnswer {
  people: (DraftPerson & { id: string })[];
  duplicates: (DraftPerson & { id: string })[];
  held_elsewhere: string | null;
}

export interface PreviousEntry {
  id: string;
  race_number: number | null;
  event_id: { name: string } | null;
  crew: { role: PreviousMember['role']; user_id: PreviousMember['person'] }[];
}

export function useCatalogue() {
  const sdk = useRaceControlSdk();
  const error = ref<string | null>(null);
  const guard = async <T>(what: string, read: () => Promise<T>, empty: T): Promise<T> => {
    try {
      error.value = null;
      return await read();
    } catch (e) {
      error.value = `${what} could not be searched: ${errorWords(e)}`;
      return empty;
    }
  };

  const vehicles = (q: string) => guard('Vehicles', async () => (await sdk.request(readItems('vehicles', {
    search: q, fields: ['id', 'kind', 'make', 'model', 'year', 'cc', 'cylinders', 'drive', 'vin', 'plate'] as never, limit: 10,
  }))) as unknown as (DraftVehicle & { id: string })[], []);

  const devices = (q: string) => guard('Trackers', async () => (await sdk.request(readItems('devices', {
    search: q, fields: ['id', 'imei', 'model'] as never, limit: 10,
  }))) as unknown as { id: string; imei: string; model: string }[], []);

  const people = (params: Record<string, string | undefined>) => guard('People', () => sdk.request(ourEndpoint<PeopleAnswer>('/registration/people', { params })), { people: [], duplicates: [], held_elsewhere: null });

  /** Entries of this and the club's earlier events, by race number or crew name. */
  const previousEntries = (q: string) => guard('Entries', async () => {
    const number = /^\d+$/.test(q.trim()) ? Number(q.trim()) : null;
    const filter = number !== null ? { race_number: { _eq: number } } : { crew: { user_id: { last_name: { _icontains: q.trim() } } } };
    return (await sdk.request(readItems('entries', {
      filter, fields: ['id', 'race_number', 'event_id.name', 'crew.role', ...PERSON_FIELDS.map((f) => `crew.user_id.${f}`)] as never, sort: ['-date_created'] as never, limit: 10,
    }))) as unknown as PreviousEntry[];
  }, []);

  return { error, vehicles, devices, people, previousEntries };
}
