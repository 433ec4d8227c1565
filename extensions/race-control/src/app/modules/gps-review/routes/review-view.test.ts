import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSdkMock, sdkModule, type SdkMock } from '../../../test-utils/sdk-mock';
import { globalDirectives, globalStubs } from '../../../test-utils/stubs';
import { BACKUP, BACKUP_SUSPECTS, backupAnswer, ENTRIES, IMEI, iso, QUEUE, STAGE, SUSPECTS, T0, trackAnswer, trackResponse, ZONES } from '../test-fixtures';
import { fakeMapLibrary } from '../../../map/test-utils/fake-maplibre';
import { FakePlot } from '../test-uplot';

let sdk: SdkMock = createSdkMock();
const rights = { position_flags: true };
const push = vi.fn();
vi.mock('@directus/extensions-sdk', () => sdkModule({ request: (c: never) => sdk.request(c) } as unknown as SdkMock, {
  useStores: () => ({
    usePermissionsStore: () => ({ hasPermission: (collection: keyof typeof rights, action: string) => action === 'create' && rights[collection] }),
    useSettingsStore: () => ({ settings: { basemaps: [] } }),
  }),
}));
const fake = fakeMapLibrary();
vi.mock('../../../map/library', () => ({ loadMapLibrary: vi.fn(async () => fake.lib), MAP_CHUNK_PATH: '' }));
vi.mock('uplot', () => ({ default: FakePlot }));
globalThis.ResizeObserver ??= class { observe() {} disconnect() {} } as never;
const { default: ReviewView } = await import('./review-view.vue');

const stubs = { ...globalStubs, 'router-link': { props: ['to'], template: '<a :href="to"><slot /></a>' } };
let emitted: Record<string, string | null> = {};

function serve() {
  sdk.on('GET', '/items/stages', [STAGE]);
  sdk.on('GET', '/race-control/gps/suspects', SUSPECTS);
  sdk.on('GET', '/items/speed_limit_zones', ZONES);
  sdk.on('GET', '/race-control/gps/track', () => trackResponse());
  sdk.on('GET', '/race-control/gps/stages/s1/queue', QUEUE);
  sdk.on('GET', '/items/entries', ENTRIES);
  let n = 0;
  sdk.on('POST', '/race-control/gps/flags', () => ({ changed: 1, matched: 1, flag_id: `f${++n}`, message_id: `m${n}` }));
  sdk.on('GET', '/items/position_flags', (r: { params?: { filter?: { id?: { _in?: string[] } } } }) => {
    const ids = r.params?.filter?.id?._in ?? [];
    return ids.map((id: string) => ({ id, emitted_at: emitted[id] ?? null }));
  });
}
const mountView = async (extra: { at?: string; entryId?: string } = {}) => {
  const view = mount(ReviewView, { props: { stageId: 's1', ...(extra.entryId ? {} : { imei: IMEI }), ...extra }, attachTo: document.body, global: { stubs, directives: globalDirectives, mocks: { $router: { push } } } });
  await flushPromises();
  return view;
};
const key = async (k: string, extra: KeyboardEventInit = {}) => {
  window.dispatchEvent(new KeyboardEvent('keydown', { key: k, ...extra }));
  await flushPromises();
};
/** f, then the flag dialog's submit as it stands. */
const flagIt = async (view: { get(selector: string): { trigger(event: string): Promise<void> } }) => {
  await key('f');
  await view.get('form').trigger('submit');
  await flushPromises();
};
const flagRequests = () => sdk.requests.filter((r) => r.method === 'POST' && r.path === '/race-control/gps/flags').map((r) => r.body);

beforeEach(() => {
  sdk = createSdkMock();
  rights.position_flags = true;
  emitted = {};
  push.mockClear();
  serve();
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('review of one tracker', () => {
  it('reads the stage day\'s track, suspects in time order with evidence and stake, and the zone limits', async () => {
    const view = await mountView();
    const track = new URL(sdk.requests.find((r) => r.path.startsWith('/race-control/gps/track'))!.path, 'http://x').searchParams;
    expect(Object.fromEntries(track)).toMatchObject({ device_id: IMEI, from: '2026-06-07T03:00:00.000Z', to: '2026-06-08T02:59:59.000Z' });
    const items = view.findAll('[data-test="suspect-list"] li');
    expect(items.map((li) => li.attributes('data-reason'))).toEqual(['spike', 'no-fix', 'clock-jump']);
    expect(items[0]!.text()).toContain('412 km/h implied (reported 61, class max 170) · 1500 m off the line');
    expect(items[0]!.text()).toContain('1 penalty at stake · in Fushë-Arrëz');
    expect(view.get('[data-test="facts"]').text()).toContain('600 points · 3 suspects, 3 pending');
    // The chart got the zone's limit where the track is inside it, and the class max from the evidence.
    const zone = FakePlot.last!.data[2] as (number | null)[];
    expect([zone[90], zone[100], zone[120]]).toEqual([null, 50, null]);
    expect((FakePlot.last!.data[3] as number[])[0]).toBe(170);
  });

  it('steps to the spike by keyboard, flags it with its reason, and shows the message pending then sent', async () => {
    vi.useFakeTimers();
    const view = await mountView();
    await key('j');
    expect(view.get('[data-test="suspect-0"]').classes()).toContain('current');
    expect(FakePlot.last!.scale).toEqual({ min: Date.parse(iso(100)) / 1000 - 300, max: Date.parse(iso(100)) / 1000 + 300 });
    await key('f');
    expect((view.get('[data-test="reason"]').element as HTMLSelectElement).value).toBe('spike');
    await view.get('[data-test="note"]').setValue('through Fushë-Arrëz at 412');
    await view.get('form').trigger('submit');
    await flushPromises();
    expect(flagRequests()).toEqual([{ action: 'flag', device_id: IMEI, reason: 'spike', note: 'through Fushë-Arrëz at 412', from: iso(100), to: iso(100) }]);
    expect(view.get('[data-test="action-log"] li').attributes('data-message')).toBe('pending');
    expect(view.get('[data-test="suspect-0"]').classes()).toContain('decided');
    expect(view.get('[data-test="facts"]').text()).toContain('3 suspects, 2 pending');
    emitted.f1 = '2026-06-07T20:00:01.000Z';
    await vi.advanceTimersByTimeAsync(1600);
    await flushPromises();
    expect(view.get('[data-test="action-log"] li').attributes('data-message')).toBe('sent');
    vi.useRealTimers();
  });

  it('selects a time range on the chart, flags it, and undoes with the inverse call', async () => {
    const view = await mountView();
    FakePlot.last!.dragSelect(199.5, 5);
    await flushPromises();
    expect(view.get('[data-test="facts"]').text()).toContain('selected 5 points');
    await flagIt(view);
    await key('u');
    expect(flagRequests()).toEqual([
      { action: 'flag', device_id: IMEI, reason: 'spike', from: iso(200), to: iso(204) },
      { action: 'unflag', device_id: IMEI, reason: 'flagged-in-error', note: 'Undo of the flag (spike)', from: iso(200), to: iso(204) },
    ]);
    expect(view.findAll('[data-test="action-log"] li').map((li) => li.attributes('data-op'))).toEqual(['unflag', 'flag']);
    expect(view.get('[data-test="facts"]').text()).toContain('3 pending');
  });

  it('selects all suspects of the current kind and flags them in one request by their points', async () => {
    sdk.on('GET', '/race-control/gps/suspects', [...SUSPECTS, { ...SUSPECTS[1]!, from: iso(300), to: iso(301) }]);
    const view = await mountView();
    await key('j');
    await key('a');
    expect(view.get('[data-test="facts"]').text()).toContain('selected 3 points');
    await flagIt(view);
    expect(flagRequests()[0]).toMatchObject({ action: 'flag', reason: 'spike', points: [iso(100), iso(300), iso(301)] });
  });

  it('follows the chart\'s hover, and takes a refusal back with the server\'s words', async () => {
    sdk.on('POST', '/race-control/gps/flags', () => { throw { errors: [{ message: 'Timekeepers may read tracks but not flag them.' }] }; });
    const view = await mountView();
    FakePlot.last!.hover(42);
    await flushPromises();
    expect((view.vm as unknown as { cursor: number }).cursor).toBe(42);
    await key('j');
    await flagIt(view);
    expect(view.get('[data-test="action-error"]').text()).toBe('Timekeepers may read tracks but not flag them.');
    expect(view.get('[data-test="action-log"] li').attributes('data-message')).toBe('failed');
    expect(view.get('[data-test="suspect-0"]').classes()).not.toContain('decided');
  });

  it('is read-only for a role that may read but not flag: no buttons, f does nothing', async () => {
    rights.position_flags = false;
    const view = await mountView();
    expect(view.get('[data-test="read-only"]').text()).toBe('Read only');
    expect(view.find('[data-test="flag"]').exists()).toBe(false);
    await key('j');
    await key('f');
    expect(view.find('[data-test="flag-dialog"]').exists()).toBe(false);
    expect(flagRequests()).toEqual([]);
  });

  it('shows the shortcuts, and goes to the next device with pending suspects', async () => {
    const view = await mountView();
    await key('?');
    expect(view.get('[data-test="shortcuts-help"]').text()).toContain('Next pending suspect');
    await key('n');
    expect(push).toHaveBeenCalledWith('/gps-review/stages/s1/devices/352092110000032');
  });

  it('draws the course under the track and the points by index; lasso selects, flag and selection are feature states', async () => {
    sdk.on('GET', '/items/segments', [{ id: 'sg1', sort_order: 1, type: 'special-stage', name: 'SS1', route: { type: 'LineString', coordinates: [[19.5, 42.05], [19.62, 42.05]] },
      entry_geofence_id: null, exit_geofence_id: null, waypoints: [{ id: 'w1', segment_id: 'sg1', kind: 'WPV', name: 'WP1', location: { type: 'Point', coordinates: [19.55, 42.05] }, tolerance_meters: 90, open_radius_meters: null }],
      speed_limit_zones: [{ id: 'z1', segment_id: 'sg1', name: 'Fushë-Arrëz', area: ZONES[0]!.area, speed_limit_kmh: 50 }] }]);
    const view = await mountView();
    const map = fake.last() as ReturnType<typeof fake.last> & { getZoom(): number };
    map.getZoom = () => 14;
    const order = [...map.layers.keys()];
    expect(order.indexOf('course-routes')).toBeLessThan(order.indexOf('gr-points'));
    expect((map.sources.get('course-zones')!.data as { features: unknown[] }).features).toHaveLength(1);
    // The first draw: the line and the 7 suspect points; every point once that is on screen.
    const pointsNow = () => map.sources.get('gr-points')!.data as { features: { id: number }[] };
    expect(pointsNow().features.map((f) => f.id)).toEqual([100, 200, 201, 202, 203, 204, 400]);
    map.fire('idle');
    const points = pointsNow();
    expect(points.features).toHaveLength(600);
    expect(view.get('[data-test="review-map"]').attributes('data-drawn')).toBe('false');
    map.fire('idle');
    await flushPromises();
    expect(view.get('[data-test="review-map"]').attributes('data-drawn')).toBe('true');
    expect(points.features[100]!.id).toBe(100);

    await key('l');
    const at = (lng: number, lat: number, extra = {}) => ({ lngLat: { lng, lat }, originalEvent: {}, preventDefault() {}, ...extra });
    map.fire('mousedown', at(19.5399, 42.04));
    for (const [lng, lat] of [[19.5419, 42.04], [19.5419, 42.06], [19.5399, 42.06]]) map.fire('mousemove', at(lng!, lat!));
    map.fire('mouseup', at(19.5399, 42.06));
    await flushPromises();
    expect(view.get('[data-test="facts"]').text()).toContain('selected 10 points');
    expect(map.featureStates.get('gr-points:203')).toEqual({ sel: true });
    await flagIt(view);
    expect(flagRequests()[0]).toMatchObject({ action: 'flag', from: iso(200), to: iso(209) });
    expect(map.featureStates.get('gr-points:205')).toEqual({ f: 1 });
    await key('Escape');
    expect(map.featureStates.get('gr-points:205')).toEqual({ sel: false });
  });

  it('opens at the time given by the whole-stage map: its suspect becomes current, else the point alone', async () => {
    let view = await mountView({ at: iso(100) });
    expect(view.get('[data-test="suspect-0"]').classes()).toContain('current');
    view.unmount();
    view = await mountView({ at: new Date(Date.parse(iso(50)) + 300).toISOString() });
    expect(view.find('.current').exists()).toBe(false);
    expect([...(view.vm as unknown as { selection: Uint32Array }).selection]).toEqual([50]);
    expect((view.vm as unknown as { cursor: number }).cursor).toBe(50);
    expect(view.get('[data-test="facts"]').text()).toContain('selected 1 point');
    // The map opens on that point, not on the whole day.
    expect(fake.last().fitted.length).toBeGreaterThan(0);
  });
});

describe('review of one entry, its trackers side by side', () => {
  const param = (path: string, k: string) => new URL(path, 'http://x').searchParams.get(k);
  beforeEach(() => {
    sdk.on('GET', '/race-control/gps/track', (r: { path: string }) => (param(r.path, 'entry_id') === 'e12' ? trackResponse(backupAnswer(), trackAnswer()) : trackResponse()));
    sdk.on('GET', '/race-control/gps/suspects', (r: { path: string }) => (param(r.path, 'device_id') === BACKUP ? BACKUP_SUSPECTS : SUSPECTS));
  });
  const backupSpike = new Date(T0 + 150_500).toISOString();

  it('reads the entry\'s trackers in one request and shows each in its colour on one map and one chart', async () => {
    const view = await mountView({ entryId: 'e12' });
    expect(param(sdk.requests.find((r) => r.path.startsWith('/race-control/gps/track'))!.path, 'entry_id')).toBe('e12');
    expect(sdk.requests.filter((r) => r.path.startsWith('/race-control/gps/suspects')).map((r) => param(r.path, 'device_id')).sort()).toEqual([IMEI, BACKUP]);
    // Primary first although the API named the backup first.
    expect(view.findAll('[data-test="tracker-legend"] li').map((li) => li.text())).toEqual(['primary …0016', 'backup …0024']);
    const map = fake.last();
    const lines = map.sources.get('gr-track-line')!.data as { features: { properties: { tr: number }; geometry: { coordinates: unknown[] } }[] };
    expect(lines.features.map((f) => [f.properties.tr, f.geometry.coordinates.length])).toEqual([[0, 600], [1, 600]]);
    map.fire('idle');
    expect((map.sources.get('gr-points')!.data as { features: unknown[] }).features).toHaveLength(1200);
    // x, one speed line per tracker, then zone limit, class max, suspect, flagged, selected.
    expect(FakePlot.last!.data).toHaveLength(8);
    expect(FakePlot.last!.opts.series.map((s) => s.stroke).slice(1, 3)).toEqual(['#3d8bfd', '#099268']);
    expect(view.get('[data-test="chart-tracker-1"]').text()).toBe('backup …0024');
    expect(view.get('[data-test="facts"]').text()).toContain('1,200 points · 4 suspects, 4 pending');
  });

  it('merges the suspects in time order tagged by tracker; the keyboard steps across trackers and a flag goes to the right one', async () => {
    const view = await mountView({ entryId: 'e12' });
    const items = view.findAll('[data-test="suspect-list"] li');
    expect(items.map((li) => [li.attributes('data-reason'), li.attributes('data-tracker')])).toEqual([['spike', IMEI], ['spike', BACKUP], ['no-fix', IMEI], ['clock-jump', IMEI]]);
    expect(items[1]!.get('[data-test="suspect-tracker"]').text()).toBe('backup …0024');
    await key('j');
    await key('j');
    expect(view.get('[data-test="suspect-1"]').classes()).toContain('current');
    await flagIt(view);
    expect(flagRequests()).toEqual([{ action: 'flag', device_id: BACKUP, reason: 'spike', from: backupSpike, to: backupSpike }]);
    expect(view.get('[data-test="action-tracker"]').text()).toBe('backup …0024');
    // The backup's point 150 is point 750 of the whole: its feature state says flagged.
    expect(fake.last().featureStates.get('gr-points:750')).toMatchObject({ f: 1 });
    await key('k');
    expect(view.get('[data-test="suspect-0"]').classes()).toContain('current');
  });

  it('flags a time range on the chart per tracker, and undo takes back the last of them', async () => {
    const view = await mountView({ entryId: 'e12' });
    FakePlot.last!.dragSelect(199.4, 2);
    await flushPromises();
    // 199.4 s … 201.4 s after the first point: the primary's 200, 201 and the backup's 199.5, 200.5.
    expect(view.get('[data-test="facts"]').text()).toContain('selected 4 points');
    await flagIt(view);
    expect(flagRequests().map((b) => (b as { device_id: string }).device_id)).toEqual([IMEI, BACKUP]);
    expect(flagRequests()[0]).toMatchObject({ from: iso(200), to: iso(201) });
    await key('u');
    expect(flagRequests()[2]).toMatchObject({ action: 'unflag', device_id: BACKUP, reason: 'flagged-in-error' });
  });

  it('is read-only for a role that may not flag, and a tracker opens from the entry; the entry from a tracker', async () => {
    rights.position_flags = false;
    let view = await mountView({ entryId: 'e12' });
    expect(view.find('[data-test="flag"]').exists()).toBe(false);
    expect(view.get('[data-test="tracker-legend"] a').attributes('href')).toBe(`/gps-review/stages/s1/devices/${IMEI}`);
    view.unmount();
    view = await mountView();
    expect(view.find('[data-test="tracker-legend"]').exists()).toBe(false);
    expect(view.get('[data-test="whole-crew"]').attributes('to')).toBe('/gps-review/stages/s1/entries/e12');
  });
});
