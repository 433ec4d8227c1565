// The stage queue's devices grouped by entry, with how old each tracker's last fix is. The queue is
// the one cheap read the review screen uses too (its `last_fix` per device).
import { ref, shallowRef } from 'vue';
import type { QueueDeviceAnswer, StageQueueAnswer } from '../../modules/gps-review/composables/gps-api-types';
import { errorWords, ourEndpoint, useRaceControlSdk } from '../../sdk';

export interface TrackerHealth {
  device_id: string;
  purpose: string | null;
  /** Seconds since the last fix; null when the tracker has no fix in the stage day. */
  age_s: number | null;
  satellites: number | null;
  power_mv: number | null;
  battery_mv: number | null;
  stale: boolean;
}

export interface EntryHealth {
  entry_id: string | null;
  race_number: number | null;
  class_code: string | null;
  trackers: TrackerHealth[];
  stale: number;
}

/** Entries with a stale tracker first, then by race number; a tracker without a fix is stale. */
export function entriesHealth(devices: QueueDeviceAnswer[], now: number, staleMinutes: number): EntryHealth[] {
  const byEntry = new Map<string, EntryHealth>();
  for (const d of devices) {
    const key = d.entry_id ?? `device:${d.device_id}`;
    const entry = byEntry.get(key) ?? { entry_id: d.entry_id, race_number: d.race_number, class_code: d.class_code, trackers: [], stale: 0 };
    const age = d.last_fix ? Math.max(0, Math.round((now - Date.parse(d.last_fix.ts)) / 1000)) : null;
    const stale = age === null || age > staleMinutes * 60;
    entry.trackers.push({ device_id: d.device_id, purpose: d.purpose, age_s: age, satellites: d.last_fix?.satellites ?? null, power_mv: d.last_fix?.power_mv ?? null, battery_mv: d.last_fix?.battery_mv ?? null, stale });
    if (stale) entry.stale++;
    byEntry.set(key, entry);
  }
  return [...byEntry.values()].sort((a, b) => Number(b.stale > 0) - Number(a.stale > 0) || (a.race_number ?? Infinity) - (b.race_number ?? Infinity));
}

/** "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function ageWords(s: number | null): string {
  if (s === null) return 'no fix';
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

export const volts = (mv: number | null): string => (mv === null ? '—' : `${(mv / 1000).toFixed(2)} V`);

export function useTrackerHealth() {
  const sdk = useRaceControlSdk();
  const devices = shallowRef<QueueDeviceAnswer[]>([]);
  const state = ref<'ready' | 'computing' | null>(null);
  const error = ref<string | null>(null);
  // Ages grow between reads: the clock ticks every 30 s.
  const now = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => clearInterval(timer);
  async function load(stageId: string | null | undefined) {
    error.value = null;
    if (!stageId) {
      error.value = 'Choose a stage in the panel\'s options.';
      return;
    }
    try {
      const queue = await sdk.request(ourEndpoint<StageQueueAnswer>(`/gps/stages/${stageId}/queue`));
      devices.value = queue.devices;
      state.value = queue.state;
      now.value = Date.now();
      stop();
      timer = setInterval(() => {
        now.value = Date.now();
      }, 30_000);
    } catch (e) {
      error.value = `The trackers' health could not be read: ${errorWords(e)}`;
    }
  }
  return { devices, state, error, now, load, stop };
}
