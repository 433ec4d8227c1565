// The entries of one event as the registrar's list shows them, and what the list does with them:
// search and filter (pure, in domain/registration/entries-list.ts), bulk status change through the
// stock API, CSV, and the withdrawal with a reason through our route.
import { readItems, updateItems } from '@directus/sdk';
import { computed, ref, type Ref } from 'vue';
import { bySeat } from '../../../../domain/registration/crew-roles';
import { countBy, entriesCsv, type EntryRow, matchesSearch } from '../../../../domain/registration/entries-list';
import { errorWords, ourEndpoint, useRaceControlSdk } from '../../../sdk';

interface EntryRead {
  id: string;
  race_number: number | null;
  status: string;
  class_id: { code: string } | null;
  vehicle_id: { make: string; model: string; plate: string | null } | null;
  crew: { role: string; user_id: { first_name: string | null; last_name: string | null } | null }[];
  devices: { device_id: { imei: string } | null }[];
}

const FIELDS = ['id', 'race_number', 'status', 'class_id.code', 'vehicle_id.make', 'vehicle_id.model', 'vehicle_id.plate', 'crew.role', 'crew.user_id.first_name', 'crew.user_id.last_name', 'devices.device_id.imei'];

export function toRow(e: EntryRead): EntryRow {
  const crew = bySeat(e.crew ?? []);
  return {
    id: e.id, race_number: e.race_number, status: e.status, class_code: e.class_id?.code ?? null,
    vehicle: e.vehicle_id ? `${e.vehicle_id.make} ${e.vehicle_id.model}` : null, plate: e.vehicle_id?.plate ?? null,
    crew: crew.map((c) => ({ name: `${c.user_id?.first_name ?? ''} ${c.user_id?.last_name ?? ''}`.trim(), role: c.role })),
    imeis: (e.devices ?? []).map((d) => d.device_id?.imei ?? '').filter(Boolean),
  };
}

export const STATUSES = ['draft', 'registered', 'confirmed', 'started', 'finished', 'retired', 'disqualified', 'withdrawn'];

export function useEntries(eventId: Ref<string>) {
  const sdk = useRaceControlSdk();
  const rows = ref<EntryRow[]>([]);
  const loading = ref(false);
  const loaded = ref(false);
  const error = ref<string | null>(null);
  const search = ref('');
  const classFilter = ref('');
  const statusFilter = ref('');

  const read = async () => (await sdk.request(readItems('entries', {
    filter: { event_id: { _eq: eventId.value } }, fields: FIELDS as never, sort: ['race_number'] as never, limit: -1,
  }))) as unknown as EntryRead[];

  /** One retry after a second: at the desk a list that failed once (a busy server) should not stay empty. */
  async function load(retries = 1) {
    loading.value = true;
    error.value = null;
    try {
      rows.value = (await read()).map(toRow);
      loaded.value = true;
    } catch (e) {
      if (retries > 0) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return load(retries - 1);
      }
      error.value = `The entries could not be read: ${errorWords(e)}`;
    } finally {
      loading.value = false;
    }
  }

  const shown = computed(() => rows.value.filter((r) => (!classFilter.value || r.class_code === classFilter.value)
    && (!statusFilter.value || r.status === statusFilter.value) && matchesSearch(r, search.value)));
  const classCounts = computed(() => [...countBy(rows.value, 'class_code')].sort(([a], [b]) => a.localeCompare(b)));
  const statusCounts = computed(() => [...countBy(rows.value, 'status')].sort(([a], [b]) => STATUSES.indexOf(a) - STATUSES.indexOf(b)));

  async function setStatus(ids: string[], status: string): Promise<boolean> {
    try {
      await sdk.request(updateItems('entries', ids, { status } as never));
      await load();
      return true;
    } catch (e) {
      error.value = `The status could not be changed: ${errorWords(e)}`;
      return false;
    }
  }

  async function withdraw(id: string, reason: string): Promise<boolean> {
    try {
      await sdk.request(ourEndpoint(`/registration/entries/${id}/withdraw`, { method: 'POST', body: { reason } }));
      await load();
      return true;
    } catch (e) {
      error.value = errorWords(e);
      return false;
    }
  }

  function csv(): string {
    return entriesCsv(shown.value);
  }

  function downloadCsv(name: string) {
    const url = URL.createObjectURL(new Blob([csv()], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    URL.revokeObjectURL(url);
  }

  return { rows, shown, loading, loaded, error, search, classFilter, statusFilter, classCounts, statusCounts, load, setStatus, withdraw, csv, downloadCsv };
}

export interface DraftSummary {
  run_id: string;
  entry_id: string | null;
  step: string | null;
  updated_at: string;
  draft: { crew?: { person?: { last_name?: string } }[]; race_number?: number | null };
}

export function useDrafts(eventId: Ref<string>) {
  const sdk = useRaceControlSdk();
  const drafts = ref<DraftSummary[]>([]);
  async function load() {
    try {
      drafts.value = await sdk.request(ourEndpoint<DraftSummary[]>('/registration/drafts', { params: { event_id: eventId.value } }));
    } catch {
      drafts.value = [];
    }
  }
  async function discard(runId: string) {
    await sdk.request(ourEndpoint(`/registration/drafts/${runId}`, { method: 'DELETE' }));
    await load();
  }
  return { drafts, load, discard };
}
