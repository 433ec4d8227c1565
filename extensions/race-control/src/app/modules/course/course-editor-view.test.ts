// The course editor with the SDK and MapLibre mocked: the stage's objects in the list and on the
// map, selection shared by both, a drawn geofence saved in one request, a bow-tie refused with its
// place, undo, the conflict check naming who changed what, a speed zone cut from a route stretch
// (DZ and FZ clicked, width set, created, saved, re-widened), a drawn route saved as a new
// segment, and read-only for roles that only read.
import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSdkMock, sdkModule, type SdkMock } from '../../test-utils/sdk-mock';
import { globalDirectives, globalStubs } from '../../test-utils/stubs';
import { fakeMapLibrary } from '../../map/test-utils/fake-maplibre';
import { ROUTE, validCourse } from '../../../domain/course/fixtures';
import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { pointAtKm } from '../../../domain/course/shapes';

const fake = fakeMapLibrary();
let sdk: SdkMock;
let mayEdit = true;
// The mock module is made once; each test gets a fresh recorder behind it.
vi.mock('@directus/extensions-sdk', () => sdkModule({ request: (c: never) => sdk.request(c) } as unknown as SdkMock, {
  useStores: () => ({
    useSettingsStore: () => ({ settings: { basemaps: [] } }),
    useUserStore: () => ({ currentUser: { id: 'me' }, isAdmin: false }),
    usePermissionsStore: () => ({ hasPermission: () => mayEdit }),
  }),
}));
vi.mock('../../map/library', () => ({ loadMapLibrary: vi.fn(async () => fake.lib), MAP_CHUNK_PATH: '' }));

const { default: CourseEditorView } = await import('./routes/course-editor-view.vue');

const stamp = { date_updated: '2026-06-01T10:00:00Z', user_updated: 'u1', user_created: 'u1' };
function answer(m: SdkMock, course = validCourse(), changedLater = false) {
  let reads = 0;
  const rows = (collection: string, list: object[]) => m.on('GET', `/items/${collection}`, () => {
    reads++;
    // The second read of each collection is the check before saving.
    return list.map((o, i) => ({ ...o, ...stamp, ...(changedLater && reads > 4 && i === 0 ? { date_updated: '2026-06-01T11:00:00Z', user_updated: 'u2' } : {}) }));
  });
  m.on('GET', '/items/stages/st1', { id: 'st1', name: 'Stage 1', status: 'closed', event_id: { id: 'ev1', name: 'Rally' } });
  rows('segments', course.segments);
  rows('waypoints', course.waypoints);
  rows('speed_limit_zones', course.speedZones);
  rows('geofences', course.geofences);
  m.on('GET', '/users', [{ id: 'u2', first_name: 'Ilir', last_name: 'Hoxha' }]);
  m.on('POST', '/items/geofences', (r: { body: object[] }) => r.body.map((_, i) => ({ id: `g${i}` })));
  m.on('PATCH', '/items/waypoints', []);
  for (const c of ['speed_limit_zones', 'segments']) m.on('POST', `/items/${c}`, (r: { body: object[] }) => r.body.map((_, i) => ({ id: `${c}-${i}` })));
}

async function open() {
  const wrapper = mount(CourseEditorView, { props: { id: 'st1' }, global: { stubs: globalStubs, directives: globalDirectives }, attachTo: document.body });
  await flushPromises();
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  sdk = createSdkMock();
  mayEdit = true;
});

describe('course editor', () => {
  it('lists every object by segment and kind, draws them on the map, and shares the selection', async () => {
    answer(sdk);
    const wrapper = await open();
    const list = wrapper.get('[data-testid="course-list"]').text();
    for (const words of ['Route of SS1', 'DSS 1', 'WPM 2', 'WPV 3', 'ASS 4', 'Village (50 km/h)', 'DSS fence · start', 'ASS fence · finish']) expect(list).toContain(words);
    expect(wrapper.get('[data-testid="stage-length"]').text()).toContain('Stage 8.26 km');
    expect(wrapper.find('[data-testid="no-problems"]').exists()).toBe(true);
    const map = fake.last();
    expect((map.sources.get('course-waypoints')!.data as { features: unknown[] }).features).toHaveLength(4);
    await wrapper.get('[data-testid="item-waypoints:w1"]').trigger('click');
    expect(wrapper.get('[data-testid="course-inspector"]').text()).toContain('Waypoint WPM 2');
    expect([...map.featureStates.values()].some((s) => s.selected === true)).toBe(true);
    expect(wrapper.find('[data-testid="closed-notice"]').exists()).toBe(true);
    // The event's geofences are asked for by the stage, so all five reads go out at once.
    const fences = sdk.requests.find((r) => r.path === '/items/geofences');
    expect(JSON.stringify(fences?.params)).toContain('{"event_id":{"stages":{"id":{"_eq":"st1"}}}}');
  });

  it('a drawn geofence is saved in one request; a bow-tie is refused with its place', async () => {
    answer(sdk);
    const drawsBefore = fake.draws.length;
    const wrapper = await open();
    expect(fake.draws.length).toBe(drawsBefore); // terra-draw waits until a tool needs it
    await wrapper.get('[data-testid="tool-geofence"]').trigger('click');
    expect(fake.draws.length).toBe(drawsBefore + 1);
    const draw = fake.lastDraw();
    expect(draw.mode).toBe('polygon');
    draw.finish({ type: 'Polygon', coordinates: [[[19.5, 41.5], [19.6, 41.6], [19.6, 41.5], [19.5, 41.6], [19.5, 41.5]]] });
    await flushPromises();
    expect(wrapper.get('[data-testid="refusal"]').text()).toBe("The geofence's outline crosses itself at 41.55000° N 19.55000° E; redraw it as a simple shape");
    draw.finish({ type: 'Polygon', coordinates: [[[20.05, 42.001], [20.06, 42.001], [20.06, 42.004], [20.05, 42.001]]] });
    await flushPromises();
    expect(wrapper.get('[data-testid="course-list"]').text()).toContain('Geofence 3 · checkpoint');
    sdk.requests.length = 0;
    await wrapper.get('[data-testid="save"]').trigger('click');
    await flushPromises();
    const writes = sdk.requests.filter((r) => r.method !== 'GET');
    expect(writes).toEqual([{ path: '/items/geofences', method: 'POST', params: expect.anything(), body: [expect.objectContaining({ name: 'Geofence 3', kind: 'checkpoint', event_id: 'ev1' })] }]);
    expect(wrapper.get('[data-testid="saved"]').text()).toBe('Saved 1 change');
    // The new fence has its server id now and nothing is selected: no feature stays highlighted.
    expect([...fake.last().featureStates.values()].filter((s) => s.selected === true)).toEqual([]);
  });

  it('undo takes back a change; a save after someone else changed the course says who and what', async () => {
    answer(sdk, validCourse(), true);
    const wrapper = await open();
    await wrapper.get('[data-testid="item-waypoints:w1"]').trigger('click');
    const input = wrapper.get('[data-testid="field-tolerance"]');
    (input.element as HTMLInputElement).value = '120'; // what a person types, then leaves the field
    await input.trigger('change');
    expect(wrapper.get('[data-testid="save"]').attributes('disabled')).toBe('false');
    await wrapper.get('[data-testid="undo"]').trigger('click');
    expect((wrapper.get('[data-testid="field-tolerance"]').element as HTMLInputElement).value).toBe('90');
    await wrapper.get('[data-testid="redo"]').trigger('click');
    await wrapper.get('[data-testid="save"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="conflict-dialog"]').text()).toContain('Ilir Hoxha changed route SS1');
    expect(sdk.requests.some((r) => r.method === 'PATCH')).toBe(false);
    await wrapper.get('[data-testid="conflict-keep"]').trigger('click');
    await flushPromises();
    expect(sdk.requests.find((r) => r.method === 'PATCH')).toMatchObject({ path: '/items/waypoints', body: [{ id: 'w1', tolerance_meters: 120 }] });
  });

  it('a route is edited in a window; the drag handle sets a clear radius', async () => {
    answer(sdk);
    const wrapper = await open();
    fake.last().stillTiling = true; // the course is still being tiled: terra-draw must start all the same
    await wrapper.get('[data-testid="item-segments:ss"]').trigger('click');
    await wrapper.get('[data-testid="edit-shape"]').trigger('click');
    await flushPromises();
    const draw = fake.lastDraw();
    expect(draw.features).toHaveLength(1);
    expect((draw.features[0]!.geometry as { coordinates: unknown[] }).coordinates).toHaveLength(ROUTE.coordinates.length);
    expect(draw.mode).toBe('select');
    await wrapper.get('[data-testid="item-waypoints:w2"]').trigger('click');
    await flushPromises();
    const marker = fake.markers.at(-1)!;
    marker.setLngLat([20.0625, 42]);
    marker.handlers.get('dragend')!();
    await flushPromises();
    expect(Number((wrapper.get('[data-testid="field-tolerance"]').element as HTMLInputElement).value)).toBe(165); // 0.002° east of it at 42° N
  });

  it('cuts a speed zone from a route stretch: DZ and FZ clicked on the route, width and speed set, created, saved, re-widened', async () => {
    answer(sdk);
    const wrapper = await open();
    const map = fake.last();
    const click = (lng: number, lat: number) => map.fire('click', { point: { x: 0, y: 0 }, lngLat: { lng, lat } });
    await wrapper.get('[data-testid="tool-stretch"]').trigger('click');
    click(20.03, 42.05); // 5.5 km off every route
    await flushPromises();
    expect(wrapper.get('[data-testid="refusal"]').text()).toMatch(/Click on a route/);
    const [dz, fz] = [pointAtKm(ROUTE, 6).coordinates, pointAtKm(ROUTE, 4.5).coordinates]; // FZ clicked before the DZ's km: order is the route's
    click(dz[0]!, dz[1]! + 0.0003);
    await flushPromises();
    expect(wrapper.find('[data-testid="refusal"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="stretch-step"]').text()).toContain('DZ at km 6.00 of SS1');
    expect(wrapper.get('[data-testid="stretch-create"]').attributes('disabled')).toBeDefined();
    click(fz[0]!, fz[1]! - 0.0002);
    await flushPromises();
    expect(wrapper.get('[data-testid="stretch-step"]').text()).toContain('km 4.50 to 6.00 (1.50 km)');
    const width = wrapper.get('[data-testid="stretch-width"]');
    expect((width.element as HTMLInputElement).value).toBe('50');
    (width.element as HTMLInputElement).value = '30';
    await width.trigger('change');
    const speed = wrapper.get('[data-testid="stretch-speed"]');
    (speed.element as HTMLInputElement).value = '30';
    await speed.trigger('change');
    const draft = map.sources.get('course-draft')!.data as { features: { geometry: { type: string } }[] };
    expect(draft.features.map((f) => f.geometry.type)).toEqual(['Polygon', 'Point', 'Point']);
    await wrapper.get('[data-testid="stretch-create"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="course-list"]').text()).toContain('DZ–FZ km 4.50–6.00 (30 km/h)');
    expect(wrapper.get('[data-testid="field-corridor-width"]').element).toHaveProperty('value', '30');
    expect(wrapper.get('[data-testid="undo"]').attributes('aria-label')).toBe('Undo speed zone from the route');
    // The inspector's width re-cuts the same stretch wider, as one undoable change.
    const w = wrapper.get('[data-testid="field-corridor-width"]');
    (w.element as HTMLInputElement).value = '80';
    await w.trigger('change');
    expect(Number((wrapper.get('[data-testid="field-corridor-width"]').element as HTMLInputElement).value)).toBeGreaterThanOrEqual(77);
    expect(wrapper.get('[data-testid="undo"]').attributes('aria-label')).toBe('Undo corridor width');
    await wrapper.get('[data-testid="undo"]').trigger('click');
    expect(wrapper.get('[data-testid="field-corridor-width"]').element).toHaveProperty('value', '30');
    sdk.requests.length = 0;
    await wrapper.get('[data-testid="save"]').trigger('click');
    await flushPromises();
    const post = sdk.requests.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/items/speed_limit_zones');
    const [zone] = post.body as { segment_id: string; speed_limit_kmh: number; area: Polygon }[];
    expect(zone).toMatchObject({ segment_id: 'ss', speed_limit_kmh: 30 });
    for (const km of [4.5, 5.25, 6]) expect(booleanPointInPolygon(pointAtKm(ROUTE, km), zone!.area)).toBe(true);
    expect(booleanPointInPolygon(pointAtKm(ROUTE, 4.4), zone!.area)).toBe(false);
    expect(booleanPointInPolygon([pointAtKm(ROUTE, 5).coordinates[0]!, 42 + 40 / 111_195], zone!.area)).toBe(false); // 40 m off: outside 30 m
  });

  it('a route drawn by clicking becomes a new segment, saved with the stage and the same line', async () => {
    answer(sdk);
    const wrapper = await open();
    await wrapper.get('[data-testid="tool-route"]').trigger('click');
    const draw = fake.lastDraw();
    expect(draw.mode).toBe('linestring');
    const line = { type: 'LineString', coordinates: [[20.1, 42], [20.11, 42.01], [20.13, 42.01]] };
    draw.finish(line);
    await flushPromises();
    expect(wrapper.get('[data-testid="course-list"]').text()).toContain('Segment 2');
    expect(wrapper.get('[data-testid="field-segment-type"]').element).toHaveProperty('value', 'liaison');
    sdk.requests.length = 0;
    await wrapper.get('[data-testid="save"]').trigger('click');
    await flushPromises();
    expect(sdk.requests.filter((r) => r.method !== 'GET')).toEqual([{ path: '/items/segments', method: 'POST', params: expect.anything(), body: [expect.objectContaining({ stage_id: 'st1', type: 'liaison', sort_order: 2, route: line })] }]);
  });

  it('is read-only for a role that may only read the course', async () => {
    mayEdit = false;
    answer(sdk);
    const wrapper = await open();
    expect(wrapper.get('[data-testid="read-only"]').text()).toContain('You may read this course');
    expect(wrapper.find('[data-testid="save"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="tool-geofence"]').exists()).toBe(false);
    await wrapper.get('[data-testid="item-waypoints:w1"]').trigger('click');
    expect(wrapper.get('[data-testid="field-tolerance"]').attributes('disabled')).toBeDefined();
    expect(wrapper.find('[data-testid="delete-object"]').exists()).toBe(false);
  });
});
