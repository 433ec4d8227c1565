import { describe, expect, it } from 'vitest';
import { straightTrack, T0 } from './test-track';
import { indexAtTime, indicesBetween, lowerBound, onTheMap, pointState, POINT_STATE, reviewTrackOf } from './track';

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

describe('the API\'s track columns', () => {
  it('become a review track, flagged from bit 0, suspect from the reasons', () => {
    const track = reviewTrackOf({ device_id: '352092110000016', ts: [1, 2, 3], lat: [41, 41, 41], lon: [19, 19, 19], speed: [10, 20, 30], flags: [0, 3, 2], reasons: [0, 32, 32] });
    expect([...track.flagged]).toEqual([0, 1, 0]);
    expect([0, 1, 2].map((i) => pointState(track, i))).toEqual([POINT_STATE.good, POINT_STATE.flagged, POINT_STATE.suspect]);
  });
});
