// The device list of one stage: the API's review queue (cheap: the detectors fill it in the
// background, so the first load never waits for them) joined with the crews' names from entries.
// While the queue says `computing` it is asked again after the wait it names.
import { readItems } from '@directus/sdk';
import { onBeforeUnmount, ref, shallowRef, type Ref } from 'vue';
import { crewWords, type CrewMember, type DeviceRow } from '../../../../domain/gps-review/device-list';
import { errorWords, ourEndpoint, useRaceControlSdk } from '../../../sdk';
import type { QueueDeviceAnswer, StageQueueAnswer } from './gps-api-types';
import { ownTrackerRows } from './own-trackers';

interface EntryCrew {
  id: string;
  crew: CrewMember[];
}

function refused(e: unknown): boolean {
  const err = e as { response?: { status?: number }; errors?: { extensions?: { code?: string } }[] };
  return err?.response?.status === 403 || err?.errors?.[0]?.extensions?.code === 'FORBIDDEN';
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
    last_fix: d.last_fix?.ts ?? null,
  };
}

/** Staff read the stage's queue; a participant (no queue for them) reads their own trackers. */
export function useStageQueue(stageId: Ref<string | undefined>, ownWindow?: () => { from: string; to: string } | null) {
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
      // Only a refusal (403) means "not staff": a missing route or a failure must not fan out.
      const window = ownWindow?.();
      if (window && refused(e) && (await ownTrackers(window))) return;
      error.value = `The devices of this stage could not be read: ${errorWords(e)}`;
    } finally {
      loading.value = false;
    }
  }

  async function ownTrackers(window: { from: string; to: string }): Promise<boolean> {
    try {
      rows.value = await ownTrackerRows(sdk, window);
      state.value = 'ready';
      return rows.value.length > 0;
    } catch {
      return false;
    }
  }

  onBeforeUnmount(() => {
    alive = false;
    if (timer) clearTimeout(timer);
  });

  return { rows, state, loading, error, load };
}
