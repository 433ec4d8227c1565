// The review map's own sources and layers (MapLibre style spec), drawn over the toolkit's course
// layers: the track line, then the points. Point colour comes from the point's state as the
// track arrived (`s`, `k`) overridden by feature state: `f` flagged since, `sel` selected, `cur` the
// point under the cursor. So every highlight is a feature-state change, never a new setData.
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { KIND_COLOURS, STATE_COLOURS, TRACKER_COLOURS } from '../components/review-colours';

export const SOURCES = { line: 'gr-track-line', points: 'gr-points', draw: 'gr-draw' } as const;
export const POINTS_LAYER = 'gr-points';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const flaggedNow = ['coalesce', ['feature-state', 'f'], ['case', ['==', ['get', 's'], 2], 1, 0]];
const kindColour = ['match', ['get', 'k'], ...KIND_COLOURS.flatMap((c, i) => [i, c]), STATE_COLOURS.suspect];
/** `tr`: the tracker's place among the entry's (0 for a single tracker, whose colour is `good`). */
const trackerColour = ['match', ['coalesce', ['get', 'tr'], 0], ...TRACKER_COLOURS.slice(1).flatMap((c, i) => [i + 1, c]), TRACKER_COLOURS[0]!];

export interface ReviewSources {
  /** One line per tracker (map-features' trackLines). */
  line: FeatureCollection | GeoJSON.Feature;
  points: FeatureCollection;
}

export function addReviewLayers(map: MapLibreMap, data: ReviewSources): void {
  const add = (id: string, d: unknown) => {
    if (map.getSource(id)) return;
    // Tiles cut at z12 at most (about 1 m a unit) and overzoomed beyond: stepping from suspect to
    // suspect then reuses tiles instead of cutting new ones at every zoom.
    map.addSource(id, { type: 'geojson', data: d as never, maxzoom: 12, ...(id === SOURCES.points ? { buffer: 0, tolerance: 0 } : {}) });
  };
  add(SOURCES.line, data.line);
  add(SOURCES.points, data.points);
  add(SOURCES.draw, EMPTY);
  const layer = (spec: Record<string, unknown>) => { if (!map.getLayer(String(spec.id))) map.addLayer(spec as never); };
  layer({ id: 'gr-track-line', type: 'line', source: SOURCES.line, paint: { 'line-color': trackerColour, 'line-width': 1.5, 'line-opacity': 0.7 } });
  layer({
    id: POINTS_LAYER, type: 'circle', source: SOURCES.points,
    paint: {
      // Zoom must be the outermost expression; each stop then sizes by state. Good points have no
      // size at z10 and below (the line shows them): software rendering pays for every circle's
      // pixels, and a highlight at the stage's zoom then draws in about 75 ms instead of 95.
      'circle-radius': ['interpolate', ['linear'], ['zoom'],
        10, ['case', ['boolean', ['feature-state', 'cur'], false], 7, ['boolean', ['feature-state', 'sel'], false], 4, ['>', ['get', 'k'], -1], 3, 0],
        16, ['case', ['boolean', ['feature-state', 'cur'], false], 10, ['boolean', ['feature-state', 'sel'], false], 7, ['>', ['get', 'k'], -1], 6, 4]],
      'circle-color': ['case', ['boolean', ['feature-state', 'sel'], false], STATE_COLOURS.selected, ['==', flaggedNow, 1], STATE_COLOURS.flagged,
        ['>', ['get', 'k'], -1], kindColour, trackerColour],
      'circle-stroke-width': ['case', ['boolean', ['feature-state', 'cur'], false], 2, 0],
      'circle-stroke-color': '#ffffff',
    },
  });
  layer({ id: 'gr-draw-fill', type: 'fill', source: SOURCES.draw, paint: { 'fill-color': STATE_COLOURS.selected, 'fill-opacity': 0.1 } });
  layer({ id: 'gr-draw-line', type: 'line', source: SOURCES.draw, paint: { 'line-color': STATE_COLOURS.selected, 'line-width': 2, 'line-dasharray': [3, 2] } });
}
