import { describe, expect, it } from 'vitest';
import { countsByKind, isPending, normalise, placeSuspects, pointsOfKind, stepSuspect } from './suspects';
import { iso, straightTrack } from './test-track';

const track = straightTrack(100);
const suspects = placeSuspects(track, [
  { id: 'c', reason: 'spike', from: iso(60), to: iso(60) },
  { id: 'a', reason: 'no-fix', from: iso(10), to: iso(15) },
  { id: 'b', reason: 'spike', from: iso(30), to: iso(31) },
  { id: 'gone', reason: 'spike', from: '2026-06-09T00:00:00Z', to: '2026-06-09T00:00:01Z' },
]);

describe('suspects on the track', () => {
  it('are placed by time, in time order, and those off the track dropped', () => {
    expect(suspects.map((s) => [s.id, s.first, s.last])).toEqual([['a', 10, 15], ['b', 30, 31], ['c', 60, 60]]);
    expect(suspects[0]!.key).toBe(`no-fix@${iso(10)}`);
  });

  it('step forward and back, stopping at the ends', () => {
    expect(stepSuspect(suspects, null, 1)).toBe(0);
    expect(stepSuspect(suspects, 0, 1)).toBe(1);
    expect(stepSuspect(suspects, 2, 1)).toBeNull();
    expect(stepSuspect(suspects, 1, -1)).toBe(0);
    expect(stepSuspect(suspects, 0, -1)).toBeNull();
  });

  it('start from the point the marshal looks at when no suspect is current', () => {
    expect(stepSuspect(suspects, null, 1, { cursor: 20 })).toBe(1);
    expect(stepSuspect(suspects, null, -1, { cursor: 50 })).toBe(1);
    expect(stepSuspect(suspects, null, -1)).toBe(2);
  });

  it('skip the suspects already flagged', () => {
    const t = straightTrack(100);
    t.flagged.fill(1, 30, 32);
    const pending = (s: (typeof suspects)[number]) => isPending(t, s);
    expect(stepSuspect(suspects, 0, 1, { accept: pending })).toBe(2);
    expect(countsByKind(t, suspects).get('spike')).toEqual({ all: 2, pending: 1 });
  });

  it('select every point of one kind', () => {
    expect([...pointsOfKind(suspects, 'spike')]).toEqual([30, 31, 60]);
    expect([...normalise([5, 1, 5, 3, 1])]).toEqual([1, 3, 5]);
  });
});
