import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSdkMock, sdkModule, type SdkMock } from '../../../test-utils/sdk-mock';
import { globalDirectives, globalStubs } from '../../../test-utils/stubs';

let sdk: SdkMock = createSdkMock();
vi.mock('@directus/extensions-sdk', () => sdkModule({ request: (c: never) => sdk.request(c) } as unknown as SdkMock));
const { default: EntriesView } = await import('./entries-view.vue');

const entry = (id: string, n: number, code: string, status: string, crew: [string, string, string][], plate: string, imeis: string[]) => ({
  id, race_number: n, status, class_id: { code }, vehicle_id: { make: 'KTM', model: '450 Rally', plate },
  crew: crew.map(([first_name, last_name, role]) => ({ role, user_id: { first_name, last_name } })), devices: imeis.map((imei) => ({ device_id: { imei } })),
});
const ENTRIES = [
  entry('e1', 1, 'M-1', 'registered', [['Dritan', 'Hoxha', 'rider']], 'LW 6640 OR', ['356698081234563']),
  entry('e2', 301, 'C-2', 'registered', [['Erion', 'Hoxhá', 'co-pilot'], ['Ardit', 'Bardhi', 'pilot']], 'TR 1 AL', ['358888881234560']),
  entry('e3', 40, 'M-2', 'withdrawn', [['Luan', 'Gjoka', 'rider']], 'VW 5969 EU', []),
];

function serve() {
  sdk.on('GET', '/items/entries', ENTRIES);
  sdk.on('GET', '/items/events/ev', { name: 'Rally Albania 2026' });
  sdk.on('GET', '/race-control/registration/drafts', [{ run_id: 'r1', entry_id: null, step: 'crew', updated_at: '2026-05-30T10:00:00Z', draft: { crew: [{ person: { last_name: 'Kola' } }], race_number: 12 } }]);
}
const mountView = async () => {
  const view = mount(EntriesView, { props: { event: 'ev' }, global: { stubs: { ...globalStubs, 'router-link': { template: '<a><slot /></a>' } }, directives: globalDirectives } });
  await flushPromises();
  return view;
};
const numbers = (view: Awaited<ReturnType<typeof mountView>>) => view.findAll('[data-test="entries"] tbody tr').map((r) => r.findAll('td')[1]!.text());

beforeEach(() => {
  sdk = createSdkMock();
});

describe('entries list', () => {
  it('shows the event\'s entries with the columns a registrar needs, counts per class and status, and the drafts', async () => {
    serve();
    const view = await mountView();
    expect(sdk.requests[0]).toMatchObject({ path: '/items/entries', params: expect.objectContaining({ filter: { event_id: { _eq: 'ev' } } }) });
    const rows = view.findAll('[data-test="entries"] tbody tr');
    expect(rows[1]!.findAll('td').slice(1, 8).map((td) => td.text())).toEqual(['301', 'C-2', 'Ardit Bardhi / Erion Hoxhá', 'KTM 450 Rally', 'TR 1 AL', '1', 'registered']);
    expect(view.get('[data-test="counts"]').text()).toBe('3 of 3 entries · 2 registered · 1 withdrawn');
    expect(view.get('[data-test="class-counts"]').text()).toMatch(/C-2 1\s*M-1 1\s*M-2 1/);
    expect(view.get('[data-test="drafts"]').text()).toContain('Kola #12 (crew)');
  });

  it('finds entries by number, name without diacritics, plate and IMEI, and filters by class and status', async () => {
    serve();
    const view = await mountView();
    const search = view.get('[data-test="search"]');
    for (const [q, expected] of [['301', ['301']], ['hoxha', ['1', '301']], ['vw5969', ['40']], ['88888812', ['301']]] as const) {
      await search.setValue(q);
      expect(numbers(view), q).toEqual(expected);
    }
    await search.setValue('');
    await view.get('[data-test="status-filter"]').setValue('withdrawn');
    expect(numbers(view)).toEqual(['40']);
    await view.get('[data-test="status-filter"]').setValue('');
    await view.get('[data-test="class-filter"]').setValue('M-1');
    expect(numbers(view)).toEqual(['1']);
  });

  it('confirms the selected entries in one request at the administrative checks', async () => {
    serve();
    sdk.on('PATCH', '/items/entries', []);
    const view = await mountView();
    await view.findAll('[data-test="entries"] tbody tr input[type="checkbox"]')[0]!.setValue(true);
    await view.findAll('[data-test="entries"] tbody tr input[type="checkbox"]')[1]!.setValue(true);
    await view.get('[data-test="bulk-status"]').setValue('confirmed');
    await view.get('[data-test="bulk-apply"]').trigger('click');
    await flushPromises();
    expect(sdk.requests.filter((r) => r.method === 'PATCH')).toEqual([expect.objectContaining({ path: '/items/entries', body: { keys: ['e1', 'e2'], data: { status: 'confirmed' } } })]);
  });

  it('withdraws an entry with a reason through our route', async () => {
    serve();
    sdk.on('POST', '/race-control/registration/entries/e1/withdraw', { data: { status: 'withdrawn' } });
    const view = await mountView();
    await view.findAll('[data-test="withdraw"]')[0]!.trigger('click');
    await view.get('[data-test="withdraw-reason"]').setValue('Broken collarbone in training');
    await view.get('[data-test="withdraw-confirm"]').trigger('click');
    await flushPromises();
    expect(sdk.requests.find((r) => r.method === 'POST')).toMatchObject({ body: { reason: 'Broken collarbone in training' } });
  });

  it('offers no withdrawal for an entry that started, finished or already left', async () => {
    sdk.on('GET', '/items/entries', [...ENTRIES, entry('e4', 5, 'M-1', 'started', [['Ilir', 'Meta', 'rider']], 'TR 5 AL', []), entry('e5', 6, 'M-1', 'confirmed', [['Besa', 'Kola', 'rider']], 'TR 6 AL', [])]);
    sdk.on('GET', '/items/events/ev', { name: 'Rally Albania 2026' });
    sdk.on('GET', '/race-control/registration/drafts', []);
    const view = await mountView();
    const offers = (n: number) => view.get(`[data-test="entry-${n}"]`).find('[data-test="withdraw"]').exists();
    expect([1, 301, 40, 5, 6].map(offers)).toEqual([true, true, false, false, true]);
  });

  it('says so when the list cannot be read', async () => {
    sdk.on('GET', '/items/entries', () => { throw { errors: [{ message: 'You don\'t have permission to access this.' }] }; });
    sdk.on('GET', '/items/events/ev', { name: 'x' });
    sdk.on('GET', '/race-control/registration/drafts', []);
    const view = await mountView();
    // It tries once more after a second before it says so.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await flushPromises();
    expect(sdk.requests.filter((r) => r.path === '/items/entries')).toHaveLength(2);
    expect(view.get('[data-test="error"]').text()).toBe('The entries could not be read: You don\'t have permission to access this.');
  });
});
