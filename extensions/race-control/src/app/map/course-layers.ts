// The course's layers on a MapLibre map, in the theme's colours. Selection and hover are feature
// state, never setData (which would re-upload the whole source). Call `addCourseLayers` inside
// `handle.onStyle(...)`, then `setCourseData` whenever the course changes.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CourseFeatureSet } from './course-features';
import type { MapColours } from './theme';

export const COURSE_SOURCES = ['course-geofences', 'course-zones', 'course-radii', 'course-routes', 'course-waypoints', 'course-problems'] as const;
/** Layers a click selects from, top first. */
export const CLICKABLE_LAYERS = ['course-waypoints', 'course-routes', 'course-zones-fill', 'course-geofences-fill'];

const selected = (on: unknown, off: unknown) => ['case', ['boolean', ['feature-state', 'selected'], false], on, off];

export function geofenceColour(c: MapColours): unknown {
  return ['match', ['get', 'kind'], 'forbidden', c.danger, ['start', 'finish'], c.success, ['bivouac', 'refuel', 'parc-ferme', 'neutralization'], c.foregroundSubdued, c.primary];
}

export function waypointColour(c: MapColours): unknown {
  return ['match', ['get', 'kind'], ['DSS', 'ASS'], c.success, 'WPS', c.danger, ['WPM', 'WPE'], c.warning, c.primary];
}

export function addCourseLayers(map: MapLibreMap, c: MapColours): void {
  const empty = { type: 'FeatureCollection', features: [] };
  for (const id of COURSE_SOURCES) if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: empty as never });
  const layers: Record<string, unknown>[] = [
    { id: 'course-geofences-fill', type: 'fill', source: 'course-geofences', paint: { 'fill-color': geofenceColour(c), 'fill-opacity': selected(0.4, c.fillOpacity) } },
    { id: 'course-geofences-line', type: 'line', source: 'course-geofences', paint: { 'line-color': geofenceColour(c), 'line-width': selected(3, 1.5) } },
    { id: 'course-zones-fill', type: 'fill', source: 'course-zones', paint: { 'fill-color': c.warning, 'fill-opacity': selected(0.5, 0.28) } },
    { id: 'course-zones-line', type: 'line', source: 'course-zones', paint: { 'line-color': c.warning, 'line-width': selected(3, 1) } },
    { id: 'course-radii-line', type: 'line', source: 'course-radii', paint: {
      'line-color': c.foreground, 'line-opacity': selected(0.9, 0.45), 'line-width': selected(2, 1),
      'line-dasharray': ['case', ['==', ['get', 'radius'], 'open'], ['literal', [2, 2]], ['literal', [1, 0]]],
    } },
    { id: 'course-routes-casing', type: 'line', source: 'course-routes', layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': c.background, 'line-width': selected(8, 5) } },
    { id: 'course-routes', type: 'line', source: 'course-routes', layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: {
      'line-color': selected(c.warning, ['match', ['get', 'type'], 'special-stage', c.primary, c.foregroundSubdued]),
      'line-width': selected(5, 3),
    } },
    { id: 'course-waypoints', type: 'circle', source: 'course-waypoints', paint: {
      'circle-color': waypointColour(c), 'circle-radius': selected(8, 5), 'circle-stroke-color': c.background, 'circle-stroke-width': 2,
    } },
    { id: 'course-problems', type: 'circle', source: 'course-problems', paint: {
      'circle-color': 'rgba(0,0,0,0)', 'circle-radius': 11, 'circle-stroke-width': 3,
      'circle-stroke-color': ['match', ['get', 'severity'], 'error', c.danger, c.warning],
    } },
  ];
  for (const layer of layers) if (!map.getLayer(String(layer.id))) map.addLayer(layer as never);
}

export function setCourseData(map: MapLibreMap, set: CourseFeatureSet): void {
  const data: Record<(typeof COURSE_SOURCES)[number], unknown> = {
    'course-geofences': set.geofences, 'course-zones': set.zones, 'course-radii': set.radii,
    'course-routes': set.routes, 'course-waypoints': set.waypoints, 'course-problems': set.problems,
  };
  for (const id of COURSE_SOURCES) (map.getSource(id) as { setData?(d: unknown): void } | undefined)?.setData?.(data[id]);
}

/** Marks the features of one object selected (and unmarks the previous ones). */
export function setSelection(map: MapLibreMap, set: CourseFeatureSet, previous: string | null, next: string | null): void {
  const sourceOf = (id: number) => {
    for (const [name, fc] of [['course-geofences', set.geofences], ['course-zones', set.zones], ['course-radii', set.radii], ['course-routes', set.routes], ['course-waypoints', set.waypoints]] as const) {
      if (fc.features.some((f) => f.id === id)) return name;
    }
    return null;
  };
  for (const [key, on] of [[previous, false], [next, true]] as const) {
    if (!key) continue;
    for (const id of set.idsOf.get(key) ?? []) {
      const source = sourceOf(id);
      if (source) map.setFeatureState({ source, id }, { selected: on });
    }
  }
}
