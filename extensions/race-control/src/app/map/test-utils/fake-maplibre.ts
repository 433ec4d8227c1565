// A stand-in for the map chunk in component tests (happy-dom has no WebGL). It records what a view
// does to the map (styles, sources, layers, feature states, fits) and lets the test fire events.
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
      maps.push(this);
      queueMicrotask(() => { this.fire('style.load'); this.fire('load'); this.fire('idle'); });
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
    isStyleLoaded() { return true; }
    setStyle(style: unknown) { this.styles.push(style); this.sources.clear(); this.layers.clear(); queueMicrotask(() => this.fire('style.load')); }
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
    remove() {}
  }
  const control = (kind: string) => class extends Control { constructor() { super(kind); } };
  const lib = {
    maplibregl: { Map: FakeMapImpl, NavigationControl: control('NavigationControl'), ScaleControl: control('ScaleControl') },
    maplibreCss: '',
  } as never;
  return { lib, maps, last: () => maps.at(-1) as FakeMapImpl };
}
