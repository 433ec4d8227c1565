// "Speed zone from the route": the first click on a route marks the DZ, the second (on the same
// route) the FZ; the corridor between them, of the width and speed limit in the panel, is drawn as
// a draft until Create makes it one undoable change of the working copy (Save writes it like any
// other new zone). A third click starts over with a new DZ. The geometry is domain/course/stretch-zone.ts.
import type { FeatureCollection, Position } from 'geojson';
import { computed, ref, type Ref, type ShallowRef } from 'vue';
import { keyOf, type WorkingCopy } from '../../../../domain/course/edit/working-copy';
import type { CourseSegment, CourseSpeedZone } from '../../../../domain/course/model';
import { DEFAULT_HALF_WIDTH_METERS, DEFAULT_ZONE_SPEED_KMH, PICK_REACH_METERS, type RouteMark } from '../../../../domain/course/stretch-zone';
import type { MapLibrary } from '../../../map/library';
import type { Refusal } from './use-course-editing';

export interface StretchDraft { segment: CourseSegment; dz: RouteMark; fz: RouteMark | null }

export function useStretchZone(opts: {
  copy: ShallowRef<WorkingCopy | null>; lib: ShallowRef<MapLibrary | null>; selectedKey: Ref<string | null>;
  refusal: Ref<Refusal | null>; changed: () => void;
}) {
  const draft = ref<StretchDraft | null>(null);
  const halfWidthMeters = ref(DEFAULT_HALF_WIDTH_METERS);
  const speedKmh = ref(DEFAULT_ZONE_SPEED_KMH);

  /** The route nearest the click and the place on it, or null when every route is out of reach. */
  function nearest(at: Position, only?: CourseSegment): { segment: CourseSegment; mark: RouteMark } | null {
    const lib = opts.lib.value!;
    let best: { segment: CourseSegment; mark: RouteMark } | null = null;
    for (const s of only ? [only] : opts.copy.value!.course().segments) {
      if (!s.route || s.route.coordinates.length < 2) continue;
      const mark = lib.course.markOnRoute(s.route, at);
      if (!best || mark.offMeters < best.mark.offMeters) best = { segment: s, mark };
    }
    return best && best.mark.offMeters <= PICK_REACH_METERS ? best : null;
  }

  function pick(at: Position) {
    const d = draft.value;
    const second = d && !d.fz;
    const hit = nearest(at, second ? d.segment : undefined);
    if (!hit) {
      opts.refusal.value = { message: second ? `Click the FZ on the route of ${d.segment.name ?? 'the segment'} (within ${PICK_REACH_METERS} m of it)` : `Click on a route (within ${PICK_REACH_METERS} m of it) to mark the DZ` };
      return;
    }
    opts.refusal.value = null;
    draft.value = second ? { ...d, fz: hit.mark } : { segment: hit.segment, dz: hit.mark, fz: null };
  }

  /** The corridor as it would be made now, or why it cannot be. */
  const cut = computed(() => {
    const d = draft.value;
    if (!d?.fz || !opts.lib.value) return null;
    try {
      return { zone: opts.lib.value.course.stretchZone(d.segment.route!, d.dz.km, d.fz.km, halfWidthMeters.value), error: null };
    } catch (e) {
      return { zone: null, error: (e as Error).message };
    }
  });

  /** DZ, FZ and the corridor for the map's draft layer. */
  const draftFeatures = computed<FeatureCollection | null>(() => {
    const d = draft.value;
    if (!d) return null;
    const mark = (m: RouteMark, label: string) => ({ type: 'Feature' as const, properties: { label }, geometry: { type: 'Point' as const, coordinates: m.at } });
    const features = [mark(d.dz, 'DZ'), ...(d.fz ? [mark(d.fz, 'FZ')] : [])];
    const area = cut.value?.zone?.area;
    return { type: 'FeatureCollection', features: [...(area ? [{ type: 'Feature' as const, properties: {}, geometry: area }] : []), ...features] };
  });

  function create(): boolean {
    const z = cut.value?.zone;
    const d = draft.value;
    const c = opts.copy.value;
    if (!z || !d || !c) return false;
    const id = c.newId();
    const zone: CourseSpeedZone = {
      id, segment_id: d.segment.id, name: `DZ–FZ km ${z.fromKm.toFixed(2)}–${z.toKm.toFixed(2)}`, area: z.area, speed_limit_kmh: speedKmh.value,
    };
    c.apply('speed zone from the route', [{ key: keyOf('speed_limit_zones', id), after: zone }]);
    opts.selectedKey.value = keyOf('speed_limit_zones', id);
    draft.value = null;
    opts.changed();
    return true;
  }

  function cancel() {
    draft.value = null;
  }

  return { draft, halfWidthMeters, speedKmh, cut, draftFeatures, pick, create, cancel };
}
