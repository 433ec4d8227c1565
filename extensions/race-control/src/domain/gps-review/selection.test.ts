import { describe, expect, it } from 'vitest';
import { combine, modeOf, selectionBounds, span, timeRange } from './selection';
import { straightTrack, T0 } from './test-track';

describe('selection', () => {
  const a = Uint32Array.from([1, 2, 3]);
  const b = Uint32Array.from([3, 4]);
  it('replaces, adds with Shift, takes away with Alt', () => {
    expect(modeOf({})).toBe('replace');
    expect(modeOf({ shiftKey: true })).toBe('add');
    expect(modeOf({ altKey: true, shiftKey: true })).toBe('remove');
    expect([...combine(a, b, 'replace')]).toEqual([3, 4]);
    expect([...combine(a, b, 'add')]).toEqual([1, 2, 3, 4]);
    expect([...combine(a, b, 'remove')]).toEqual([1, 2]);
  });
  it('selects a time range from the chart and says what it holds', () => {
    const track = straightTrack(20);
    const picked = timeRange(track, T0 + 5500, T0 + 2000);
    expect([...picked]).toEqual([2, 3, 4, 5]);
    expect(timeRange(track, T0 + 2100, T0 + 2200).length).toBe(0);
    expect(selectionBounds(track, picked)).toEqual({ count: 4, from: T0 + 2000, to: T0 + 5000 });
    expect(selectionBounds(track, new Uint32Array(0))).toBeNull();
    expect([...span(7, 9)]).toEqual([7, 8, 9]);
  });
});
