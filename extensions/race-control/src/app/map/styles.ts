// Map styles: each basemap of the project settings (`settings.basemaps`, the list Directus's own map
// interface uses) and the built-in offline style. Race control often runs from a bivouac with poor
// internet, and the tests have none, so the offline style needs nothing remote: no tiles, no
// glyphs (labels are HTML, see cursor coordinates), no sprite.
import type { MapColours } from './theme';

/** One entry of `directus_settings.basemaps`. */
export interface Basemap {
  name: string;
  type: 'raster' | 'tile' | 'style';
  url: string;
  tileSize?: number | null;
  attribution?: string | null;
}

// Loose so this file needs no MapLibre types (they would pull the library into the app bundle's type graph only, but keep it plain).
export interface StyleSpec {
  version: 8;
  name?: string;
  sources: Record<string, unknown>;
  layers: Record<string, unknown>[];
  glyphs?: string;
}

export const OFFLINE_NAME = 'Offline (no tiles)';

/** `{a-c}` in a tile URL stands for several hosts, as in Directus's map interface. */
export function expandTileUrl(url: string): string[] {
  const match = /\{([a-z])-([a-z])\}/.exec(url);
  if (!match) return [url];
  const [from, to] = [match[1]!.charCodeAt(0), match[2]!.charCodeAt(0)];
  const urls: string[] = [];
  for (let c = from; c <= to; c++) urls.push(url.replace(match[0], String.fromCharCode(c)));
  return urls;
}

/** A graticule every `stepDegrees`, so an empty offline map still shows scale and direction. */
export function graticule(stepDegrees = 1): GeoJSON.FeatureCollection<GeoJSON.LineString> {
  const features: GeoJSON.Feature<GeoJSON.LineString>[] = [];
  for (let lon = -180; lon <= 180; lon += stepDegrees) {
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[lon, -85], [lon, 0], [lon, 85]] } });
  }
  for (let lat = -80; lat <= 80; lat += stepDegrees) {
    const coordinates: GeoJSON.Position[] = [];
    for (let lon = -180; lon <= 180; lon += 10) coordinates.push([lon, lat]);
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } });
  }
  return { type: 'FeatureCollection', features };
}

export function offlineStyle(colours: MapColours): StyleSpec {
  return {
    version: 8,
    name: OFFLINE_NAME,
    sources: { graticule: { type: 'geojson', data: graticule(0.5) } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': colours.backgroundSubdued } },
      { id: 'graticule', type: 'line', source: 'graticule', paint: { 'line-color': colours.border, 'line-width': 1 } },
    ],
  };
}

/** The style of a basemap, or its URL when the basemap is a full style (type `style`). */
export function basemapStyle(basemap: Basemap, colours: MapColours): StyleSpec | string {
  if (basemap.type === 'style') return basemap.url;
  return {
    version: 8,
    name: basemap.name,
    sources: {
      basemap: {
        type: 'raster',
        tiles: expandTileUrl(basemap.url),
        tileSize: basemap.tileSize ?? 256,
        attribution: basemap.attribution ?? '',
      },
    },
    layers: [
      // The theme's background under the tiles, so a missing tile is a calm grey, not a hole.
      { id: 'background', type: 'background', paint: { 'background-color': colours.backgroundSubdued } },
      { id: 'basemap', type: 'raster', source: 'basemap' },
    ],
  };
}

/** The basemaps to offer: the project's, then the offline one (always last, always there). */
export function basemapChoices(settings: { basemaps?: Basemap[] | null } | null | undefined): string[] {
  return [...(settings?.basemaps ?? []).map((b) => b.name), OFFLINE_NAME];
}
