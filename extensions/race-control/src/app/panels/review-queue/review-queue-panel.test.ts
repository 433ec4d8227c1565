import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { QUEUE, STAGE } from '../../modules/gps-review/test-fixtures';
import { createSdkMock, sdkModule, type SdkMock } from '../../test-utils/sdk-mock';
import { globalDirectives, globalStubs } from '../../test-utils/stubs';

const sdk: SdkMock = createSdkMock();
vi.mock('@directus/extensions-sdk', () => sdkModule({ request: (c: never) => sdk.request(c) } as unknown as SdkMock));
const { default: Panel } = await import('./review-queue-panel.vue');

describe('review queue panel', () => {
  it('sums the pending trackers and points of each stage and links the busiest trackers to their review', async () => {
    sdk.on('GET', '/items/stages', [STAGE, { ...STAGE, id: 's2', name: 'Stage 2', starts_at: null }]);
    sdk.on('GET', '/race-control/gps/stages/s1/queue', QUEUE);
    const view = mount(Panel, { props: { devices: 1 }, global: { stubs: { ...globalStubs, 'router-link': { props: ['to'], template: '<a :href="to"><slot /></a>' } }, directives: globalDirectives } });
    await flushPromises();
    const section = view.get('[data-test="queue-s1"]');
    expect(section.get('h4').text()).toContain('2 trackers · 10 points pending');
    expect(section.findAll('li').map((li) => li.findAll('a, span').map((e) => e.text()))).toEqual([['#12 primary', 'Spike 1, No fix 1', '7']]);
    expect(section.get('li a').attributes('href')).toBe('/gps-review/stages/s1/devices/352092110000016');
    // A stage without a first start has no day, so no queue is asked for.
    expect(sdk.requests.some((r) => r.path.includes('/s2/'))).toBe(false);
  });
});
