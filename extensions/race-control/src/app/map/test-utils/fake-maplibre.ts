// A stand-in for the map chunk in component tests (happy-dom has no WebGL). It records what a view
// does to the map (styles, sources, layers, feature states, fits) and lets the test fire events.
import * as course from '../chunk/course-lib';

type Listener = (e: Record<string, unknown>) => void;

export interface FakeMap {
  options: Record<string, unknown>;
  styles: unknown[];
  controls: { kind: string }[];
  sources: Map<string, { data: unknown; setData(d: unknown): void }>;
  layers: Map<string, Record<string, unknown>>;
  featureStates: Map<string, Record<string, unknown>>;
  fitted: unknown[];
  fire(type: string, e?: Record<string, unknown>): void;
}

export function fakeMapLibrary() {
  const maps: FakeMap[] = [];
  class Control { constructor(public kind: string) {} }
  class FakeMapImpl implements FakeMap {
    styles: unknown[] = [];
    controls: { kind: string }[] = [];
    sources = new Map<string, { data: unknown; setData(d: unknown): void }>();
    layers = new Map<string, Record<string, unknown>>();
    featureStates = new Map<string, Record<string, unknown>>();
    fitted: unknown[] = [];
    listeners = new Map<string, { layer?: string; fn: Listener }[]>();
    canvas = { style: { cursor: '' } };
    constructor(public options: Record<string, unknown>) {
      this.styles.push(options.style);
      const style = options.style as { layers?: Record<string, unknown>[]; sources?: Record<string, { data?: unknown }> } | undefined;
      for (const [id, spec] of Object.entries(style?.sources ?? {})) this.addSource(id, { data: spec.data });
      for (const layer of style?.layers ?? []) this.addLayer(layer);
      maps.push(this);
      if (!api.holdStyleLoad) queueMicrotask(() => { this.fire('style.load'); this.fire('load'); this.fire('idle'); });
    }
    on(type: string, a: string | Listener, b?: Listener) {
      const entry = typeof a === 'string' ? { layer: a, fn: b! } : { fn: a };
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), entry]);
      return this;
    }
    once(type: string, fn: Listener) { return this.on(type, fn); }
    off(type: string, fn: Listener) { this.listeners.set(type, (this.listeners.get(type) ?? []).filter((l) => l.fn !== fn)); return this; }
    fire(type: string, e: Record<string, unknown> = {}) { for (const l of this.listeners.get(type) ?? []) l.fn(e); }
    fireOnLayer(type: string, layer: string, e: Record<string, unknown>) { for (const l of this.listeners.get(type) ?? []) if (l.layer === layer) l.fn(e); }
    addControl(c: { kind: string }) { this.controls.push(c); return this; }
    /** MapLibre's answer is false while any source is still tiling, long after the style loaded. */
    stillTiling = false;
    isStyleLoaded() { return !this.stillTiling; }
    getStyle() { return { layers: [...this.layers.values()], sources: Object.fromEntries([...this.sources].map(([id, src]) => [id, { type: 'geojson', data: src.data }])) }; }
    /** As MapLibre's diff: a source of the same id in the next style keeps its object (its data). */
    styleOptions: unknown[] = [];
    /** As MapLibre when its diff throws after asking: transformStyle is called again for the rebuild. */
    transformTwice = false;
    setStyle(style: unknown, options?: { diff?: boolean; transformStyle?(previous: unknown, next: unknown): unknown }) {
      this.styles.push(style);
      this.styleOptions.push(options);
      const previous = this.getStyle();
      if (options?.transformStyle && this.transformTwice) options.transformStyle(previous, style);
      const next = (options?.transformStyle ? options.transformStyle(previous, style) : style) as { layers?: Record<string, unknown>[]; sources?: Record<string, { data?: unknown }> };
      const before = new Map(this.sources);
      this.sources.clear();
      this.layers.clear();
      for (const [id, spec] of Object.entries(next?.sources ?? {})) {
        const kept = before.get(id);
        if (kept) this.sources.set(id, kept);
        else this.addSource(id, { data: spec.data });
      }
      for (const layer of next?.layers ?? []) this.addLayer(layer);
      queueMicrotask(() => this.fire('style.load'));
    }
    addSource(id: string, spec: { data: unknown }) {
      const source = { data: spec.data, setData(d: unknown) { source.data = d; } };
      this.sources.set(id, source);
    }
    getSource(id: string) { return this.sources.get(id); }
    removeSource(id: string) { this.sources.delete(id); }
    addLayer(layer: Record<string, unknown>) { this.layers.set(String(layer.id), layer); }
    getLayer(id: string) { return this.layers.get(id); }
    removeLayer(id: string) { this.layers.delete(id); }
    setLayoutProperty() {}
    setPaintProperty() {}
    setFilter(id: string, filter: unknown) { const l = this.layers.get(id); if (l) l.filter = filter; }
    setFeatureState(f: { source: string; id: string | number }, state: Record<string, unknown>) { this.featureStates.set(`${f.source}:${f.id}`, state); }
    removeFeatureState() {}
    fitBounds(b: unknown) { this.fitted.push(b); }
    getCanvas() { return this.canvas; }
    getContainer() { return { appendChild() {} }; }
    project() { return { x: 0, y: 0 }; }
    queryRenderedFeatures() { return []; }
    loaded() { return true; }
    getCenter() { return { lng: 20.05, lat: 42 }; }
    getZoom() { return 10; }
    flyTo() {}
    easeTo() {}
    remove() {}
  }
  const control = (kind: string) => class extends Control { constructor() { super(kind); } };
  // terra-draw: records the mode and the features a view puts in, and lets a test finish a drawing.
  const draws: FakeDraw[] = [];
  class FakeDraw {
    mode = 'static';
    features: { id: number; geometry: unknown; properties: Record<string, unknown> }[] = [];
    selected: number | null = null;
    handlers = new Map<string, ((...a: unknown[]) => void)[]>();
    private next = 1;
    constructor(public options: unknown) { draws.push(this); }
    start() {}
    stop() {}
    setMode(m: string) { this.mode = m; }
    on(e: string, f: (...a: unknown[]) => void) { this.handlers.set(e, [...(this.handlers.get(e) ?? []), f]); }
    addFeatures(fs: { geometry: unknown; properties: Record<string, unknown> }[]) {
      return fs.map((f) => { const id = this.next++; this.features.push({ id, ...f }); return { id, valid: true }; });
    }
    removeFeatures(ids: number[]) { this.features = this.features.filter((f) => !ids.includes(f.id)); }
    getSnapshot() { return this.features; }
    selectFeature(id: number) { this.selected = id; }
    clear() { this.features = []; }
    /** A drawing finished by the user (`draw`) or an edit of a feature (`dragCoordinate`). */
    finish(geometry: unknown, action = 'draw', id?: number) {
      const fid = id ?? this.addFeatures([{ geometry, properties: {} }])[0]!.id;
      const f = this.features.find((x) => x.id === fid);
      if (f) f.geometry = geometry;
      for (const h of this.handlers.get('finish') ?? []) h(fid, { action });
    }
  }
  class FakeMarker {
    lngLat: [number, number] = [0, 0];
    handlers = new Map<string, () => void>();
    constructor(public options: { element: unknown }) { markers.push(this); }
    setLngLat(p: [number, number]) { this.lngLat = p; return this; }
    getLngLat() { return { lng: this.lngLat[0], lat: this.lngLat[1] }; }
    addTo() { return this; }
    on(e: string, f: () => void) { this.handlers.set(e, f); return this; }
    getElement() { return { addEventListener() {} }; }
    remove() {}
  }
  const markers: FakeMarker[] = [];
  const mode = (name: string) => class { mode = name; constructor(public options?: unknown) {} };
  const lib = {
    maplibregl: { Map: FakeMapImpl, NavigationControl: control('NavigationControl'), ScaleControl: control('ScaleControl'), Marker: FakeMarker },
    TerraDraw: FakeDraw,
    PromptMapLibreAdapter: class { constructor(public options: unknown) {} },
    TerraDrawPolygonMode: mode('polygon'), TerraDrawPointMode: mode('point'), TerraDrawLineStringMode: mode('linestring'),
    TerraDrawSelectMode: mode('select'), TerraDrawRenderMode: mode('render'),
    course,
    maplibreCss: '',
  } as never;
  const api = {
    lib, maps, draws, markers, last: () => maps.at(-1) as FakeMapImpl, lastDraw: () => draws.at(-1) as FakeDraw,
    /** A map made while this is set never loads its style (an unreachable style URL). */
    holdStyleLoad: false,
  };
  return api;
}
