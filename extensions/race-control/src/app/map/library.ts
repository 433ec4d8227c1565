// Loads the map code (MapLibre GL, terra-draw) the first time a map screen opens, from the file our
// endpoint serves (see chunk/entry.ts for why it is not part of the app bundle). One download per
// page: every later call gets the same promise.
import type * as Chunk from './chunk/entry';

export type MapLibrary = typeof Chunk;

/** Where the endpoint serves the chunk, relative to the admin app's origin (and its public URL). */
export const MAP_CHUNK_PATH = '/race-control/assets/map-chunk.js';

let loading: Promise<MapLibrary> | null = null;

export function publicRoot(): string {
  // The admin app lives at <PUBLIC_URL>/admin/...; the API at <PUBLIC_URL>/. Directus may sit under
  // a sub-path behind a proxy, so take the root from the page rather than assuming '/'.
  const path = globalThis.location?.pathname ?? '/';
  const at = path.indexOf('/admin');
  return at >= 0 ? path.slice(0, at) : '';
}

export function loadMapLibrary(): Promise<MapLibrary> {
  loading ??= (import(/* @vite-ignore */ `${publicRoot()}${MAP_CHUNK_PATH}`) as Promise<MapLibrary>)
    .then((lib) => {
      injectCss(lib.maplibreCss);
      return lib;
    })
    .catch((error: unknown) => {
      loading = null; // a later open may try again (the server was restarting, say)
      throw new Error(`The map code did not load (${(error as Error)?.message ?? error}); reload the page`);
    });
  return loading;
}

function injectCss(css: string): void {
  if (typeof document === 'undefined' || document.getElementById('race-control-maplibre-css')) return;
  const style = document.createElement('style');
  style.id = 'race-control-maplibre-css';
  style.textContent = css;
  document.head.appendChild(style);
}
