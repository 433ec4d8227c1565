// What the review map does with the track: draws it once per style, then follows the review by
// feature state only (flags, selection, cursor) and moves to the current suspect. Picking is the
// browser's own kdbush index: click the nearest point, drag a box or a lasso with those tools.
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { ref, shallowRef, watch, type Ref } from 'vue';
import { boundsOfPoints, flagChanges, trackLines, trackPoints } from '../../../../domain/gps-review/map-features';
import { modeOf, type SelectionMode } from '../../../../domain/gps-review/selection';
import { buildPointIndex, type LngLat, type PointIndex } from '../../../../domain/gps-review/spatial-index';
import type { ReviewTrack } from '../../../../domain/gps-review/track';
import type { TrackPart } from '../../../../domain/gps-review/entry-track';
import type { Course } from '../../../../domain/course/model';
import { courseFeatures } from '../../../map/course-features';
import { addCourseLayers, setCourseData } from '../../../map/course-layers';
import type { RaceMapHandle } from '../../../map';
import { addReviewLayers, SOURCES } from './review-layers';

export type MapTool = 'pick' | 'box' | 'lasso';

/** What the review map needs of the toolkit's handle (so tests can hand it a fake). */
export type ReviewMapHandle = Pick<RaceMapHandle, 'map' | 'colours' | 'onStyle' | 'fitTo'>;

export interface ReviewMapState {
  track: Ref<ReviewTrack | null>;
  /** The trackers laid end to end in `track` (one for a single device); set before the track. */
  parts: Ref<TrackPart[]>;
  version: Ref<number>;
  selection: Ref<Uint32Array>;
  cursor: Ref<number | null>;
  focus: Ref<[number, number] | null>;
  course: Ref<Course>;
  tool: Ref<MapTool>;
  onPick(picked: Uint32Array, mode: SelectionMode): void;
  onHover(index: number | null): void;
}

const CLICK_PX = 8;
/** A suspect of one point still shows its surroundings (about 300 m either way). */
const MIN_SPAN_DEG = 0.003;

export function useReviewMap(state: ReviewMapState) {
  const tool = state.tool;
  const index = shallowRef<PointIndex | null>(null);
  /** True once a frame with the whole track has settled (tests and screenshots wait for it). */
  const drawn = ref(false);
  /** True once the line and the marked points have (every point follows). */
  const firstDrawn = ref(false);
  let handle: ReviewMapHandle | null = null;
  let shownFlags = new Uint8Array(0);
  let shownSelection: Uint32Array = new Uint32Array(0);
  let shownCursor: number | null = null;
  let drawing: LngLat[] | null = null;

  const pointsSource = () => handle?.map.getSource(SOURCES.points) as { setData?: (d: unknown) => void } | undefined;
  const setState = (id: number, s: Record<string, unknown>) => handle?.map.setFeatureState({ source: SOURCES.points, id }, s);

  function showFlags() {
    const t = state.track.value;
    if (t) for (const [i, f] of flagChanges(t, shownFlags)) setState(i, { f });
  }

  /** Both selections are sorted: one walk finds what left and what came. */
  function showSelection(next: Uint32Array) {
    const prev = shownSelection;
    let a = 0;
    let b = 0;
    while (a < prev.length || b < next.length) {
      if (b >= next.length || (a < prev.length && prev[a]! < next[b]!)) setState(prev[a++]!, { sel: false });
      else if (a >= prev.length || next[b]! < prev[a]!) setState(next[b++]!, { sel: true });
      else { a++; b++; }
    }
    shownSelection = next;
  }

  function showCursor(i: number | null) {
    if (shownCursor !== null) setState(shownCursor, { cur: false });
    if (i !== null) setState(i, { cur: true });
    shownCursor = i;
  }

  function draw(map: MapLibreMap) {
    const t = state.track.value;
    if (!t) return;
    // The course first, so the track is drawn over it.
    addCourseLayers(map, handle!.colours);
    setCourseData(map, courseFeatures(state.course.value));
    fill(map, t);
    // The points were just built from the flags as they are now; a new style (basemap switch) has
    // no feature states, so selection and cursor are told again.
    shownFlags = t.flagged.slice();
    const selection = shownSelection;
    shownSelection = new Uint32Array(0);
    showSelection(selection);
    const cursor = shownCursor;
    shownCursor = null;
    showCursor(cursor);
  }

  /**
   * The track's sources: line and marked points first (what the marshal reads at the stage's zoom),
   * every point once that is on screen: a 30k-point day shows in well under a second, not two.
   */
  function fill(map: MapLibreMap, t: ReviewTrack) {
    const line = trackLines(t, state.parts.value);
    const marked = trackPoints(t, state.parts.value, true);
    const points = pointsSource();
    if (points?.setData) {
      points.setData(marked);
      (map.getSource(SOURCES.line) as { setData?: (d: unknown) => void } | undefined)?.setData?.(line);
    } else addReviewLayers(map, { line, points: marked });
    drawn.value = false;
    firstDrawn.value = false;
    map.once('idle', () => {
      if (state.track.value !== t) return;
      firstDrawn.value = true;
      pointsSource()?.setData?.(trackPoints(t, state.parts.value));
      map.once('idle', () => { if (state.track.value === t) drawn.value = true; });
    });
  }

  function lngLat(e: MapMouseEvent): LngLat {
    return [e.lngLat.lng, e.lngLat.lat];
  }

  function setDraw(ring: LngLat[] | null) {
    const source = handle?.map.getSource(SOURCES.draw) as { setData?: (d: unknown) => void } | undefined;
    const closed = ring && ring.length > 1 ? [...ring, ring[0]!] : [];
    source?.setData?.({ type: 'FeatureCollection', features: closed.length > 3 ? [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [closed] } }] : [] });
  }

  function boxRing(a: LngLat, b: LngLat): LngLat[] {
    return [a, [b[0], a[1]], b, [a[0], b[1]]];
  }

  function listen(map: MapLibreMap) {
    map.on('click', (e) => {
      if (tool.value !== 'pick' || !index.value) return;
      const i = index.value.nearest(lngLat(e), CLICK_PX, map.getZoom());
      const mode = modeOf(e.originalEvent ?? {});
      state.onPick(i === null ? new Uint32Array(0) : Uint32Array.of(i), i === null && mode !== 'replace' ? 'add' : mode);
    });
    map.on('mousemove', (e) => {
      if (drawing) {
        drawing = tool.value === 'box' ? [drawing[0]!, lngLat(e)] : [...drawing, lngLat(e)];
        setDraw(tool.value === 'box' ? boxRing(drawing[0]!, drawing[1]!) : drawing);
        return;
      }
      if (tool.value === 'pick' && index.value) state.onHover(index.value.nearest(lngLat(e), CLICK_PX, map.getZoom()));
    });
    map.on('mousedown', (e) => {
      if (tool.value === 'pick') return;
      e.preventDefault();
      drawing = [lngLat(e)];
    });
    map.on('mouseup', (e) => {
      if (!drawing || !index.value) return;
      const ring = drawing;
      drawing = null;
      setDraw(null);
      const picked = tool.value === 'box' ? index.value.box(ring[0]!, ring[ring.length - 1]!) : index.value.lasso(ring);
      state.onPick(picked, modeOf(e.originalEvent ?? {}));
    });
  }

  function attach(h: ReviewMapHandle) {
    handle = h;
    listen(h.map);
    h.onStyle(draw);
    showFocus(state.focus.value);
  }

  watch(state.track, (t) => {
    index.value = t ? buildPointIndex(t) : null;
    shownSelection = new Uint32Array(0);
    shownCursor = null;
    if (handle && t) {
      if (pointsSource()?.setData) {
        // Another device: its points reuse the ids (indices) of the last one, so its states go.
        handle.map.removeFeatureState({ source: SOURCES.points });
        fill(handle.map, t);
        shownFlags = t.flagged.slice();
      } else draw(handle.map);
    }
  }, { immediate: true });
  watch(state.version, showFlags);
  watch(state.selection, showSelection);
  watch(state.cursor, showCursor);
  watch(state.course, (c) => { if (handle) setCourseData(handle.map, courseFeatures(c)); });
  // A focus set before the map was ready (a review opened at a time, `?at=`) is shown on attach.
  function showFocus(f: [number, number] | null) {
    const t = state.track.value;
    const b = f && t ? boundsOfPoints(t, f[0], f[1]) : null;
    if (!b || !handle) return;
    const [w, s, e, n] = b;
    const padX = Math.max(0, (MIN_SPAN_DEG - (e - w)) / 2);
    const padY = Math.max(0, (MIN_SPAN_DEG - (n - s)) / 2);
    handle.fitTo([w - padX, s - padY, e + padX, n + padY], { padding: 60, animate: false });
  }
  watch(state.focus, showFocus);
  watch(tool, (t) => {
    if (!handle) return;
    if (t === 'pick') handle.map.dragPan?.enable?.();
    else handle.map.dragPan?.disable?.();
  });

  return { index, drawn, firstDrawn, attach };
}
