// The course editor draws the files dialog's preview on its map (SDK and MapLibre mocked): the
// preview source gets the parsed file's features and is emptied when the dialog closes.
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { createSdkMock, sdkModule, type SdkMock } from '../../test-utils/sdk-mock';
import { globalDirectives, globalStubs } from '../../test-utils/stubs';
import { fakeMapLibrary } from '../../map/test-utils/fake-maplibre';
import { validCourse } from '../../../domain/course/fixtures';

const fake = fakeMapLibrary();
const sdk: SdkMock = createSdkMock();
vi.mock('@directus/extensions-sdk', () => sdkModule({ request: (c: never) => sdk.request(c) } as unknown as SdkMock, {
  useStores: () => ({
    useSettingsStore: () => ({ settings: { basemaps: [] } }),
    useUserStore: () => ({ currentUser: { id: 'me' }, isAdmin: false }),
    usePermissionsStore: () => ({ hasPermission: () => true }),
  }),
}));
vi.mock('../../map/library', () => ({ loadMapLibrary: vi.fn(async () => fake.lib), MAP_CHUNK_PATH: '' }));

const { default: CourseEditorView } = await import('./routes/course-editor-view.vue');
const { default: CourseFilesDialog } = await import('./components/course-files/course-files-dialog.vue');

const PREVIEW: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[20.1, 41.1], [20.3, 41.4]] }, properties: { segment: 0 } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [20.2, 41.2] }, properties: { kind: 'WPM' } },
  ],
};

describe('course editor: import preview', () => {
  it('draws the dialog\'s preview over the course and clears it when the dialog closes', async () => {
    const course = validCourse();
    const stamp = { date_updated: '2026-06-01T10:00:00Z', user_updated: 'u1', user_created: 'u1' };
    sdk.on('GET', '/items/stages/st1', { id: 'st1', name: 'Stage 1', status: 'draft', event_id: { id: 'ev1', name: 'Rally' } });
    for (const [c, rows] of [['segments', course.segments], ['waypoints', course.waypoints], ['speed_limit_zones', course.speedZones], ['geofences', course.geofences]] as const) {
      sdk.on('GET', `/items/${c}`, (rows as object[]).map((o) => ({ ...o, ...stamp })));
    }
    sdk.on('GET', '/race-control/stages/st1/course-files', { segments: [] });
    const wrapper = mount(CourseEditorView, { props: { id: 'st1' }, global: { stubs: globalStubs, directives: globalDirectives }, attachTo: document.body });
    await flushPromises();
    await flushPromises();
    const map = fake.last();
    expect((map.sources.get('course-preview')!.data as FeatureCollection).features).toHaveLength(0);

    await wrapper.get('[data-testid="course-files"]').trigger('click');
    wrapper.findComponent(CourseFilesDialog).vm.$emit('preview', PREVIEW);
    await flushPromises();
    expect(map.sources.get('course-preview')!.data).toEqual(PREVIEW);
    expect(map.fitted.at(-1)).toEqual([20.1, 41.1, 20.3, 41.4]);
    expect(wrapper.get('[data-testid="preview-legend"]').text()).toContain('Import preview');

    wrapper.findComponent(CourseFilesDialog).vm.$emit('update:active', false);
    await flushPromises();
    expect((map.sources.get('course-preview')!.data as FeatureCollection).features).toHaveLength(0);
    expect(wrapper.find('[data-testid="preview-legend"]').exists()).toBe(false);
    wrapper.unmount();
  });
});
