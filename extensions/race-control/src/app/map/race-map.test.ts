// The map component with MapLibre mocked (happy-dom has no WebGL): it loads the library on demand,
// offers the project's basemaps plus the offline one, falls back to offline when a basemap fails,
// shows cursor coordinates and fits to the course.
import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { globalStubs } from '../test-utils/stubs';
import { fakeMapLibrary } from './test-utils/fake-maplibre';
import type { RaceMapHandle } from './use-race-map';

const fake = fakeMapLibrary();
vi.mock('./library', () => ({ loadMapLibrary: vi.fn(async () => fake.lib), MAP_CHUNK_PATH: '/race-control/assets/map-chunk.js' }));

const { default: RaceMap } = await import('./race-map.vue');

const basemaps = [{ name: 'OpenStreetMap', type: 'raster' as const, url: 'https://tile.example/{z}/{x}/{y}.png' }];

describe('race map', () => {
  beforeEach(() => sessionStorage.clear());

  it('loads the map code only when mounted, offers the basemaps and the offline style', async () => {
    const { loadMapLibrary } = await import('./library');
    const wrapper = mount(RaceMap, { props: { basemaps, fitBounds: [19.5, 42, 20.4, 42.3] }, global: { stubs: globalStubs } });
    await flushPromises();
    expect(loadMapLibrary).toHaveBeenCalled();
    const options = wrapper.findAll('[data-testid="basemap-switcher"] option').map((o) => o.text());
    expect(options).toEqual(['OpenStreetMap', 'Offline (no tiles)']);
    expect(wrapper.emitted('ready')).toHaveLength(1);
    const map = fake.last();
    expect(map.options.bounds).toEqual([19.5, 42, 20.4, 42.3]);
    expect(map.controls.map((c) => c.kind)).toEqual(expect.arrayContaining(['NavigationControl', 'ScaleControl']));
  });

  it('switches to the offline style when the basemap errors, and says so', async () => {
    const wrapper = mount(RaceMap, { props: { basemaps }, global: { stubs: globalStubs } });
    await flushPromises();
    const map = fake.last();
    map.fire('error', { sourceId: 'basemap', error: { message: 'Failed to fetch' } });
    await flushPromises();
    expect(wrapper.get('[data-testid="basemap-notice"]').text()).toContain('OpenStreetMap could not be reached (no internet?)');
    expect((map.styles.at(-1) as { name: string }).name).toBe('Offline (no tiles)');
  });

  /** A map as a screen opens it, and its MapLibre stand-in. */
  async function openMap() {
    const wrapper = mount(RaceMap, { props: { basemaps }, global: { stubs: globalStubs } });
    await flushPromises();
    return { wrapper, map: fake.last(), first: () => (fake.last().styles[0] as { name: string }).name };
  }

  it('opens the next map on the offline style when the basemap was unreachable moments ago; choosing it tries again', async () => {
    const before = await openMap();
    before.map.fire('error', { sourceId: 'basemap', error: { message: 'AJAXError: Failed to fetch (0): https://tile.example/8/140/95.png' } });
    await flushPromises();
    before.wrapper.unmount();
    const next = await openMap();
    expect(next.first()).toBe('Offline (no tiles)');
    expect(next.wrapper.get('[data-testid="basemap-notice"]').text())
      .toBe('OpenStreetMap could not be reached (no internet?); showing the offline map (it failed moments ago: choose OpenStreetMap above to try again)');
    await next.wrapper.get('[data-testid="basemap-switcher"]').setValue('OpenStreetMap');
    expect((next.map.styles.at(-1) as { name: string }).name).toBe('OpenStreetMap');
    next.map.fire('data', { sourceId: 'basemap', tile: {} }); // it answered this time: the next map tries it first again
    next.wrapper.unmount();
    expect((await openMap()).first()).toBe('OpenStreetMap');
  });

  it('does not remember a basemap that had loaded tiles before one failed', async () => {
    const before = await openMap();
    before.map.fire('data', { sourceId: 'basemap', tile: {} });
    before.map.fire('error', { sourceId: 'basemap', error: { message: 'AJAXError: Not Found (404): https://tile.example/19/1/1.png' } });
    await flushPromises();
    before.wrapper.unmount();
    expect((await openMap()).first()).toBe('OpenStreetMap');
  });

  it('keeps the overlays and their data through a basemap switch, under nothing of the new basemap', async () => {
    const wrapper = mount(RaceMap, { props: { basemaps }, global: { stubs: globalStubs } });
    await flushPromises();
    const map = fake.last();
    const handle = wrapper.emitted('ready')![0]![0] as RaceMapHandle;
    const route = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[19.5, 42], [19.6, 42.1]] } }] };
    let applied = 0;
    handle.onStyle((m) => {
      applied++;
      if (!m.getSource('course-routes')) m.addSource('course-routes', { type: 'geojson', data: route as never });
      if (!m.getLayer('course-routes')) m.addLayer({ id: 'course-routes', type: 'line', source: 'course-routes' });
    });
    expect([...map.layers.keys()]).toEqual(['background', 'basemap', 'course-routes']);
    map.fire('error', { sourceId: 'basemap', error: { message: 'Failed to fetch' } });
    await flushPromises();
    expect([...map.layers.keys()]).toEqual(['background', 'graticule', 'course-routes']);
    expect(map.sources.has('basemap')).toBe(false);
    expect(map.sources.get('course-routes')!.data).toBe(route);
    expect(applied).toBe(2); // and the overlay's applier ran again, finding its layers in place
  });

  it('opens before its bounds are known and fits when its view key says they are the ones to show', async () => {
    const wrapper = mount(RaceMap, { props: { basemaps: [], fitBounds: null, viewKey: null }, global: { stubs: globalStubs } });
    await flushPromises();
    const map = fake.last();
    expect(map.options.bounds).toEqual([19.0, 39.6, 21.1, 42.7]);
    await wrapper.setProps({ fitBounds: [19.5, 42, 20.4, 42.3], viewKey: 'stage-1' });
    expect(map.fitted).toEqual([[19.5, 42, 20.4, 42.3]]);
    await wrapper.setProps({ fitBounds: [19.5, 42, 20.5, 42.3] }); // an edit moved the course: the view stays
    expect(map.fitted).toHaveLength(1);
    await wrapper.setProps({ fitBounds: null, viewKey: 'stage-2' }); // an empty stage: nothing to fit
    await wrapper.setProps({ fitBounds: [20, 41, 20.1, 41.1] }); // its first route, just drawn: the view stays
    expect(map.fitted).toHaveLength(1);
    await wrapper.setProps({ fitBounds: [20.5, 41, 20.9, 41.4], viewKey: 'stage-3' });
    expect(map.fitted.at(-1)).toEqual([20.5, 41, 20.9, 41.4]);
  });

  it('falls back from a style that never loaded without waiting for it, and starts afresh', async () => {
    fake.holdStyleLoad = true;
    const styleBasemap = [{ name: 'Vector', type: 'style' as const, url: 'https://styles.example/vector.json' }];
    const wrapper = mount(RaceMap, { props: { basemaps: styleBasemap }, global: { stubs: globalStubs } });
    await flushPromises();
    fake.holdStyleLoad = false;
    const map = fake.last();
    map.fire('error', { error: { message: 'AJAXError: Failed to fetch (0): https://styles.example/vector.json' } });
    await flushPromises();
    expect(wrapper.get('[data-testid="basemap-notice"]').text()).toContain('Vector could not be reached');
    expect((map.styles.at(-1) as { name: string }).name).toBe('Offline (no tiles)');
    expect(map.styleOptions.at(-1)).toEqual({ diff: false }); // a diff would wait for the dead style's load
  });

  it('keeps the overlays when MapLibre asks for the new style twice (a diff it could not do, then a rebuild)', async () => {
    const { wrapper, map } = await openMap();
    const handle = wrapper.emitted('ready')![0]![0] as RaceMapHandle;
    handle.onStyle((m) => { if (!m.getLayer('course-routes')) { m.addSource('course-routes', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }); m.addLayer({ id: 'course-routes', type: 'line', source: 'course-routes' }); } });
    map.transformTwice = true;
    await wrapper.get('[data-testid="basemap-switcher"]').setValue('Offline (no tiles)');
    await flushPromises();
    expect([...map.layers.keys()]).toEqual(['background', 'graticule', 'course-routes']);
    await wrapper.get('[data-testid="basemap-switcher"]').setValue('OpenStreetMap');
    await flushPromises();
    expect([...map.layers.keys()]).toEqual(['background', 'basemap', 'course-routes']);
  });

  it('shows the cursor position as a roadbook reads it and fits to the course', async () => {
    const wrapper = mount(RaceMap, { props: { basemaps: [], fitBounds: [19.5, 42, 20.4, 42.3] }, global: { stubs: globalStubs } });
    await flushPromises();
    const map = fake.last();
    map.fire('mousemove', { lngLat: { lng: 19.851, lat: 41.352 } });
    await flushPromises();
    expect(wrapper.get('[data-testid="cursor-coordinates"]').text()).toBe('41.35200° N 19.85100° E');
    await wrapper.get('[data-testid="fit-course"]').trigger('click');
    expect(map.fitted.at(-1)).toEqual([19.5, 42, 20.4, 42.3]);
  });
});
