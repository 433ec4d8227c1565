import { describe, expect, it } from 'vitest';
import { speedByPart, stateColumns } from './chart-series';
import { chartOrder, combineTracks, nearestInTime, partOf, partTrack, splitByPart, timeRangeOfParts } from './entry-track';
import { trackLines, trackPoints } from './map-features';
import { straightTrack, T0 } from './test-track';

/** A backup of 3 points (listed first, to show primary comes first anyway) and a primary of 4, half a second apart. */
function crew() {
  const backup = straightTrack(3, '352092110000024');
  backup.speed.fill(50);
  const primary = straightTrack(4, '352092110000016');
  for (let i = 0; i < 4; i++) primary.t[i] = T0 + i * 1000 + 500;
  primary.reasons[2] = 32;
  return combineTracks([{ track: backup, purpose: 'backup' }, { track: primary, purpose: 'primary' }]);
}

describe('an entry\'s trackers as one track', () => {
  it('lays the trackers end to end, primary first, and finds a point\'s tracker', () => {
    const { track, parts } = crew();
    expect(parts.map((p) => [p.imei, p.purpose, p.offset, p.count])).toEqual([['352092110000016', 'primary', 0, 4], ['352092110000024', 'backup', 4, 3]]);
    expect(track.count).toBe(7);
    expect(track.reasons[2]).toBe(32);
    expect([0, 3, 4, 6].map((i) => partOf(parts, i))).toEqual([0, 0, 1, 1]);
  });

  it('shares memory with each tracker\'s own view: a flag there is a flag on the whole', () => {
    const { track, parts } = crew();
    partTrack(track, parts[1]!).flagged[1] = 1;
    expect([...track.flagged]).toEqual([0, 0, 0, 0, 0, 1, 0]);
  });

  it('cuts a selection by tracker and selects a time range in every tracker', () => {
    const { track, parts } = crew();
    expect(splitByPart(parts, Uint32Array.of(1, 3, 4, 6)).map((s) => [...s])).toEqual([[1, 3], [4, 6]]);
    // 1.0 s … 2.0 s: the backup's points at 1 s and 2 s, the primary's at 1.5 s.
    expect([...timeRangeOfParts(track, parts, T0 + 1000, T0 + 2000)]).toEqual([1, 5, 6]);
    expect(nearestInTime(track, parts, T0 + 2400)).toBe(2);
  });

  it('puts every tracker on one time axis for the chart, each its own speed column', () => {
    const { track, parts } = crew();
    const order = chartOrder(track, parts)!;
    expect([...order]).toEqual([4, 0, 5, 1, 6, 2, 3]);
    expect(chartOrder(straightTrack(3), [{ imei: 'x', purpose: null, offset: 0, count: 3 }])).toBeNull();
    const [primary, backup] = speedByPart(track, parts, order);
    expect(primary).toEqual([null, 30, null, 30, null, 30, 30]);
    expect(backup).toEqual([50, null, 50, null, 50, null, null]);
    const s = stateColumns(track, Uint32Array.of(4), order);
    expect(s.suspect[5]).toBe(30);
    expect(s.selected[0]).toBe(50);
  });

  it('draws one line per tracker and tags points with their tracker', () => {
    const { track, parts } = crew();
    expect(trackLines(track, parts).features.map((f) => [f.properties!.tr, f.geometry.coordinates.length])).toEqual([[0, 4], [1, 3]]);
    expect(trackPoints(track, parts).features.map((f) => f.properties!.tr)).toEqual([0, 0, 0, 0, 1, 1, 1]);
  });
});
