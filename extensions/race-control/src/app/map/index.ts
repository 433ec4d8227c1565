// The map toolkit: the one way our screens show a map. See docs/map-toolkit.md for the API.
export { default as RaceMap } from './race-map.vue';
export { useRaceMap, type Bounds, type RaceMapHandle, type RaceMapOptions } from './use-race-map';
export { loadMapLibrary, MAP_CHUNK_PATH, type MapLibrary } from './library';
export { basemapChoices, basemapStyle, offlineStyle, expandTileUrl, OFFLINE_NAME, type Basemap } from './styles';
export { mapColours, type MapColours } from './theme';
export { useBasemaps } from './use-basemaps';
export { boundsOf } from './bounds';
