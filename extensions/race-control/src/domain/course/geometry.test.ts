import { describe, expect, it } from 'vitest';
import { BOW_TIE, square } from './fixtures.ts';
import { geometryProblems, selfIntersections } from './geometry.ts';

describe('geometry checks', () => {
  it('a simple polygon, a line and a point pass', () => {
    expect(geometryProblems(square(20, 42, 0.01), 'Polygon')).toEqual([]);
    expect(geometryProblems({ type: 'LineString', coordinates: [[20, 42], [20.1, 42]] }, 'LineString')).toEqual([]);
    expect(geometryProblems({ type: 'Point', coordinates: [20, 42] }, 'Point')).toEqual([]);
  });
  it('a bow-tie is refused with the place where it crosses', () => {
    const [p] = geometryProblems(BOW_TIE, 'Polygon', 'The geofence');
    expect(p).toMatchObject({ code: 'self_intersection', at: [19.55, 41.55] });
    expect(p!.message).toBe("The geofence's outline crosses itself at 41.55000° N 19.55000° E; redraw it as a simple shape");
    expect(selfIntersections(BOW_TIE.coordinates)).toEqual([[19.55, 41.55]]);
  });
  it('the wrong type, a coordinate out of range, a missing shape', () => {
    expect(geometryProblems({ type: 'Point', coordinates: [20, 42] }, 'Polygon')[0]?.code).toBe('geometry_type');
    expect(geometryProblems({ type: 'Point', coordinates: [200, 42] }, 'Point')[0]?.code).toBe('coordinate_range');
    expect(geometryProblems({ type: 'Point', coordinates: [20, -91] }, 'Point')[0]?.code).toBe('coordinate_range');
    expect(geometryProblems(null, 'Point')[0]?.code).toBe('missing');
  });
  it('an open ring, a ring of two corners, a line of one point', () => {
    expect(geometryProblems({ type: 'Polygon', coordinates: [[[20, 42], [20.1, 42], [20.1, 42.1], [20, 42.1]]] }, 'Polygon')[0]?.code).toBe('ring_not_closed');
    expect(geometryProblems({ type: 'Polygon', coordinates: [[[20, 42], [20.1, 42], [20, 42]]] }, 'Polygon')[0]?.code).toBe('too_few_positions');
    expect(geometryProblems({ type: 'LineString', coordinates: [[20, 42]] }, 'LineString')[0]?.code).toBe('too_few_positions');
  });
  it('a 10k-vertex polygon is checked in milliseconds', () => {
    const n = 10_000;
    const ring = Array.from({ length: n }, (_, i) => [20 + 0.1 * Math.cos((2 * Math.PI * i) / n), 42 + 0.1 * Math.sin((2 * Math.PI * i) / n)]);
    ring.push(ring[0]!);
    selfIntersections([ring]);
    const t = performance.now();
    expect(selfIntersections([ring])).toEqual([]);
    expect(performance.now() - t).toBeLessThan(500); // generous under a loaded CI; the bench measures the real figure
  });
});
