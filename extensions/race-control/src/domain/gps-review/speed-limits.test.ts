import { describe, expect, it } from 'vitest';
import { overLimit, zoneLimits } from './speed-limits';
import { straightTrack } from './test-track';

const box = (x0: number, x1: number) => ({ type: 'Polygon' as const, coordinates: [[[x0, 40.99], [x1, 40.99], [x1, 41.01], [x0, 41.01], [x0, 40.99]]] });

describe('speed limits along the track', () => {
  it('gives the zone limit inside zones, the lowest where they overlap, none outside', () => {
    const track = straightTrack(50);
    const limits = zoneLimits(track, [
      { name: 'Fushë-Arrëz', speed_limit_kmh: 50, area: box(19.50095, 19.50305) },
      { name: 'school', speed_limit_kmh: 30, area: box(19.50195, 19.50205) },
    ]);
    expect(Number.isNaN(limits[5]!)).toBe(true);
    expect(limits[10]).toBe(50);
    expect(limits[20]).toBe(30);
    expect(limits[30]).toBe(50);
    expect(Number.isNaN(limits[31]!)).toBe(true);
    track.speed[20] = 71;
    expect(overLimit(track, limits, 20)).toBe(41);
    expect(overLimit(track, limits, 40)).toBeNull();
    expect(zoneLimits(track, []).every(Number.isNaN)).toBe(true);
  });
});
