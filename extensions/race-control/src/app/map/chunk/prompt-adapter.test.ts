// The drag path of the drawing adapter with terra-draw's real adapter under it and a stand-in map
// (happy-dom has no WebGL): sources are flushed in the event that changed them, once per source, and
// while a shape is dragged the map's frames wait for terra-draw's sources to be tiled.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PromptMapLibreAdapter } from './prompt-adapter';

type Listener = (e: Record<string, unknown>) => void;

function standInMap() {
  const canvas = document.createElement('canvas');
  const container = document.createElement('div');
  container.appendChild(canvas);
  const setData: string[] = [];
  const loading = new Set<string>();
  const listeners = new Map<string, Listener[]>();
  const map = {
    frames: 0,
    version: '5.24.1',
    setData,
    loading,
    dragPan: { isEnabled: () => true, enable() {}, disable() {} },
    dragRotate: { isEnabled: () => true, enable() {}, disable() {} },
    doubleClickZoom: { enable() {}, disable() {} },
    getContainer: () => container,
    getCanvas: () => canvas,
    triggerRepaint() { map.frames++; },
    sources: new Set<string>(),
    addSource(id: string) { map.sources.add(id); },
    addLayer() {},
    hasImage: () => false,
    getSource: (id: string) => (map.sources.has(id) ? { setData: () => { setData.push(id); loading.add(id); } } : undefined),
    isSourceLoaded: (id: string) => !loading.has(id),
    on(type: string, fn: Listener) { listeners.set(type, [...(listeners.get(type) ?? []), fn]); },
    /** The worker has tiled a source again. */
    tiled(id: string) { loading.delete(id); for (const fn of listeners.get('sourcedata') ?? []) fn({ sourceId: id }); },
  };
  return map;
}

const feature = (id: string, type: 'Point' | 'LineString') => ({
  id, type: 'Feature' as const, properties: { mode: 'select' },
  geometry: type === 'Point' ? { type, coordinates: [20, 42] } : { type, coordinates: [[20, 42], [20.1, 42.1]] },
});
const styling = { select: () => ({ pointColor: '#000', pointWidth: 4, pointOutlineColor: '#fff', pointOutlineWidth: 1, lineStringColor: '#000', lineStringWidth: 3, zIndex: 0 }) };
const moved = { created: [], updated: [feature('v1', 'Point'), feature('line', 'LineString')], unchanged: [], deletedIds: [] };

function adapterOn(map: ReturnType<typeof standInMap>) {
  const adapter = new PromptMapLibreAdapter({ map: map as never });
  adapter.register({ onClear() {} } as never);
  return adapter;
}

afterEach(() => vi.useRealTimers());

describe('prompt drawing adapter', () => {
  it('sends a move to the map in the same task, one setData per source however many changes it had', async () => {
    const map = standInMap();
    const adapter = adapterOn(map);
    const raf = globalThis.requestAnimationFrame;
    adapter.render(moved as never, styling as never);
    adapter.render(moved as never, styling as never); // terra-draw reports a drag in several changes
    expect(map.setData).toEqual([]);
    await Promise.resolve(); // a microtask, not a frame
    expect(map.setData.sort()).toEqual(['td-linestring', 'td-point']);
    expect(globalThis.requestAnimationFrame).toBe(raf); // the page's own again after the call
  });

  it('holds the frames of a drag until both sources are tiled, then draws once', async () => {
    const map = standInMap();
    const adapter = adapterOn(map);
    adapter.setDraggability(false);
    adapter.render(moved as never, styling as never);
    await Promise.resolve();
    map.triggerRepaint(); // the worker answered the first source's data, not its tiles yet
    map.triggerRepaint();
    expect(map.frames).toBe(0);
    map.tiled('td-point');
    expect(map.frames).toBe(0);
    map.tiled('td-linestring');
    expect(map.frames).toBe(1);
  });

  it('draws a held frame after 150 ms even if a source never answers, and holds nothing once the drag ends', async () => {
    vi.useFakeTimers();
    const map = standInMap();
    const adapter = adapterOn(map);
    adapter.setDraggability(false);
    adapter.render(moved as never, styling as never);
    await Promise.resolve();
    map.triggerRepaint();
    vi.advanceTimersByTime(149);
    expect(map.frames).toBe(0);
    vi.advanceTimersByTime(1);
    expect(map.frames).toBe(1);
    adapter.setDraggability(true);
    map.triggerRepaint();
    expect(map.frames).toBe(2);
  });
});
