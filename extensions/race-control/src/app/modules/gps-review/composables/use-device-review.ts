// A review's data: one tracker's day (`imei`) or an entry's trackers side by side (`entryId`), with
// their suspects placed on the track, the speed zones of the stage and the entry's facts. What the
// marshal looks at and selects is use-review-state's, the same for both.
import { readItems } from '@directus/sdk';
import { computed, ref, shallowRef, type Ref } from 'vue';
import { settingsFor } from '../../../../domain/gps/settings';
import type { CrewMember } from '../../../../domain/gps-review/device-list';
import { combineTracks, partTrack } from '../../../../domain/gps-review/entry-track';
import { zoneLimits, type SpeedZone } from '../../../../domain/gps-review/speed-limits';
import { placeSuspects } from '../../../../domain/gps-review/suspects';
import type { ReviewTrack } from '../../../../domain/gps-review/track';
import { runsFromTrack } from '../../../../domain/gps-review/track-runs';
import { errorWords, ourEndpoint, useRaceControlSdk } from '../../../sdk';
import type { SuspectAnswer } from './gps-api-types';
import { requestTracks, type LoadedTrack } from './track-request';
import { useReviewState, type Placed } from './use-review-state';
import { REVIEW_STAGE_FIELDS, stageDay, type ReviewStage } from './use-review-stages';

export type { Placed } from './use-review-state';

export interface EntryFacts {
  race_number: number | null;
  class_id: { code: string } | null;
  vehicle_id: { kind: string | null } | null;
  crew: CrewMember[];
}

const NO_IMPACT: SuspectAnswer['impact'] = { score: 0, waypoints: [], speed_zones: [], penalties: [] };

/** Suspects of one tracker (its part of the whole track), keyed apart from another tracker's. */
function placeOn(track: ReviewTrack, offset: number, imei: string, found: SuspectAnswer[] | null): Placed[] {
  const list = found ?? runsFromTrack(track).map((r) => ({ ...r, reason: r.reason as SuspectAnswer['reason'], device_id: imei, impact: NO_IMPACT }));
  return placeSuspects(track, list).map((s) => ({ ...s, key: `${imei}:${s.key}`, first: s.first + offset, last: s.last + offset }));
}

export function useDeviceReview(stageId: Ref<string | undefined>, imei: Ref<string | undefined>, entryId?: Ref<string | undefined>) {
  const sdk = useRaceControlSdk();
  const state = useReviewState();
  const { suspects } = state;
  const stage = ref<ReviewStage | null>(null);
  /** The tracker reviewed (the first, primary, of an entry's). */
  const device = ref<LoadedTrack['device'] | null>(null);
  const zones = shallowRef<SpeedZone[]>([]);
  const limits = shallowRef<Float32Array>(new Float32Array(0));
  const loading = ref(false);
  const error = ref<string | null>(null);
  let shown = '';

  const entry = ref<EntryFacts | null>(null);
  /** The ceiling the spike detector compares with: the spikes' evidence, else the vehicle kind's. */
  const classMax = computed(() => {
    const m = suspects.value.map((s) => Number(s.evidence?.max_kmh)).filter((n) => Number.isFinite(n) && n > 0);
    if (m.length) return Math.max(...m);
    return entry.value?.vehicle_id?.kind ? settingsFor(entry.value.vehicle_id.kind).maxKmh : null;
  });

  async function load() {
    const sid = stageId.value;
    const [entryOfView, imeiOfView] = [entryId?.value, imei.value];
    const who: { entry_id: string } | { device_id: string } | null = entryOfView ? { entry_id: entryOfView } : imeiOfView ? { device_id: imeiOfView } : null;
    if (!sid || !who) return;
    loading.value = true;
    error.value = null;
    // Another tracker or entry: nothing of the last one stays on screen while this one loads.
    const wanted = JSON.stringify(who);
    if (shown !== wanted) state.forget();
    shown = wanted;
    const suspectsOf = (id: string) => sdk.request(ourEndpoint<SuspectAnswer[]>('/gps/suspects', { params: { device_id: id, stage_id: sid } })).catch(() => null);
    // One tracker's suspects are asked beside the track; an entry's once the track names them.
    const early = 'device_id' in who ? suspectsOf(who.device_id) : null;
    try {
      const [stages, zoneRows] = await Promise.all([
        sdk.request(readItems('stages', { filter: { id: { _eq: sid } }, fields: REVIEW_STAGE_FIELDS as never, limit: 1 })),
        sdk.request(readItems('speed_limit_zones', { filter: { segment_id: { stage_id: { _eq: sid } } }, fields: ['name', 'speed_limit_kmh', 'area'] as never, limit: -1 })),
      ]);
      stage.value = (stages as unknown as ReviewStage[])[0] ?? null;
      const day = stageDay(stage.value?.starts_at ?? null);
      if (!day) throw new Error('This stage has no first start, so it has no day to review.');
      const loaded = (await requestTracks(sdk, who, day)).filter((l) => 'entry_id' in who || l.device.device_id === who.device_id);
      if (!loaded.length) throw new Error('entry_id' in who ? 'This entry\'s trackers sent nothing on the stage\'s day.' : 'This tracker sent nothing on the stage\'s day.');
      // Evidence and impact come from the suspects endpoint; without it the track's own reason
      // bits still give the runs (a refusal shows through the track request's words).
      const found = await Promise.all(loaded.map((l) => early ?? suspectsOf(l.device.device_id)));
      const foundOf = new Map(loaded.map((l, k) => [l.device.device_id, found[k] ?? null]));
      const whole = combineTracks(loaded.map((l) => ({ track: l.track, purpose: l.device.purpose })));
      const entryOf = loaded[0]!.device.entry_id;
      entry.value = entryOf ? await entryFacts(entryOf) : null;
      device.value = loaded.find((l) => l.device.device_id === whole.parts[0]!.imei)!.device;
      const placed = whole.parts.flatMap((p) => placeOn(partTrack(whole.track, p), p.offset, p.imei, foundOf.get(p.imei) ?? null));
      zones.value = zoneRows as unknown as SpeedZone[];
      limits.value = zoneLimits(whole.track, zones.value);
      state.show({ track: whole.track, parts: whole.parts, suspects: placed.sort((a, b) => a.fromMs - b.fromMs || a.first - b.first) });
    } catch (e) {
      error.value = `The track could not be read: ${errorWords(e)}`;
    } finally {
      loading.value = false;
    }
  }

  async function entryFacts(id: string): Promise<EntryFacts | null> {
    const rows = await sdk.request(readItems('entries', {
      filter: { id: { _eq: id } }, limit: 1,
      fields: ['race_number', 'class_id.code', 'vehicle_id.kind', 'crew.role', 'crew.user_id.first_name', 'crew.user_id.last_name'] as never,
    })).catch(() => []);
    return ((rows as unknown as EntryFacts[])[0]) ?? null;
  }

  return { ...state, stage, device, entry, zones, limits, classMax, loading, error, load };
}
