import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createSdkMock, sdkModule, type SdkMock } from '../../../test-utils/sdk-mock';
import { globalDirectives, globalStubs } from '../../../test-utils/stubs';

let sdk: SdkMock = createSdkMock();
const rights = { stages: true, entry_segment_starts: true };
vi.mock('@directus/extensions-sdk', () => sdkModule({ request: (c: never) => sdk.request(c) } as unknown as SdkMock, {
  useStores: () => ({ usePermissionsStore: () => ({ hasPermission: (collection: keyof typeof rights) => rights[collection] }) }),
}));
const { default: StartListView } = await import('./start-list-view.vue');

// v-input with a real <input>, so the dialog's fields can be typed into.
const InputStub = defineComponent({
  props: { modelValue: { type: [String, Number], default: '' } },
  emits: ['update:modelValue'],
  setup(props, { emit, attrs }) {
    return () => h('input', { ...attrs, value: props.modelValue, onInput: (e: Event) => emit('update:modelValue', (e.target as HTMLInputElement).value) });
  },
});
const stubs = { ...globalStubs, 'v-input': InputStub, 'router-link': true };

const stage = (status: string) => ({
  id: 's2', name: 'Stage 2 Kukës – Peshkopi', status, sort_order: 2, starts_at: '2026-06-08T05:00:00.000Z', start_interval_seconds: 60,
  start_order_strategy: 'inverse_top_n_then_natural', start_order_strategy_params: { n: 20 }, event_id: { id: 'ev', name: 'Rally Albania 2026', timezone: 'Europe/Tirane' },
});
const segments = [
  { id: 'li', name: 'Liaison Kukës – Shishtavec', sort_order: 1, type: 'liaison', entry_geofence_id: null, exit_geofence_id: { name: 'SS2 start', kind: 'start', closes_at: '2026-06-08T07:43:00.000Z' } },
  { id: 'ss', name: 'SS2 Korab', sort_order: 2, type: 'special-stage', entry_geofence_id: null, exit_geofence_id: null },
];
const entry = (id: string, n: number, first: string, last: string) => ({ id, race_number: n, class_id: { code: 'M-1' }, crew: [{ role: 'rider', user_id: { first_name: first, last_name: last } }] });
const starts = [
  { id: 'r1', segment_id: 'li', start_position: 1, target_at: '2026-06-08T05:00:00.000Z', manual_override: false, entry_id: entry('e20', 20, 'Arben', 'Hoxha') },
  { id: 'r2', segment_id: 'ss', start_position: 1, target_at: '2026-06-08T05:09:00.000Z', manual_override: false, entry_id: entry('e20', 20, 'Arben', 'Hoxha') },
  { id: 'r3', segment_id: 'li', start_position: 2, target_at: '2026-06-08T05:01:00.000Z', manual_override: true, entry_id: entry('e7', 7, 'Elira', 'Doe, Jr') },
  { id: 'r4', segment_id: 'ss', start_position: 2, target_at: null, manual_override: true, entry_id: entry('e7', 7, 'Elira', 'Doe, Jr') },
];

function serve(status: string, rows = starts) {
  sdk.on('GET', '/items/stages', (r: { params?: { filter?: unknown } }) => (r.params?.filter ? [stage(status)] : [stage(status), { ...stage('published'), id: 's3', name: 'Stage 3', sort_order: 3 }]));
  sdk.on('GET', '/items/segments', segments);
  sdk.on('GET', '/items/entry_segment_starts', rows);
}
const mountView = async () => {
  const view = mount(StartListView, { props: { id: 's2' }, global: { stubs, directives: globalDirectives } });
  await flushPromises();
  return view;
};

beforeEach(() => {
  sdk = createSdkMock();
  Object.assign(rights, { stages: true, entry_segment_starts: true });
});

describe('start list', () => {
  it('shows order, numbers, crews, classes and target times in the event\'s time zone, pinned starts marked', async () => {
    serve('open');
    const view = await mountView();
    const rows = view.findAll('[data-test="start-list"] tbody tr');
    expect(rows.map((r) => r.findAll('td').slice(0, 6).map((td) => td.text()))).toEqual([
      ['1', '20', 'Arben Hoxha', 'M-1', '07:00:00', '07:09:00'],
      ['2', '7', 'Elira Doe, Jr', 'M-1', '07:01:00', '—'],
    ]);
    expect(rows[1]!.classes()).toContain('pinned');
    expect(view.get('[data-test="facts"]').text()).toMatch(/Open · first start 07:00:00 \(Europe\/Tirane\) · every 60 s · top 20 reversed, then natural · 2 starters/);
    expect(view.get('[data-test="controls"]').text()).toContain('SS2 start (start) closes 09:43:00');
    expect(view.text()).toContain('Stage 3');
  });

  it('moves an entry through our route, then reads the list again', async () => {
    serve('open');
    sdk.on('POST', '/race-control/stages/s2/starts/move', { data: { rows: 4 } });
    const view = await mountView();
    await view.get('[data-test="change-20"]').trigger('click');
    await view.get('[data-test="position"]').setValue('2');
    await view.get('[data-test="move"]').trigger('click');
    await flushPromises();
    const posted = sdk.requests.filter((r) => r.method === 'POST');
    expect(posted).toEqual([expect.objectContaining({ path: '/race-control/stages/s2/starts/move', body: { entry_id: 'e20', position: 2 } })]);
    expect(sdk.requests.filter((r) => r.path === '/items/entry_segment_starts')).toHaveLength(2);
    expect(view.get('[data-test="done"]').text()).toBe('Moved to position 2.');
  });

  it('sets a late arrival\'s time, written in the event\'s zone', async () => {
    serve('open');
    sdk.on('POST', '/race-control/stages/s2/starts/late', { data: {} });
    const view = await mountView();
    await view.get('[data-test="change-7"]').trigger('click');
    await view.get('[data-test="late-time"]').setValue('09:30');
    await view.get('[data-test="late"]').trigger('click');
    await flushPromises();
    expect(sdk.requests.find((r) => r.method === 'POST')?.body).toEqual({ entry_id: 'e7', start_at: '2026-06-08T07:30:00.000Z' });
  });

  it('opens a published stage with a status change and shows the server\'s refusal in its words', async () => {
    serve('published', []);
    sdk.on('PATCH', '/items/stages/s2', () => { throw { errors: [{ message: 'The input stage has no results yet.' }] }; });
    const view = await mountView();
    expect(view.text()).toContain('The start list is written when the stage opens');
    await view.get('[data-test="open-stage"]').trigger('click');
    await flushPromises();
    expect(sdk.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ status: 'open' });
    expect(view.get('[data-test="error"]').text()).toBe('The input stage has no results yet.');
  });

  it('reseeds keeping hand-set starts unless told otherwise', async () => {
    serve('open');
    sdk.on('POST', '/race-control/stages/s2/reseed', { data: {} });
    const view = await mountView();
    await view.get('[data-test="reseed-confirm"]').trigger('click');
    await flushPromises();
    expect(sdk.requests.find((r) => r.method === 'POST')?.body).toEqual({ keep_overrides: true });
  });

  it('shows a marshal (who may only read) the list without the buttons that change it', async () => {
    Object.assign(rights, { stages: false, entry_segment_starts: false });
    serve('open');
    const view = await mountView();
    expect(view.findAll('[data-test="start-list"] tbody tr')).toHaveLength(2);
    expect(view.find('[data-test="change-20"]').exists()).toBe(false);
    expect(view.find('[data-test="reseed"]').exists()).toBe(false);
    expect(view.find('[data-test="export-csv"]').exists()).toBe(true);
  });

  it('exports the list as CSV', async () => {
    serve('open');
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => { blobs.push(b); return 'blob:csv'; });
    URL.revokeObjectURL = vi.fn();
    const view = await mountView();
    await view.get('[data-test="export-csv"]').trigger('click');
    expect(await blobs[0]!.text()).toBe(
      'position,race_number,crew,class,target Liaison Kukës – Shishtavec,target SS2 Korab,set_by_hand\r\n' +
      '1,20,Arben Hoxha,M-1,2026-06-08T05:00:00.000Z,2026-06-08T05:09:00.000Z,\r\n' +
      '2,7,"Elira Doe, Jr",M-1,2026-06-08T05:01:00.000Z,,yes\r\n');
  });
});
