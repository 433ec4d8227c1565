// The whole-stage map's tiles (docs/gps-api.md § Vector tiles): one line per device up to z14, the
// points with their state from z15, coloured like the review map (good / suspect / flagged).
import type { Map as MapLibreMap } from 'maplibre-gl';
import { STATE_COLOURS } from '../components/review-colours';

export const TILE_SOURCE = 'gsm-tiles';
export const TILE_LAYERS = { lines: 'gsm-lines', points: 'gsm-points' } as const;

/** Same origin as the admin app, so its session cookie authorises every tile request. MapLibre
 * fetches tiles in a worker, where a relative URL has no base: the origin is written out. */
export function stageTilesUrl(stageId: string, origin = globalThis.location?.origin ?? ''): string {
  return `${origin}/race-control/gps/stages/${encodeURIComponent(stageId)}/tiles/{z}/{x}/{y}.mvt`;
}

const pointColour = ['case', ['to-boolean', ['get', 'faulty']], STATE_COLOURS.flagged, ['to-boolean', ['get', 'suspect']], STATE_COLOURS.suspect, STATE_COLOURS.good];

export function addStageTileLayers(map: MapLibreMap, stageId: string): void {
  if (!map.getSource(TILE_SOURCE)) map.addSource(TILE_SOURCE, { type: 'vector', tiles: [stageTilesUrl(stageId)], minzoom: 5, maxzoom: 16 });
  const layer = (spec: Record<string, unknown>) => { if (!map.getLayer(String(spec.id))) map.addLayer(spec as never); };
  layer({ id: TILE_LAYERS.lines, type: 'line', source: TILE_SOURCE, 'source-layer': 'tracks', paint: { 'line-color': STATE_COLOURS.good, 'line-width': 1.5, 'line-opacity': 0.6 } });
  layer({
    id: TILE_LAYERS.points, type: 'circle', source: TILE_SOURCE, 'source-layer': 'points',
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 15, ['case', ['to-boolean', ['get', 'suspect']], 4, 3], 18, ['case', ['to-boolean', ['get', 'suspect']], 8, 6]],
      'circle-color': pointColour,
      'circle-stroke-width': 1,
      'circle-stroke-color': '#ffffff',
    },
  });
}

/** The review of a clicked tile feature: a point opens at its time, a line at the device's day. */
export function reviewPathOf(stageId: string, properties: Record<string, unknown> | null | undefined): string | null {
  const device = properties?.device_id;
  if (typeof device !== 'string' || !device) return null;
  const base = `/gps-review/stages/${stageId}/devices/${device}`;
  const ts = properties?.ts;
  return typeof ts === 'string' && ts ? `${base}?at=${encodeURIComponent(ts)}` : base;
}
