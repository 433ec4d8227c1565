import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QUEUE } from '../../modules/gps-review/test-fixtures';
import { createSdkMock, sdkModule, type SdkMock } from '../../test-utils/sdk-mock';
import { globalDirectives, globalStubs } from '../../test-utils/stubs';
import { ageWords } from './use-tracker-health';

const sdk: SdkMock = createSdkMock();
vi.mock('@directus/extensions-sdk', () => sdkModule({ request: (c: never) => sdk.request(c) } as unknown as SdkMock));
const { default: Panel } = await import('./tracker-health-panel.vue');

afterEach(() => vi.useRealTimers());

describe('tracker health panel', () => {
  it('shows each entry\'s trackers with last fix age, satellites and power, stale ones marked and first', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-06-07T10:20:00.000Z'), toFake: ['Date'] });
    sdk.on('GET', '/race-control/gps/stages/s1/queue', QUEUE);
    const view = mount(Panel, { props: { stageId: 's1', staleMinutes: 10 }, global: { stubs: globalStubs, directives: globalDirectives } });
    await flushPromises();
    const cells = (imei: string) => view.get(`[data-test="tracker-${imei}"]`).findAll('td').map((td) => td.text());
    // #12's primary fixed 5 min ago (fresh); its backup never fixed (stale), so #12 comes first.
    expect(cells('352092110000016')).toEqual(['#12 M-1', 'primary 000016', '5 min', '11', '12.85 V', '—']);
    expect(view.get('[data-test="tracker-352092110000016"]').classes()).not.toContain('stale');
    expect(cells('352092110000024')).toEqual(['backup 000024', 'no fix', '—', '—', '—']);
    expect(view.get('[data-test="tracker-352092110000024"]').classes()).toContain('stale');
    expect(view.findAll('tbody tr').map((tr) => tr.attributes('data-test'))).toEqual(['tracker-352092110000016', 'tracker-352092110000024', 'tracker-352092110000032']);
    expect(sdk.requests.map((r) => r.path)).toEqual(['/race-control/gps/stages/s1/queue']);
  });

  it('asks for a stage when none is chosen, and words ages', async () => {
    const view = mount(Panel, { props: { stageId: null }, global: { stubs: globalStubs, directives: globalDirectives } });
    await flushPromises();
    expect(view.text()).toContain('Choose a stage');
    expect([ageWords(45), ageWords(185 * 60), ageWords(50 * 3600)]).toEqual(['45 s', '3 h 5 min', '2 d 2 h']);
  });
});
