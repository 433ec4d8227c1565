// The one way our screens make a map: MapLibre (loaded on demand), the project's basemaps with a
// fallback to the offline style when one does not load, a scale bar, cursor coordinates, fit to
// bounds and the theme's colours. Overlays (course layers, tracks) register with `onStyle`, because
// switching basemaps replaces the style and with it every layer added to the old one.
import { onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { loadMapLibrary, type MapLibrary } from './library';
import { basemapFailure } from './basemap-failure';
import { forgetFailure, recentFailure, rememberFailure } from './basemap-memory';
import { basemapChoices, basemapStyle, OFFLINE_NAME, offlineStyle, type Basemap, type StyleSpec } from './styles';
import { mapColours, type MapColours } from './theme';

export type Bounds = [west: number, south: number, east: number, north: number];

export interface RaceMapHandle {
  map: MapLibreMap;
  lib: MapLibrary;
  colours: MapColours;
  /** Run now (if the style is loaded) and after every later style change. */
  onStyle(apply: (map: MapLibreMap) => void): void;
  /** Run once, now or as soon as the style has loaded. */
  whenStyled(run: (map: MapLibreMap) => void): void;
  fitTo(bounds: Bounds, options?: { padding?: number; animate?: boolean }): void;
}

export interface RaceMapOptions {
  basemaps: Basemap[];
  /** The first view, read when the map is made; without it the map opens on Albania, where the product's first event runs. */
  bounds?: Bounds | null | (() => Bounds | null);
  /** Give up on a basemap whose tiles have not answered by then (ms). */
  basemapTimeoutMs?: number;
}

const ALBANIA: Bounds = [19.0, 39.6, 21.1, 42.7];

interface StyleIds { layers: Set<string>; sources: Set<string> }
function styleIds(style: StyleSpec): StyleIds {
  return { layers: new Set(style.layers.map((l) => String(l.id))), sources: new Set(Object.keys(style.sources)) };
}

export function useRaceMap(container: Ref<HTMLElement | null>, options: RaceMapOptions) {
  const handle = shallowRef<RaceMapHandle | null>(null);
  const error = ref<string | null>(null);
  const choices = basemapChoices({ basemaps: options.basemaps });
  // A first basemap that was unreachable moments ago (another map of this tab) is not waited for again.
  const skipped = choices[0] === OFFLINE_NAME ? null : recentFailure(choices[0]!);
  const basemapNotice = ref<string | null>(skipped);
  const basemap = ref<string>(skipped ? OFFLINE_NAME : choices[0]!);
  const cursor = ref<{ lon: number; lat: number } | null>(null);
  const appliers: ((map: MapLibreMap) => void)[] = [];
  let map: MapLibreMap | null = null;
  // What the basemap's style brought; every other layer and source is an overlay of ours.
  let base: StyleIds | null = null;
  // The style has loaded (its 'style.load' came). Not isStyleLoaded(): that is false whenever any
  // source is still tiling, so work put off until it is true could wait for an event already gone.
  let styled = false;
  let fallbackTimer: ReturnType<typeof setTimeout> | null = null;
  // The shown basemap has loaded a tile: a later error is a bad tile, not an unreachable server.
  let tileSeen = false;
  let destroyed = false;

  function styleFor(name: string, colours: MapColours) {
    const chosen = options.basemaps.find((b) => b.name === name);
    return chosen ? basemapStyle(chosen, colours) : offlineStyle(colours);
  }

  function fallBack(reason: string) {
    if (!map || basemap.value === OFFLINE_NAME) return;
    basemapNotice.value = basemapFailure(basemap.value, reason);
    if (!tileSeen) rememberFailure(basemap.value, basemapNotice.value);
    basemap.value = OFFLINE_NAME;
  }

  function watchBasemap() {
    if (fallbackTimer) clearTimeout(fallbackTimer);
    if (basemap.value === OFFLINE_NAME || !map) return;
    const m = map;
    const name = basemap.value;
    tileSeen = false;
    const onData = (e: { sourceId?: string; tile?: unknown }) => {
      if (e.sourceId !== 'basemap' || !e.tile || tileSeen) return;
      tileSeen = true;
      forgetFailure(name);
    };
    m.on('data', onData);
    fallbackTimer = setTimeout(() => {
      m.off('data', onData);
      if (!tileSeen) fallBack('no tile answered');
    }, options.basemapTimeoutMs ?? 6000);
  }

  async function create() {
    const lib = await loadMapLibrary();
    if (destroyed || !container.value) return;
    const colours = mapColours(container.value);
    const bounds = (typeof options.bounds === 'function' ? options.bounds() : options.bounds) ?? ALBANIA;
    map = new lib.maplibregl.Map({
      container: container.value,
      style: styleFor(basemap.value, colours) as never,
      bounds,
      fitBoundsOptions: { padding: 32 },
      attributionControl: { compact: true },
      // Double-click is the drawing tools' "finish"; a zoom on it would fight them.
      doubleClickZoom: false,
      // Symbols fade in over 300 ms after every change, and the map repaints each frame of that:
      // four full frames per drag move in software WebGL. Our labels are HTML; nothing needs it.
      fadeDuration: 0,
    });
    map.addControl(new lib.maplibregl.NavigationControl({ showCompass: true }), 'top-right');
    map.addControl(new lib.maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    map.on('mousemove', (e) => { cursor.value = { lon: e.lngLat.lng, lat: e.lngLat.lat }; });
    map.on('mouseout', () => { cursor.value = null; });
    map.on('error', (e: { sourceId?: string; error?: { message?: string } }) => {
      // A tile server that is down or unreachable (no network at the bivouac): use the offline style.
      if (e.sourceId === 'basemap' || !styled) fallBack(e.error?.message ?? 'error');
    });
    // A style being built from scratch (not a diff): until its 'style.load' nothing may be added.
    map.on('styledataloading', () => { styled = false; });
    map.on('style.load', () => {
      styled = true;
      base ??= styleIds(map!.getStyle() as unknown as StyleSpec);
      for (const apply of appliers) apply(map!);
    });
    const m = map;
    handle.value = {
      map: m,
      lib,
      colours,
      onStyle(apply) {
        appliers.push(apply);
        if (styled) apply(m);
      },
      whenStyled(run) {
        if (styled) run(m);
        else m.once('style.load', () => run(m));
      },
      fitTo(b, o) {
        m.fitBounds(b, { padding: o?.padding ?? 48, animate: o?.animate ?? true, maxZoom: 16 });
      },
    };
    watchBasemap();
  }

  watch(basemap, (name) => {
    if (!map || !handle.value) return;
    const next = styleFor(name, handle.value.colours);
    const outgoing = base;
    if (!styled || !outgoing) {
      // The style never loaded (an unreachable style URL), so nothing of ours is on it: start afresh.
      // A diff would wait for that style's 'style.load' forever.
      base = null;
      map.setStyle(next as never, { diff: false });
    } else {
      // The overlays ride along into the new style, so MapLibre swaps only the basemap's layers and
      // the course is not tiled again (the offline fallback happens on every open without internet).
      // MapLibre may call this twice (a diff it cannot do, then a rebuild): it reads only `outgoing`.
      map.setStyle(next as never, {
        transformStyle: (previous, incoming) => {
          const own = styleIds(incoming as unknown as StyleSpec);
          base = own;
          if (!previous) return incoming;
          const overlay = (id: string, kind: keyof StyleIds) => !outgoing[kind].has(id) && !own[kind].has(id);
          return {
            ...incoming,
            sources: { ...incoming.sources, ...Object.fromEntries(Object.entries(previous.sources).filter(([id]) => overlay(id, 'sources'))) },
            layers: [...incoming.layers, ...previous.layers.filter((l) => overlay(l.id, 'layers'))],
          };
        },
      });
    }
    watchBasemap();
  });

  watch(container, (el) => {
    if (el && !map) create().catch((e: unknown) => { error.value = (e as Error).message; });
  }, { immediate: true });

  onBeforeUnmount(() => {
    destroyed = true;
    if (fallbackTimer) clearTimeout(fallbackTimer);
    map?.remove();
    map = null;
  });

  return { handle, error, basemap, choices, basemapNotice, cursor };
}
