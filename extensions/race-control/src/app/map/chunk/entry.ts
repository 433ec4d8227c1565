// The map code, built on its own (scripts/build-map-chunk.mjs) into dist/map-chunk.js and served by
// our endpoint. Directus's extension build inlines every dynamic import into the one app bundle all
// users download, so a registrar who never opens a map would pay for MapLibre; a separate file,
// fetched by `loadMapLibrary()` the first time a map screen opens, keeps it out of the first load.
import maplibregl from 'maplibre-gl';
import css from 'maplibre-gl/dist/maplibre-gl.css';
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPointMode, TerraDrawPolygonMode, TerraDrawRenderMode, TerraDrawSelectMode } from 'terra-draw';
import { PromptMapLibreAdapter } from './prompt-adapter';
import * as course from './course-lib';

export { course, maplibregl, TerraDraw, TerraDrawLineStringMode, TerraDrawPointMode, TerraDrawPolygonMode, TerraDrawRenderMode, TerraDrawSelectMode, PromptMapLibreAdapter };

/** MapLibre's own stylesheet (controls, popups), injected once by the loader. */
export const maplibreCss: string = css;
