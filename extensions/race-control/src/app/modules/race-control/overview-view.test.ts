import { mount, flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { createSdkMock, sdkModule } from '../../test-utils/sdk-mock';
import { globalDirectives, globalStubs } from '../../test-utils/stubs';

const sdk = createSdkMock();
vi.mock('@directus/extensions-sdk', () => sdkModule(sdk));
const { default: OverviewView } = await import('./overview-view.vue');

describe('race-control overview', () => {
  it('shows the API status it reads through the SDK', async () => {
    sdk.on('GET', '/race-control/status', { status: 'ok', extension: '9.9.9', postgis: '3.3.2' });
    const view = mount(OverviewView, { global: { stubs: globalStubs, directives: globalDirectives } });
    await flushPromises();
    expect(view.get('[data-test="status"]').text()).toContain('9.9.9');
    expect(sdk.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /race-control/status']);
  });

  it('says in words when the API does not answer', async () => {
    sdk.on('GET', '/race-control/status', () => { throw { errors: [{ message: 'Service unavailable' }] }; });
    const view = mount(OverviewView, { global: { stubs: globalStubs, directives: globalDirectives } });
    await flushPromises();
    expect(view.text()).toContain('The race-control API did not answer: Service unavailable');
  });
});
