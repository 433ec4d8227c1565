import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readCourseFile } from '../../../../../domain/course-files/index';
import { kml, openRallyV103 } from '../../../../../domain/course-files/fixtures';
import { createSdkMock, sdkModule, type SdkMock } from '../../../../test-utils/sdk-mock';
import { globalDirectives, globalStubs } from '../../../../test-utils/stubs';
import { previewGeoJson } from '../../../../../domain/course-files/preview';
import { fromWire, toWire, type ParseRequest } from './parse-messages';

let sdk: SdkMock = createSdkMock();
vi.mock('@directus/extensions-sdk', () => sdkModule({ request: (c: never) => sdk.request(c) } as unknown as SdkMock));
// The worker itself is built by scripts/build-map-chunk.mjs; here the same domain code runs in the test's thread.
let hold: Promise<void> = Promise.resolve();
vi.mock('./parse-in-worker', () => ({
  parseInWorker: async (req: ParseRequest, onProgress: (f: number, s: string) => void) => {
    onProgress(0.5, 'Reading tracks and waypoints');
    await hold;
    const course = readCourseFile(await req.file.text(), { fileName: req.file.name, ...(req.toleranceMeters === null ? {} : { toleranceMeters: req.toleranceMeters }) });
    return { course: fromWire(toWire(course).course), preview: previewGeoJson(course) };
  },
}));
const { default: Dialog } = await import('./course-files-dialog.vue');

const segments = [
  { id: 'l1', name: 'Liaison Shkodër – Drisht', type: 'liaison', waypoints: 0, speedZones: 2 },
  { id: 'ss', name: 'SS1 Drisht – Kolsh', type: 'special-stage', waypoints: 25, speedZones: 3 },
];

beforeEach(() => {
  sdk = createSdkMock().on('GET', '/race-control/stages/s1/course-files', { segments });
  hold = Promise.resolve();
});

async function mountWithFile(text = openRallyV103, name = 'ss1.gpx') {
  const view = mount(Dialog, { props: { stageId: 's1', eventId: 'ev', active: true }, global: { stubs: globalStubs, directives: globalDirectives } });
  await flushPromises();
  const input = view.get('[data-file]');
  Object.defineProperty(input.element, 'files', { value: [new File([text], name)] });
  await input.trigger('change');
  await flushPromises();
  return view;
}

describe('course files dialog: import', () => {
  it('parses the picked file with progress and previews what the save will do', async () => {
    let release!: () => void;
    hold = new Promise((r) => { release = r; });
    const view = mount(Dialog, { props: { stageId: 's1', active: true }, global: { stubs: globalStubs, directives: globalDirectives } });
    await flushPromises();
    const input = view.get('[data-file]');
    Object.defineProperty(input.element, 'files', { value: [new File([openRallyV103], 'ss1.gpx')] });
    await input.trigger('change');
    await flushPromises();
    expect(view.get('[role=progressbar]').attributes('aria-valuenow')).toBe('50');
    expect(view.text()).toContain('Reading tracks and waypoints…');
    release();
    await flushPromises();
    expect(view.find('[role=progressbar]').exists()).toBe(false);
    expect(view.get('[data-summary]').text()).toMatch(/^Adds 2 routes, 8 waypoints, 1 speed zone; skips 1 track point with no coordinates, 1 roadbook box with no waypoint kind; drops \d+ vertices within 1 m/);
    // Warnings first: the roadbook km that disagrees with the route.
    expect(view.get('[data-notes] li').text()).toMatch(/^WPP 5: roadbook km 6\.40/);
    expect(view.findAll('circle')).toHaveLength(8);
  });

  it('lets the race director send a route to a segment, replace the stage\'s objects and change the tolerance', async () => {
    const view = await mountWithFile();
    await view.get('[data-segment="0"]').setValue('ss');
    expect(view.get('[data-summary]').text()).toMatch(/adds 1 route, .*; replaces the route of SS1 Drisht – Kolsh;/i);
    await view.get('[data-mode="replace"]').trigger('change');
    expect(view.get('[data-summary]').text()).toMatch(/replaces the route of SS1 Drisht – Kolsh, 25 waypoints, 5 speed zones/);
    await view.get('[data-tolerance]').setValue('0');
    await view.get('[data-tolerance]').trigger('change');
    await flushPromises();
    expect(view.get('[data-summary]').text()).not.toMatch(/drops/);
  });

  it('saves in one call with the previewed course, every vertex kept, and tells the editor', async () => {
    sdk.on('POST', '/race-control/stages/s1/course-files/import', { summary: 'adds 2 routes, 8 waypoints, 1 speed zone', segments: { created: ['n1', 'n2'], updated: [] }, waypoints: 8, speedZones: 1, problems: [{ severity: 'error', code: 'out_of_order', message: 'WPM 1 comes before WPV 2 along the route' }] });
    const view = await mountWithFile();
    await view.get('[data-save]').trigger('click');
    await flushPromises();
    const post = sdk.requests.find((r) => r.method === 'POST')!;
    const body = post.body as { file: { name: string; text: string }; mode: string; segments: unknown[]; tolerance_meters: number };
    expect(body).toMatchObject({ mode: 'add', segments: [null, null], tolerance_meters: 0 });
    expect(JSON.parse(body.file.text)).toMatchObject({ type: 'FeatureCollection', generator: 'race-control' });
    expect(view.emitted('imported')?.[0]?.[0]).toMatchObject({ waypoints: 8 });
    expect(view.get('[data-saved]').text()).toBe('Saved: adds 2 routes, 8 waypoints, 1 speed zone.');
    expect(view.get('[data-checks]').text()).toBe('Blocks publishing: WPM 1 comes before WPV 2 along the route');
  });

  it('shows the server\'s refusal in its words', async () => {
    sdk.on('POST', '/race-control/stages/s1/course-files/import', () => { throw { errors: [{ message: 'Speed zone "Village" crosses itself near 42.05, 19.9: redraw it as one simple ring.' }] }; });
    const view = await mountWithFile(kml, 'recce.kml');
    await view.get('[data-save]').trigger('click');
    await flushPromises();
    expect(view.get('[data-error]').text()).toMatch(/crosses itself/);
  });

  it('refuses a bad file with words a race director can act on, and offers no save', async () => {
    const view = await mountWithFile('', 'empty.gpx');
    expect(view.get('[data-error]').text()).toMatch(/"empty.gpx" is empty/);
    expect(view.get('[data-save]').attributes('disabled')).toBeDefined();
  });

  it('emits the parsed course as GeoJSON for the editor\'s map', async () => {
    const view = await mountWithFile();
    const preview = view.emitted('preview')!.at(-1)![0] as { features: unknown[] };
    expect(preview.features).toHaveLength(2 + 8 + 1);
    expect(view.get('.course-files').classes()).toContain('previewing'); // docked right, the map stays visible
  });

  it('clears the preview when the dialog closes, and once the import is saved', async () => {
    const closed = await mountWithFile();
    await closed.setProps({ active: false });
    await flushPromises();
    expect(closed.emitted('preview')!.at(-1)![0]).toBeNull();

    sdk.on('POST', '/race-control/stages/s1/course-files/import', { summary: 'adds 2 routes', segments: { created: ['n1', 'n2'], updated: [] }, waypoints: 8, speedZones: 1, problems: [] });
    const saved = await mountWithFile();
    expect(saved.emitted('preview')!.at(-1)![0]).not.toBeNull();
    await saved.get('[data-save]').trigger('click');
    await flushPromises();
    expect(saved.emitted('preview')!.at(-1)![0]).toBeNull();
    expect(saved.get('.course-files').classes()).not.toContain('previewing');
  });
});

describe('course files dialog: export', () => {
  it('downloads the stage as OpenRally GPX, and the whole event', async () => {
    const response = { headers: new Headers({ 'Content-Disposition': 'attachment; filename="stage-1.openrally.gpx"' }), blob: async () => new Blob(['<gpx/>']) };
    sdk.on('GET', /\/course-files\/export/, response);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const view = mount(Dialog, { props: { stageId: 's1', eventId: 'ev', active: true }, global: { stubs: globalStubs, directives: globalDirectives } });
    await flushPromises();
    await view.get('[data-export="openrally"]').trigger('click');
    await view.get('[data-export-event]').trigger('click');
    await flushPromises();
    expect(sdk.requests.filter((r) => r.method === 'GET' && r.path.includes('export')).map((r) => r.path)).toEqual([
      '/race-control/stages/s1/course-files/export?format=openrally',
      '/race-control/events/ev/course-files/export?format=openrally',
    ]);
  });
});

describe('course files dialog: hostile names', () => {
  it('shows a route name with HTML/script as text, and sends it as text', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    const file = `<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>&lt;img src=x onerror=alert(1)&gt;</name><trkseg>` +
      '<trkpt lat="42.05" lon="19.9"/><trkpt lat="42.06" lon="19.91"/><trkpt lat="42.07" lon="19.93"/></trkseg></trk></gpx>';
    sdk.on('POST', '/race-control/stages/s1/course-files/import', { summary: 'adds 1 route', segments: { created: ['x'], updated: [] }, waypoints: 0, speedZones: 0, problems: [] });
    const view = await mountWithFile(file, 'hostile.gpx');
    expect(view.find('.routes img').exists()).toBe(false);
    expect(view.get('.routes td').text()).toContain(markup);
    await view.get('[data-save]').trigger('click');
    await flushPromises();
    const body = sdk.requests.find((r) => r.method === 'POST')!.body as { file: { text: string } };
    expect(JSON.parse(body.file.text).features[0].properties.name).toBe(markup);
  });
});
