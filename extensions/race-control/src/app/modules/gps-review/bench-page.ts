// The browser half of `npm run bench:gps-review` (scripts/bench-gps-review.ts bundles it with
// esbuild into a page on the stack's origin; not part of the extension build): the review's own
// code paths (RCT1 decode, point features, feature-state highlights, kdbush lasso, uPlot follow)
// against the generic path (JSON → GeoJSON → setData), timed in the same page.
import uPlot from 'uplot';
import { decodeTrack } from '../../../domain/gps/track-codec';
import { baseColumns, stateColumns, windowAround } from '../../../domain/gps-review/chart-series';
import { boundsOfPoints, trackLines, trackPoints } from '../../../domain/gps-review/map-features';
import { buildPointIndex, type LngLat } from '../../../domain/gps-review/spatial-index';
import { placeSuspects } from '../../../domain/gps-review/suspects';
import { emptyTrack, reviewTrackOf, type ReviewTrack } from '../../../domain/gps-review/track';
import { runsFromTrack } from '../../../domain/gps-review/track-runs';
import { addReviewLayers, SOURCES } from './composables/review-layers';

import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapLibrary } from '../../map';

type AnyMap = MapLibreMap;
const now = () => performance.now();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const idle = (map: AnyMap) => new Promise<void>((resolve) => map.once('idle', () => resolve()));
/** The next painted frame: what the marshal sees move (tiles still loading draw from their parents). */
const frame = (map: AnyMap) => new Promise<void>((resolve) => {
  map.once('render', () => resolve());
  map.triggerRepaint();
});

async function newMap(lib: MapLibrary, el: HTMLElement, bounds: [number, number, number, number]) {
  const map = new lib.maplibregl.Map({ container: el, style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f0f4f9' } }] }, bounds, fitBoundsOptions: { padding: 20 } });
  await new Promise<void>((r) => map.once('load', () => r()));
  return map;
}

/** A 30k-point day for the lasso and highlight figures: a wavy road of 1 Hz fixes. */
function syntheticTrack(n: number): ReviewTrack {
  const t = emptyTrack('bench', n);
  for (let i = 0; i < n; i++) {
    t.t[i] = 1_780_000_000_000 + i * 1000;
    t.lon[i] = 19.5 + i * 0.00003;
    t.lat[i] = 42 + Math.sin(i / 400) * 0.05;
    t.speed[i] = 60;
  }
  return t;
}

export async function run(o: { base: string; token: string; imei: string; from: string; to: string }) {
  const lib = (await import(/* @vite-ignore */ `${o.base}/race-control/assets/map-chunk.js`)) as MapLibrary;
  const el = document.getElementById('map')!;
  const auth = { headers: { Authorization: `Bearer ${o.token}` } };
  const q = `device_id=${o.imei}&from=${o.from}&to=${o.to}&max_points=200000`;
  const out: Record<string, number> = {};

  // The review's path: RCT1 bytes → typed columns → one points source with index ids. Twice,
  // keeping the second: the first also pays for the map worker's start and the server's caches.
  let map!: AnyMap;
  let t0: number;
  let bytes = new ArrayBuffer(0);
  let track = emptyTrack('', 0);
  for (let round = 0; round < 2; round++) {
    if (round) map.remove();
    map = await newMap(lib, el, [19.4, 41.8, 20.6, 42.4]);
    t0 = now();
    const response = await fetch(`${o.base}/race-control/gps/track?${q}`, auth);
    out.t_headers_ms = now() - t0;
    bytes = await response.arrayBuffer();
    out.t_fetch_ms = now() - t0;
    track = reviewTrackOf(decodeTrack(bytes).devices[0]!);
    out.t_decode_ms = now() - t0;
    // As use-review-map's fill: the line and the marked points, then every point under the same ids.
    addReviewLayers(map as never, { line: trackLines(track), points: trackPoints(track, undefined, true) });
    out.t_added_ms = now() - t0;
    await idle(map);
    out.binary_to_drawn_ms = now() - t0;
    (map.getSource(SOURCES.points) as unknown as { setData(d: unknown): void }).setData(trackPoints(track));
    await idle(map);
    out.binary_to_all_points_ms = now() - t0;
  }
  out.points = track.count;
  out.bytes_rct1 = bytes.byteLength;
  map.remove();
  // The generic path: the same points as JSON, made GeoJSON with their attributes, one setData.
  map = await newMap(lib, el, [19.4, 41.8, 20.6, 42.4]);
  t0 = now();
  const res = await fetch(`${o.base}/race-control/gps/track?${q}&format=json`, auth);
  const text = await res.text();
  const d = (JSON.parse(text) as { data: { devices: Record<string, number[]>[] } }).data.devices[0]!;
  const features = d.ts!.map((ts, i) => ({ type: 'Feature', properties: { ts, speed: d.speed![i], flags: d.flags![i], reasons: d.reasons![i] }, geometry: { type: 'Point', coordinates: [d.lon![i], d.lat![i]] } }));
  map.addSource('plain', { type: 'geojson', data: { type: 'FeatureCollection', features } as never });
  map.addLayer({ id: 'plain', type: 'circle', source: 'plain', paint: { 'circle-radius': 3, 'circle-color': '#3d8bfd' } });
  await idle(map);
  out.bytes_json = text.length;
  out.geojson_to_drawn_ms = now() - t0;
  map.remove();

  // Stepping from suspect to suspect: selection by feature state, the map jumps, the chart follows.
  map = await newMap(lib, el, [19.4, 41.8, 20.6, 42.4]);
  addReviewLayers(map as never, { line: trackLines(track), points: trackPoints(track) });
  await idle(map);
  const chartEl = document.getElementById('chart')!;
  const base = baseColumns(track, new Float32Array(track.count).fill(NaN), 130);
  const plot = new uPlot({ width: 900, height: 180, scales: { x: { time: true } }, series: [{}, {}, {}, {}, {}, {}, {}] },
    [base.x, base.speed, base.zoneLimit, base.classMax, ...Object.values(stateColumns(track, new Uint32Array(0)))] as never, chartEl);
  const suspects = placeSuspects(track, runsFromTrack(track));
  const steps: number[] = [];
  const stepsIdle: number[] = [];
  let previous: number[] = [];
  for (const s of suspects.slice(0, 20)) {
    t0 = now();
    for (const i of previous) map.setFeatureState({ source: SOURCES.points, id: i }, { sel: false });
    previous = [];
    for (let i = s.first; i <= s.last; i++) { map.setFeatureState({ source: SOURCES.points, id: i }, { sel: true }); previous.push(i); }
    const b = boundsOfPoints(track, s.first, s.last)!;
    map.fitBounds([[b[0] - 0.0015, b[1] - 0.0015], [b[2] + 0.0015, b[3] + 0.0015]], { animate: false, padding: 60 });
    const [min, max] = windowAround(track, s.first, s.last);
    plot.setScale('x', { min, max });
    await frame(map);
    steps.push(now() - t0);
    await idle(map);
    stepsIdle.push(now() - t0);
  }
  out.suspects_stepped = steps.length;
  out.step_median_ms = median(steps);
  out.step_worst_ms = Math.max(...steps);
  out.step_idle_median_ms = median(stepsIdle);

  // Highlight of a selection (1% of the points) by feature state, to the next drawn frame.
  const highlights: number[] = [];
  for (let k = 0; k < 5; k++) {
    map.fitBounds([[19.4, 41.8], [20.6, 42.4]], { animate: false });
    await idle(map);
    t0 = now();
    const from = 1000 + k * 1500;
    for (let i = from; i < from + Math.round(track.count / 100); i++) map.setFeatureState({ source: SOURCES.points, id: i }, { sel: k % 2 === 0 });
    await frame(map);
    highlights.push(now() - t0);
    await idle(map);
  }
  out.highlight_1pct_median_ms = median(highlights);
  // The floor under that figure: a frame of the same view with nothing changed.
  const bare: number[] = [];
  for (let k = 0; k < 5; k++) {
    t0 = now();
    await frame(map);
    bare.push(now() - t0);
    await idle(map);
  }
  out.bare_frame_median_ms = median(bare);
  map.remove();
  plot.destroy();

  // Lasso over 30k points: kdbush range, then point in ring.
  const big = syntheticTrack(30_000);
  t0 = now();
  const index = buildPointIndex(big);
  out.index_build_30k_ms = now() - t0;
  const lassos: number[] = [];
  let hits = 0;
  for (let k = 0; k < 50; k++) {
    const cx = 19.5 + (k + 1) * 0.015;
    const ring: LngLat[] = Array.from({ length: 64 }, (_, j) => [cx + 0.2 * Math.cos((j / 64) * 2 * Math.PI), 42 + 0.03 * Math.sin((j / 64) * 2 * Math.PI)]);
    t0 = now();
    hits += index.lasso(ring).length;
    lassos.push(now() - t0);
  }
  out.lasso_30k_median_ms = median(lassos);
  out.lasso_mean_hits = hits / lassos.length;
  return out;
}

(globalThis as { bench?: unknown }).bench = { run };
