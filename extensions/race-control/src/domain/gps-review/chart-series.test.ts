import { describe, expect, it } from 'vitest';
import { baseColumns, stateColumns, windowAround } from './chart-series';
import { straightTrack, T0 } from './test-track';

describe('chart columns', () => {
  const track = straightTrack(5);
  track.reasons[1] = 32;
  track.flagged[2] = 1;
  track.reasons[2] = 32;
  it('put x in seconds and gaps where a series has no value', () => {
    const limits = Float32Array.from([NaN, 50, 50, NaN, NaN]);
    const c = baseColumns(track, limits, 170);
    expect(c.x[1]).toBe(T0 / 1000 + 1);
    expect(c.zoneLimit).toEqual([null, 50, 50, null, null]);
    expect(c.classMax).toEqual([170, 170, 170, 170, 170]);
  });
  it('split the points by state, flagged over suspect, plus the selection', () => {
    const s = stateColumns(track, Uint32Array.from([3]));
    expect(s.suspect).toEqual([null, 30, null, null, null]);
    expect(s.flagged).toEqual([null, null, 30, null, null]);
    expect(s.selected).toEqual([null, null, null, 30, null]);
    expect(windowAround(track, 1, 2, 60)).toEqual([T0 / 1000 - 59, T0 / 1000 + 62]);
  });
});
