import { describe, expect, it } from 'vitest';
import { ROUTE } from './fixtures.ts';
import { dependentsOf } from './dependents.ts';
import { validCourse } from './fixtures.ts';
import { indexRoute } from './snap.ts';

describe('snapping to a route', () => {
  it('finds the nearest point on the route through the index', () => {
    const snap = indexRoute(ROUTE).nearest([20.0305, 42.002])!;
    expect(snap.point[0]).toBeCloseTo(20.0305, 6);
    expect(snap.point[1]).toBeCloseTo(42, 9);
    expect(snap.segment).toBe(30);
  });
});

describe('what depends on an object', () => {
  it('names the segments that use a geofence as entry or exit, and a segment\'s waypoints and zones', () => {
    const c = validCourse();
    expect(dependentsOf(c, { collection: 'geofences', id: 'start' })).toEqual(['the entry of SS1']);
    expect(dependentsOf(c, { collection: 'segments', id: 'ss' })).toEqual(['4 waypoints', '1 speed zone']);
    expect(dependentsOf(c, { collection: 'waypoints', id: 'w1' })).toEqual([]);
  });
});
