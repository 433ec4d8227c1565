// What the marshal looks at in a review and has selected, over one track of one or several trackers
// (parts laid end to end, domain/gps-review/entry-track): the current suspect, the cursor point, the
// selection, and moving between suspects. The track's typed arrays are not reactive: `version`
// ticks when flags change, so what depends on them recomputes.
import { computed, ref, shallowRef } from 'vue';
import { nearestInTime, timeRangeOfParts, type TrackPart } from '../../../../domain/gps-review/entry-track';
import { combine, EMPTY_SELECTION, span, type SelectionMode } from '../../../../domain/gps-review/selection';
import { isPending, pointsOfKind, stepSuspect, type PlacedSuspect } from '../../../../domain/gps-review/suspects';
import type { ReviewTrack } from '../../../../domain/gps-review/track';
import type { SuspectAnswer } from './gps-api-types';

export type Placed = PlacedSuspect<SuspectAnswer>;

export function useReviewState() {
  const track = shallowRef<ReviewTrack | null>(null);
  const parts = shallowRef<TrackPart[]>([]);
  /** Every tracker's suspects placed on `track`, in time order. */
  const suspects = shallowRef<Placed[]>([]);
  const version = ref(0);
  const current = ref<number | null>(null);
  const cursor = ref<number | null>(null);
  const selection = shallowRef<Uint32Array>(EMPTY_SELECTION);

  const pendingCount = computed(() => {
    void version.value;
    return track.value ? suspects.value.filter((s) => isPending(track.value!, s)).length : 0;
  });

  /** A newly read track: parts first (the map reads them when the track changes). */
  function show(next: { track: ReviewTrack; parts: TrackPart[]; suspects: Placed[] }) {
    parts.value = next.parts;
    track.value = next.track;
    suspects.value = next.suspects;
    current.value = null;
    cursor.value = null;
    selection.value = EMPTY_SELECTION;
    version.value++;
  }

  function forget() {
    track.value = null;
    suspects.value = [];
  }

  function focusSuspect(i: number | null) {
    const s = i === null ? null : suspects.value[i];
    if (!s) return;
    current.value = i;
    cursor.value = s.first;
    selection.value = span(s.first, s.last);
  }

  /** Next/previous pending suspect from the current one (or from the cursor's time); false at the end. */
  function step(direction: 1 | -1): boolean {
    const t = track.value;
    if (!t) return false;
    const next = stepSuspect(suspects.value, current.value, direction, { cursorMs: cursor.value === null ? undefined : t.t[cursor.value], accept: (s) => isPending(t, s) });
    if (next === null) return false;
    focusSuspect(next);
    return true;
  }

  function select(picked: Uint32Array, mode: SelectionMode = 'replace') {
    selection.value = combine(selection.value, picked, mode);
    current.value = null;
    if (selection.value.length) cursor.value = selection.value[0]!;
  }

  /** A time range on the chart: every tracker's points in it. */
  function selectTime(from: number, to: number, mode: SelectionMode = 'replace') {
    if (track.value) select(timeRangeOfParts(track.value, parts.value, from, to), mode);
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
    const i = nearestInTime(t, parts.value, ms);
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
    track, parts, suspects, version, current, cursor, selection, pendingCount,
    show, forget, step, focusSuspect, showTime, select, selectTime, selectAllOfKind, clear,
  };
}
