import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSdkMock, sdkModule, type SdkMock } from '../../../test-utils/sdk-mock';
import { globalDirectives, globalStubs } from '../../../test-utils/stubs';
import { fakeMapLibrary } from '../../../map/test-utils/fake-maplibre';
import { IMEI, STAGE } from '../test-fixtures';

let sdk: SdkMock = createSdkMock();
const push = vi.fn();
vi.mock('@directus/extensions-sdk', () => sdkModule({ request: (c: never) => sdk.request(c) } as unknown as SdkMock, {
  useStores: () => ({ useSettingsStore: () => ({ settings: { basemaps: [] } }) }),
}));
const fake = fakeMapLibrary();
vi.mock('../../../map/library', () => ({ loadMapLibrary: vi.fn(async () => fake.lib), MAP_CHUNK_PATH: '' }));
globalThis.ResizeObserver ??= class { observe() {} disconnect() {} } as never;
const { default: StageMapView } = await import('./stage-map-view.vue');

const stubs = { ...globalStubs, 'router-link': { props: ['to'], template: '<a :href="to"><slot /></a>' } };
type Map = ReturnType<typeof fake.last> & { fireOnLayer(type: string, layer: string, e: Record<string, unknown>): void; getZoom(): number };

const mountView = async () => {
  const view = mount(StageMapView, { props: { stageId: 's1' }, attachTo: document.body, global: { stubs, directives: globalDirectives, mocks: { $router: { push } } } });
  await flushPromises();
  return { view, map: fake.last() as Map };
};

beforeEach(() => {
  sdk = createSdkMock();
  push.mockClear();
  sdk.on('GET', '/items/stages', [STAGE]);
  sdk.on('GET', '/items/segments', [{ id: 'sg1', sort_order: 1, type: 'special-stage', name: 'SS1', route: { type: 'LineString', coordinates: [[19.5, 42.05], [19.62, 42.1]] },
    entry_geofence_id: null, exit_geofence_id: null, waypoints: [], speed_limit_zones: [] }]);
});

describe('the whole stage on one map', () => {
  it('draws the stage\'s tiles over its course: lines per tracker, points coloured by state', async () => {
    const { map } = await mountView();
    expect(map.sources.has('gsm-tiles')).toBe(true);
    const order = [...map.layers.keys()];
    expect(order.indexOf('course-routes')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('course-routes')).toBeLessThan(order.indexOf('gsm-lines'));
    expect(map.layers.get('gsm-lines')).toMatchObject({ source: 'gsm-tiles', 'source-layer': 'tracks' });
    expect(map.layers.get('gsm-points')).toMatchObject({ source: 'gsm-tiles', 'source-layer': 'points' });
    expect(JSON.stringify(map.layers.get('gsm-points')!.paint)).toContain('faulty');
    expect((map.sources.get('course-routes')!.data as { features: unknown[] }).features).toHaveLength(1);
  });

  it('asks the tiles of this stage on the admin app\'s own origin (its session cookie authorises them)', async () => {
    const added: { id: string; spec: Record<string, unknown> }[] = [];
    const { map } = await mountView();
    const addSource = (map as unknown as { addSource(id: string, spec: Record<string, unknown>): void }).addSource.bind(map);
    (map as unknown as { addSource(id: string, spec: Record<string, unknown>): void }).addSource = (id, spec) => { added.push({ id, spec }); addSource(id, spec); };
    // A basemap switch replaces the style; the tiles come back with it.
    (map as unknown as { setStyle(s: unknown): void }).setStyle({});
    await flushPromises();
    const tiles = added.find((a) => a.id === 'gsm-tiles')!.spec;
    expect(tiles).toEqual({ type: 'vector', tiles: [`${location.origin}/race-control/gps/stages/s1/tiles/{z}/{x}/{y}.mvt`], minzoom: 5, maxzoom: 16 });
  });

  it('opens the review of the clicked point\'s tracker at the point\'s time; a line opens the tracker', async () => {
    const { map } = await mountView();
    map.fireOnLayer('click', 'gsm-points', { features: [{ properties: { device_id: IMEI, ts: '2026-06-07T05:01:40.000Z', suspect: true } }] });
    expect(push).toHaveBeenCalledWith(`/gps-review/stages/s1/devices/${IMEI}?at=2026-06-07T05%3A01%3A40.000Z`);
    map.fireOnLayer('click', 'gsm-lines', { features: [{ properties: { device_id: '352092110000032', race_number: 301 } }] });
    expect(push).toHaveBeenLastCalledWith('/gps-review/stages/s1/devices/352092110000032');
    map.fireOnLayer('click', 'gsm-points', { features: [] });
    expect(push).toHaveBeenCalledTimes(2);
  });
});
