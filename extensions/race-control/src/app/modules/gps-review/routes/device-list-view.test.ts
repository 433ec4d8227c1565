import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSdkMock, sdkModule, type SdkMock } from '../../../test-utils/sdk-mock';
import { globalDirectives, globalStubs } from '../../../test-utils/stubs';
import { ENTRIES, IMEI, QUEUE, STAGE, trackAnswer } from '../test-fixtures';

let sdk: SdkMock = createSdkMock();
const push = vi.fn();
vi.mock('@directus/extensions-sdk', () => sdkModule({ request: (c: never) => sdk.request(c) } as unknown as SdkMock));
const { default: DeviceListView } = await import('./device-list-view.vue');

const stubs = { ...globalStubs, 'router-link': { props: ['to'], template: '<a :href="to"><slot /></a>' } };

function serve(queue: unknown = QUEUE) {
  sdk.on('GET', '/items/stages', [STAGE, { ...STAGE, id: 's3', name: 'Stage 3', sort_order: 3, starts_at: null }]);
  sdk.on('GET', '/race-control/gps/stages/s1/queue', queue);
  sdk.on('GET', '/items/entries', ENTRIES);
}
const mountView = async () => {
  const view = mount(DeviceListView, { props: { stageId: 's1' }, global: { stubs, directives: globalDirectives, mocks: { $router: { push } } } });
  await flushPromises();
  return view;
};
const imeis = (view: Awaited<ReturnType<typeof mountView>>) => view.findAll('[data-test="device-table"] tbody tr').map((r) => r.attributes('data-imei'));

beforeEach(() => {
  sdk = createSdkMock();
  push.mockClear();
});

describe('device list of a stage', () => {
  it('shows each tracker with number, crew, class, purpose, suspects by kind, pending, flagged and last fix, pending first', async () => {
    serve();
    const view = await mountView();
    const rows = view.findAll('[data-test="device-table"] tbody tr');
    expect(rows.map((r) => r.findAll('td').map((td) => td.text()))).toEqual([
      ['12', 'Arben Hoxha', 'M-1', 'primary', 'Spike 1No fix 1', '7', '0', '12:15:00'],
      ['301', 'Besnik Leka / Ana Leka', 'C-1', 'primary', 'Clock jump 1', '3', '0', '—'],
      ['12', 'Arben Hoxha', 'M-1', 'backup', 'none', '0', '0', '—'],
    ]);
    expect(view.get('[data-test="count"]').text()).toBe('3 of 3 trackers · 2 with pending suspects');
    // Crews come in one request for all entries, not one per row.
    expect(sdk.requests.filter((r) => r.path === '/items/entries')).toHaveLength(1);
    expect(view.get('[data-test="stage-list"]').text()).toContain('Stage 3');
    expect(view.find('[data-test="stage-3"]').exists()).toBe(false);
  });

  it('sorts by a column and back, and searches', async () => {
    serve();
    const view = await mountView();
    await view.get('[data-test="sort-race_number"]').trigger('click');
    expect(imeis(view)).toEqual([IMEI, '352092110000024', '352092110000032']);
    await view.get('[data-test="sort-race_number"]').trigger('click');
    expect(imeis(view)[0]).toBe('352092110000032');
    await view.get('[data-test="search"]').setValue('backup');
    expect(imeis(view)).toEqual(['352092110000024']);
    await view.get('[data-test="search"]').setValue('#301');
    expect(imeis(view)).toEqual(['352092110000032']);
  });

  it('opens a device, and the next one with pending suspects', async () => {
    serve();
    const view = await mountView();
    await view.findAll('[data-test="device-table"] tbody tr')[2]!.trigger('click');
    expect(push).toHaveBeenLastCalledWith('/gps-review/stages/s1/devices/352092110000024');
    await view.get('[data-test="next-pending"]').trigger('click');
    expect(push).toHaveBeenLastCalledWith(`/gps-review/stages/s1/devices/${IMEI}`);
    // The entry number opens the whole crew (not the row's tracker).
    push.mockClear();
    await view.findAll('[data-test="device-table"] tbody tr')[2]!.get('[data-test="open-entry"]').trigger('click');
    expect(push.mock.calls).toEqual([['/gps-review/stages/s1/entries/e12']]);
  });

  it('says so while the detectors are still computing, and asks again', async () => {
    vi.useFakeTimers();
    serve({ ...QUEUE, state: 'computing', retry_after_ms: 2000, devices: QUEUE.devices.slice(0, 1) });
    const view = await mountView();
    expect(view.get('[data-test="computing"]').text()).toContain('still going through this stage');
    serve();
    await vi.advanceTimersByTimeAsync(2100);
    await flushPromises();
    expect(imeis(view)).toHaveLength(3);
    expect(view.find('[data-test="computing"]').exists()).toBe(false);
    vi.useRealTimers();
  });

  it('shows the API\'s refusal in its words', async () => {
    sdk.on('GET', '/items/stages', [STAGE]);
    sdk.on('GET', '/race-control/gps/stages/s1/queue', () => { throw { errors: [{ message: 'Registrars may not read tracks.' }] }; });
    const view = await mountView();
    expect(view.get('[data-test="error"]').text()).toBe('The devices of this stage could not be read: Registrars may not read tracks.');
  });

  it('lists a participant\'s own trackers when the stage queue is not theirs to read', async () => {
    sdk.on('GET', '/items/stages', [STAGE]);
    sdk.on('GET', '/race-control/gps/stages/s1/queue', () => { throw { errors: [{ message: 'Participants see their own trackers only.', extensions: { code: 'FORBIDDEN' } }] }; });
    sdk.on('GET', '/items/entries', [{ id: 'e12', race_number: 12, class_id: { code: 'M-1' }, crew: ENTRIES[0]!.crew }]);
    sdk.on('GET', '/race-control/gps/track', { header: {}, devices: [trackAnswer()] });
    const view = await mountView();
    expect(view.find('[data-test="error"]').exists()).toBe(false);
    const cells = view.findAll('[data-test="device-table"] tbody tr td').map((td) => td.text());
    expect(cells).toEqual(['12', 'Arben Hoxha', 'M-1', 'primary', 'Spike 1No fix 1Clock jump 1', '7', '0', '07:09:59']);
    const track = new URL(sdk.requests.find((r) => r.path.startsWith('/race-control/gps/track'))!.path, 'http://x').searchParams;
    expect(Object.fromEntries(track)).toMatchObject({ entry_id: 'e12', max_points: '1' });
  });
});
