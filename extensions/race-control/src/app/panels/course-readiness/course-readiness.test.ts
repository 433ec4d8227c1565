// The Course readiness panel with the SDK and the map chunk mocked (the chunk's checks are the real
// domain checks): per stage of the event, objects counted by kind, open problems by severity, and a
// link to the course editor; the whole event in six reads.
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { checkCourse } from '../../../domain/course/checks';
import { validCourse } from '../../../domain/course/fixtures';
import { createSdkMock, sdkModule, type SdkMock } from '../../test-utils/sdk-mock';

const sdk: SdkMock = createSdkMock();
vi.mock('@directus/extensions-sdk', () => sdkModule({ request: (c: never) => sdk.request(c) } as unknown as SdkMock));
const loadMapLibrary = vi.fn(async () => ({ course: { checkCourse } }));
vi.mock('../../map/library', () => ({ loadMapLibrary: () => loadMapLibrary(), MAP_CHUNK_PATH: '' }));
const { default: Panel } = await import('./course-readiness.vue');

const RouterLink = defineComponent({ props: { to: { type: String, required: true } }, setup: (p, { slots, attrs }) => () => h('a', { ...attrs, href: `/admin${p.to}` }, slots.default?.()) });

describe('course readiness panel', () => {
  it('counts each stage\'s course objects by kind and its open problems, linking to the editor', async () => {
    const good = validCourse();
    // Stage 2: the same course without its ASS (an error: a special must end with one).
    const bad = validCourse();
    const seg2 = { ...bad.segments[0]!, id: 'ss2', stage_id: 'st2' };
    const wps2 = bad.waypoints.filter((w) => w.kind !== 'ASS').map((w) => ({ ...w, id: `${w.id}-2`, segment_id: 'ss2' }));
    sdk.on('GET', '/items/events', [{ id: 'ev', name: 'Rally Albania 2026' }]);
    sdk.on('GET', '/items/stages', [{ id: 'st1', name: 'Stage 1', status: 'closed' }, { id: 'st2', name: 'Stage 2', status: 'draft' }, { id: 'st3', name: 'Stage 3', status: 'draft' }]);
    sdk.on('GET', '/items/segments', [{ ...good.segments[0], stage_id: 'st1' }, seg2]);
    sdk.on('GET', '/items/waypoints', [...good.waypoints, ...wps2]);
    sdk.on('GET', '/items/speed_limit_zones', good.speedZones);
    sdk.on('GET', '/items/geofences', good.geofences);
    const view = mount(Panel, { props: { event: 'ev' }, global: { components: { RouterLink } } });
    await flushPromises();
    await flushPromises();

    expect(view.get('caption').text()).toBe('Rally Albania 2026 · 3 stages');
    const rows = view.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()));
    const counts = rows.map((r) => r.slice(0, 5));
    const z = good.speedZones.length;
    const g = good.geofences.length;
    expect(counts).toEqual([
      ['Stage 1', '1', String(good.waypoints.length), String(z), String(g)],
      ['Stage 2', '1', String(good.waypoints.length - 1), '0', String(g)],
      ['Stage 3', '0', '0', '0', '0'],
    ]);
    const expected = (c: ReturnType<typeof validCourse>) => {
      const p = checkCourse(c);
      return [String(p.filter((x) => x.severity === 'error').length), String(p.filter((x) => x.severity === 'warning').length)];
    };
    expect(rows[0]!.slice(5)).toEqual(['0', '0']);
    expect(rows[0]!.slice(5)).toEqual(expected(good));
    expect(Number(rows[1]![5])).toBeGreaterThan(0);
    expect(rows[1]!.slice(5)).toEqual(expected({ segments: [seg2], waypoints: wps2, speedZones: [], geofences: good.geofences }));
    expect(view.get('[data-test="stage-st2"] [data-test="errors"]').classes()).toContain('bad');

    const links = view.findAll('[data-test="open"]').map((a) => a.attributes('href'));
    expect(links).toEqual(['/admin/course/stages/st1', '/admin/course/stages/st2', '/admin/course/stages/st3']);
    // The whole event in six reads, each course collection filtered to the event.
    expect(sdk.requests.map((r) => r.path.split('?')[0])).toEqual(['/items/events', '/items/stages', '/items/segments', '/items/waypoints', '/items/speed_limit_zones', '/items/geofences']);
    expect(loadMapLibrary).toHaveBeenCalled();
  });

  it('shows the counts and says so when the check code does not load', async () => {
    loadMapLibrary.mockRejectedValueOnce(new Error('The map code did not load (offline); reload the page'));
    const view = mount(Panel, { props: { event: 'ev' }, global: { components: { RouterLink } } });
    await flushPromises();
    await flushPromises();
    expect(view.get('[data-test="stage-st1"] [data-test="errors"]').text()).toBe('…');
    expect(view.get('[data-test="check-error"]').text()).toContain('The course checks did not run');
  });
});
