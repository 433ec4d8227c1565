// The import preview on the course map (MapLibre mocked with the toolkit's fake): the parsed file's
// features go into their own source, drawn dashed over the course's layers, with a legend entry and
// the count on the map element; the map fits to them; clearing the preview empties the source.
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { globalDirectives, globalStubs } from '../../../test-utils/stubs';
import { fakeMapLibrary } from '../../../map/test-utils/fake-maplibre';

const fake = fakeMapLibrary();
vi.mock('../../../map/library', () => ({ loadMapLibrary: vi.fn(async () => fake.lib), MAP_CHUNK_PATH: '' }));

const { default: CourseMap } = await import('./course-map.vue');

const PREVIEW: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[20.1, 41.1], [20.3, 41.4]] }, properties: { segment: 'SS3' } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [20.2, 41.2] }, properties: { kind: 'WPM', tolerance_meters: 90 } },
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[20.1, 41.1], [20.15, 41.1], [20.15, 41.15], [20.1, 41.1]]] }, properties: { speed_limit_kmh: 50 } },
  ],
};
const base = { basemaps: [], fitBounds: null, features: null, selectedKey: null, tool: 'select' as const, editing: null, radius: null, focus: null };

describe('course map: import preview', () => {
  it('puts the preview features in their own dashed layers over the course, fits to them, and clears them', async () => {
    const wrapper = mount(CourseMap, { props: { ...base, preview: null, previewInset: 500 }, global: { stubs: globalStubs, directives: globalDirectives } });
    await flushPromises();
    const map = fake.last();
    expect((map.sources.get('course-preview')!.data as FeatureCollection).features).toHaveLength(0);
    expect(wrapper.find('[data-testid="preview-legend"]').exists()).toBe(false);
    const ids = [...map.layers.keys()];
    // Above every course layer, so the new objects read over the existing ones.
    expect(ids.indexOf('course-preview-line')).toBeGreaterThan(ids.indexOf('course-waypoints'));
    expect(map.layers.get('course-preview-line')!.paint).toMatchObject({ 'line-dasharray': ['literal', [2, 1.5]] });

    await wrapper.setProps({ preview: PREVIEW });
    await flushPromises();
    expect(map.sources.get('course-preview')!.data).toBe(PREVIEW);
    expect(map.fitted.at(-1)).toEqual([20.1, 41.1, 20.3, 41.4]);
    expect(wrapper.get('[data-testid="preview-legend"]').text()).toContain('Import preview');
    expect(wrapper.get('.course-map').attributes('data-preview-features')).toBe('3');

    await wrapper.setProps({ preview: null });
    await flushPromises();
    expect((map.sources.get('course-preview')!.data as FeatureCollection).features).toHaveLength(0);
    expect(wrapper.find('[data-testid="preview-legend"]').exists()).toBe(false);
    expect(wrapper.get('.course-map').attributes('data-preview-features')).toBe('0');
  });

  it('draws a preview it is given before the map is ready, and again after a basemap switch', async () => {
    mount(CourseMap, { props: { ...base, preview: PREVIEW }, global: { stubs: globalStubs, directives: globalDirectives } });
    await flushPromises();
    const map = fake.last();
    expect(map.sources.get('course-preview')!.data).toBe(PREVIEW);
    map.setStyle({ name: 'other' });
    await flushPromises();
    expect(map.sources.get('course-preview')!.data).toBe(PREVIEW);
  });
});
