import { describe, expect, it } from 'vitest';
import { runsFromTrack } from './track-runs';
import { iso, straightTrack } from './test-track';

describe('suspect runs from the track', () => {
  it('joins consecutive points of one reason, a point of two reasons in both, in time order', () => {
    const track = straightTrack(10);
    track.reasons.set([0, 32, 32, 0, 1, 1 | 32, 0, 0, 256, 0]);
    track.flagged[2] = 1;
    track.speed[1] = 140;
    expect(runsFromTrack(track).map((r) => [r.reason, r.from, r.to, r.count, r.faulty])).toEqual([
      ['spike', iso(1), iso(2), 2, 1],
      ['no-fix', iso(4), iso(5), 2, 0],
      ['spike', iso(5), iso(5), 1, 0],
      ['clock-jump', iso(8), iso(8), 1, 0],
    ]);
    expect(runsFromTrack(track)[0]!.evidence.reported_kmh).toBe(140);
  });
});
