import { describe, expect, it } from 'vitest';
import { straightTrack, T0 } from './test-track';
import { indexAtTime, indicesBetween, lowerBound, onTheMap } from './track';

describe('track times', () => {
  const track = straightTrack(10);
  it('finds the closest point to a chart time', () => {
    expect(indexAtTime(track.t, T0 - 5000)).toBe(0);
    expect(indexAtTime(track.t, T0 + 3400)).toBe(3);
    expect(indexAtTime(track.t, T0 + 3600)).toBe(4);
    expect(indexAtTime(track.t, T0 + 99_000)).toBe(9);
    expect(indexAtTime(new Float64Array(0), T0)).toBe(-1);
  });
  it('gives the points of a time range either way round', () => {
    expect(indicesBetween(track.t, T0 + 2000, T0 + 4500)).toEqual([2, 4]);
    expect(indicesBetween(track.t, T0 + 4500, T0 + 2000)).toEqual([2, 4]);
    expect(indicesBetween(track.t, T0 + 2500, T0 + 2600)).toBeNull();
    expect(lowerBound(track.t, T0 + 100_000)).toBe(10);
  });
  it('keeps (0, 0) and out-of-range fixes off the map', () => {
    track.lon[1] = 0;
    track.lat[1] = 0;
    track.lat[2] = 91;
    expect([0, 1, 2].map((i) => onTheMap(track, i))).toEqual([true, false, false]);
  });
});
