import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { createSdkMock, sdkModule, type SdkMock } from '../../test-utils/sdk-mock';

const sdk: SdkMock = createSdkMock();
vi.mock('@directus/extensions-sdk', () => sdkModule({ request: (c: never) => sdk.request(c) } as unknown as SdkMock));
const { default: Panel } = await import('./entries-by-class.vue');

describe('entries by class panel', () => {
  it('counts the event\'s entries by class and status with one aggregate request', async () => {
    sdk.on('GET', '/items/events', [{ id: 'ev', name: 'Rally Albania 2026' }]);
    sdk.on('GET', '/items/classes', [{ id: 'm1', code: 'M-1' }, { id: 'c2', code: 'C-2' }]);
    sdk.on('GET', '/items/entries', [
      { class_id: 'c2', status: 'registered', count: '3' }, { class_id: 'm1', status: 'confirmed', count: '10' }, { class_id: 'm1', status: 'withdrawn', count: '1' },
    ]);
    const view = mount(Panel, { props: { event: 'ev' } });
    await flushPromises();
    const rows = view.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()));
    expect(view.findAll('thead th').map((th) => th.text())).toEqual(['Class', 'registered', 'confirmed', 'withdrawn', 'total']);
    expect(rows).toEqual([['M-1', '', '10', '1', '11'], ['C-2', '3', '', '', '3']]);
    expect(view.get('caption').text()).toBe('Rally Albania 2026 · 14 entries');
    const counted = sdk.requests.find((r) => r.path === '/items/entries');
    expect(counted?.params).toMatchObject({ aggregate: { count: '*' }, groupBy: ['class_id', 'status'] });
  });
});
