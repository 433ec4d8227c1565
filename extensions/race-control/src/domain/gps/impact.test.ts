import { describe, expect, it } from 'vitest';
import { bboxOf, impactOf, type ImpactContext } from './impact.ts';

const village = [[[19.5, 42.0], [19.51, 42.0], [19.51, 42.01], [19.5, 42.01], [19.5, 42.0]]];
const ctx: ImpactContext = {
  waypoints: [{ id: 'w1', name: 'WPM 3', kind: 'WPM', lat: 42.1, lon: 19.6, radius: 800 }],
  zones: [{ id: 'z1', name: 'Fushë-Arrëz', speed_limit_kmh: 50, rings: village, bbox: bboxOf(village) }],
  penalties: [{ id: 'p1', type: 'speeding', seconds: 120, window_start: '2026-06-07T06:00:00.000Z', window_end: '2026-06-07T06:02:00.000Z' }],
};

describe('suspect impact', () => {
  it('is nothing on an open liaison', () => {
    expect(impactOf([[41.0, 19.0]], '2026-06-07T05:00:00.000Z', '2026-06-07T05:00:00.000Z', ctx)).toEqual({ score: 0, waypoints: [], speed_zones: [], penalties: [] });
  });
  it('ranks a point inside a speed zone, near a waypoint and in a penalty window, and names them', () => {
    const inZone = impactOf([[42.005, 19.505]], '2026-06-07T05:00:00.000Z', '2026-06-07T05:00:01.000Z', ctx);
    expect(inZone).toMatchObject({ score: 2, speed_zones: [{ id: 'z1', speed_limit_kmh: 50 }] });
    const all = impactOf([[42.005, 19.505], [42.102, 19.601]], '2026-06-07T06:01:00.000Z', '2026-06-07T06:01:30.000Z', ctx);
    expect(all.score).toBe(9);
    expect(all.penalties.map((p) => p.id)).toEqual(['p1']);
    expect(all.waypoints.map((w) => w.name)).toEqual(['WPM 3']);
  });
  it('ignores (0,0) and out-of-range points for places', () => {
    expect(impactOf([[0, 0], [95, 19.6]], '2026-06-07T05:00:00.000Z', '2026-06-07T05:00:00.000Z', ctx).score).toBe(0);
  });
});
