// The device list of one stage: the API's review queue (cheap: the detectors fill it in the
// background, so the first load never waits for them) joined with the crews' names from entries.
// While the queue says `computing` it is asked again after the wait it names.
import { readItems } from '@directus/sdk';
import { onBeforeUnmount, ref, shallowRef, type Ref } from 'vue';
import type { DeviceRow } from '../../../../domain/gps-review/device-list';
import { errorWords, ourEndpoint, useRaceControlSdk } from '../../../sdk';
import type { QueueDeviceAnswer, StageQueueAnswer } from './gps-api-types';

interface EntryCrew {
  id: string;
  crew: { role: string | null; user_id: { first_name: string | null; last_name: string | null } | null }[];
}

const PILOT_FIRST: Record<string, number> = { pilot: 0, rider: 0, runner: 0, hiker: 0, 'co-pilot': 1, navigator: 2, mechanic: 3 };

export function crewWords(crew: EntryCrew['crew'] | undefined): string {
  return [...(crew ?? [])]
    .sort((a, b) => (PILOT_FIRST[a.role ?? ''] ?? 9) - (PILOT_FIRST[b.role ?? ''] ?? 9))
    .map((c) => [c.user_id?.first_name, c.user_id?.last_name].filter(Boolean).join(' '))
    .filter(Boolean)
    .join(' / ');
}

export function deviceRow(d: QueueDeviceAnswer, crew: string): DeviceRow {
  return {
    imei: d.device_id,
    entry_id: d.entry_id ?? '',
    race_number: d.race_number,
    crew,
    class_code: d.class_code,
    purpose: d.purpose,
    suspects: { ...d.by_reason },
    pending: d.open_points,
    flagged: d.faulty_points,
    last_fix: d.last_fix ?? null,
  };
}

export function useStageQueue(stageId: Ref<string | undefined>) {
  const sdk = useRaceControlSdk();
  const rows = shallowRef<DeviceRow[]>([]);
  const state = ref<'ready' | 'computing' | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const crews = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let alive = true;

  async function crewsOf(entryIds: string[]) {
    const missing = [...new Set(entryIds.filter((id) => id && !crews.has(id)))];
    if (missing.length === 0) return;
    const entries = (await sdk.request(readItems('entries', {
      filter: { id: { _in: missing } },
      fields: ['id', 'crew.role', 'crew.user_id.first_name', 'crew.user_id.last_name'] as never,
      limit: -1,
    }))) as unknown as EntryCrew[];
    for (const e of entries) crews.set(e.id, crewWords(e.crew));
  }

  async function load() {
    const id = stageId.value;
    if (timer) clearTimeout(timer);
    if (!id) return;
    loading.value = rows.value.length === 0;
    error.value = null;
    try {
      const queue = await sdk.request(ourEndpoint<StageQueueAnswer>(`/gps/stages/${id}/queue`));
      if (id !== stageId.value || !alive) return;
      await crewsOf(queue.devices.map((d) => d.entry_id ?? ''));
      rows.value = queue.devices.map((d) => deviceRow(d, crews.get(d.entry_id ?? '') ?? ''));
      state.value = queue.state;
      if (queue.state === 'computing') timer = setTimeout(load, Math.max(1000, queue.retry_after_ms));
    } catch (e) {
      error.value = `The devices of this stage could not be read: ${errorWords(e)}`;
    } finally {
      loading.value = false;
    }
  }

  onBeforeUnmount(() => {
    alive = false;
    if (timer) clearTimeout(timer);
  });

  return { rows, state, loading, error, load };
}
