// One device's review: its track, its suspects placed on it, the speed zones of the stage, and what
// the marshal looks at (the current suspect, the cursor point) and has selected. The track's typed
// arrays are not reactive: `version` ticks when flags change, so what depends on them recomputes.
import { readItems } from '@directus/sdk';
import { computed, ref, shallowRef, type Ref } from 'vue';
import { settingsFor } from '../../../../domain/gps/settings';
import type { CrewMember } from '../../../../domain/gps-review/device-list';
import { combine, EMPTY_SELECTION, span, timeRange, type SelectionMode } from '../../../../domain/gps-review/selection';
import { zoneLimits, type SpeedZone } from '../../../../domain/gps-review/speed-limits';
import { isPending, placeSuspects, pointsOfKind, stepSuspect, type PlacedSuspect } from '../../../../domain/gps-review/suspects';
import { lowerBound, type ReviewTrack } from '../../../../domain/gps-review/track';
import { runsFromTrack } from '../../../../domain/gps-review/track-runs';
import { errorWords, ourEndpoint, useRaceControlSdk } from '../../../sdk';
import type { SuspectAnswer } from './gps-api-types';
import { requestTrack, type LoadedTrack } from './track-request';
import { REVIEW_STAGE_FIELDS, stageDay, type ReviewStage } from './use-review-stages';

export type Placed = PlacedSuspect<SuspectAnswer>;

export interface EntryFacts {
  race_number: number | null;
  class_id: { code: string } | null;
  vehicle_id: { kind: string | null } | null;
  crew: CrewMember[];
}

const NO_IMPACT: SuspectAnswer['impact'] = { score: 0, waypoints: [], speed_zones: [], penalties: [] };

export function useDeviceReview(stageId: Ref<string | undefined>, imei: Ref<string | undefined>) {
  const sdk = useRaceControlSdk();
  const stage = ref<ReviewStage | null>(null);
  const device = ref<LoadedTrack['device'] | null>(null);
  const track = shallowRef<ReviewTrack | null>(null);
  const suspects = shallowRef<Placed[]>([]);
  const zones = shallowRef<SpeedZone[]>([]);
  const limits = shallowRef<Float32Array>(new Float32Array(0));
  const version = ref(0);
  const current = ref<number | null>(null);
  const cursor = ref<number | null>(null);
  const selection = shallowRef<Uint32Array>(EMPTY_SELECTION);
  const loading = ref(false);
  const error = ref<string | null>(null);

  const entry = ref<EntryFacts | null>(null);
  /** The ceiling the spike detector compares with: the spikes' evidence, else the vehicle kind's. */
  const classMax = computed(() => {
    const m = suspects.value.map((s) => Number(s.evidence?.max_kmh)).filter((n) => Number.isFinite(n) && n > 0);
    if (m.length) return Math.max(...m);
    return entry.value?.vehicle_id?.kind ? settingsFor(entry.value.vehicle_id.kind).maxKmh : null;
  });
  const pendingCount = computed(() => {
    void version.value;
    return track.value ? suspects.value.filter((s) => isPending(track.value!, s)).length : 0;
  });

  async function load() {
    const [sid, id] = [stageId.value, imei.value];
    if (!sid || !id) return;
    loading.value = true;
    error.value = null;
    // Another tracker: nothing of the last one stays on screen while this one loads.
    if (track.value && track.value.imei !== id) {
      track.value = null;
      suspects.value = [];
    }
    try {
      const [stages, found, zoneRows] = await Promise.all([
        sdk.request(readItems('stages', { filter: { id: { _eq: sid } }, fields: REVIEW_STAGE_FIELDS as never, limit: 1 })),
        // Evidence and impact come from the suspects endpoint; without it the track's own reason
        // bits still give the runs (a refusal shows through the track request's words).
        sdk.request(ourEndpoint<SuspectAnswer[]>('/gps/suspects', { params: { device_id: id, stage_id: sid } })).catch(() => null),
        sdk.request(readItems('speed_limit_zones', { filter: { segment_id: { stage_id: { _eq: sid } } }, fields: ['name', 'speed_limit_kmh', 'area'] as never, limit: -1 })),
      ]);
      stage.value = (stages as unknown as ReviewStage[])[0] ?? null;
      const day = stageDay(stage.value?.starts_at ?? null);
      if (!day) throw new Error('This stage has no first start, so it has no day to review.');
      const loaded = await requestTrack(sdk, id, day);
      if (!loaded) throw new Error('This tracker sent nothing on the stage\'s day.');
      entry.value = loaded.device.entry_id ? await entryFacts(loaded.device.entry_id) : null;
      track.value = loaded.track;
      device.value = loaded.device;
      suspects.value = placeSuspects(loaded.track, found ?? runsFromTrack(loaded.track).map((r) => ({ ...r, reason: r.reason as SuspectAnswer['reason'], device_id: id, impact: NO_IMPACT })));
      zones.value = zoneRows as unknown as SpeedZone[];
      limits.value = zoneLimits(loaded.track, zones.value);
      current.value = null;
      cursor.value = null;
      selection.value = EMPTY_SELECTION;
      version.value++;
    } catch (e) {
      error.value = `The track could not be read: ${errorWords(e)}`;
    } finally {
      loading.value = false;
    }
  }

  async function entryFacts(entryId: string): Promise<EntryFacts | null> {
    const rows = await sdk.request(readItems('entries', {
      filter: { id: { _eq: entryId } }, limit: 1,
      fields: ['race_number', 'class_id.code', 'vehicle_id.kind', 'crew.role', 'crew.user_id.first_name', 'crew.user_id.last_name'] as never,
    })).catch(() => []);
    return ((rows as unknown as EntryFacts[])[0]) ?? null;
  }

  function focusSuspect(i: number | null) {
    const s = i === null ? null : suspects.value[i];
    if (!s) return;
    current.value = i;
    cursor.value = s.first;
    selection.value = span(s.first, s.last);
  }

  /** Next/previous pending suspect from the current one (or from the cursor); false at the end. */
  function step(direction: 1 | -1): boolean {
    const t = track.value;
    if (!t) return false;
    const next = stepSuspect(suspects.value, current.value, direction, { cursor: cursor.value ?? -1, accept: (s) => isPending(t, s) });
    if (next === null) return false;
    focusSuspect(next);
    return true;
  }

  function select(picked: Uint32Array, mode: SelectionMode = 'replace') {
    selection.value = combine(selection.value, picked, mode);
    current.value = null;
    if (selection.value.length) cursor.value = selection.value[0]!;
  }

  function selectTime(from: number, to: number, mode: SelectionMode = 'replace') {
    if (track.value) select(timeRange(track.value, from, to), mode);
  }

  function selectAllOfKind(kind?: string) {
    const k = kind ?? (current.value !== null ? suspects.value[current.value]?.reason : undefined);
    if (!k) return;
    select(pointsOfKind(suspects.value, k));
  }

  /** The point nearest a time (`?at=` from the whole-stage map) becomes current: its suspect if it
   * is in one, else the point alone. Returns its index (null without a track or a time). */
  function showTime(ms: number): number | null {
    const t = track.value;
    if (!t || !t.count || !Number.isFinite(ms)) return null;
    const after = Math.min(lowerBound(t.t, ms), t.count - 1);
    const i = after > 0 && ms - t.t[after - 1]! < t.t[after]! - ms ? after - 1 : after;
    const inSuspect = suspects.value.findIndex((s) => s.first <= i && i <= s.last);
    if (inSuspect >= 0) focusSuspect(inSuspect);
    else {
      select(Uint32Array.of(i));
      cursor.value = i;
    }
    return i;
  }

  function clear() {
    selection.value = EMPTY_SELECTION;
    current.value = null;
  }

  return {
    stage, device, entry, track, suspects, zones, limits, classMax, version, current, cursor, selection, loading, error, pendingCount,
    load, step, focusSuspect, showTime, select, selectTime, selectAllOfKind, clear,
  };
}
