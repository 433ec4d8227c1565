// Two or three trackers on one vehicle move together, a few metres apart. A good-looking point of
// one that lies far from where the others were at that moment is suspect, but only when it is also
// the worse of the two (so one bad tracker does not make its mate look bad).
import type { Detection, Fix } from './detect.ts';
import type { DetectorSettings } from './settings.ts';
import { reasonBit } from './reasons.ts';
import { metres } from './geo.ts';

interface Track {
  device_id: string;
  fixes: Fix[];
}

/** Position of a track at time t, between its good fixes at most 2 s apart; null when unknown. */
function positionAt(fixes: readonly Fix[], d: Detection, t: number, from: { k: number }): [number, number] | null {
  let k = from.k;
  while (k + 1 < fixes.length && fixes[k + 1]!.ts <= t) k++;
  from.k = k;
  const a = fixes[k];
  const b = fixes[k + 1];
  if (!a || a.ts > t || d.reasons[k] || a.faulty) return null;
  if (a.ts === t) return [a.lat, a.lon];
  if (!b || d.reasons[k + 1] || b.faulty || b.ts - a.ts > 2000) return null;
  const r = (t - a.ts) / (b.ts - a.ts);
  return [a.lat + r * (b.lat - a.lat), a.lon + r * (b.lon - a.lon)];
}

/** How far fix i leaves the line of its two neighbours (m). */
function selfJump(fixes: readonly Fix[], i: number): number {
  const a = fixes[i - 1];
  const b = fixes[i + 1];
  const f = fixes[i]!;
  if (!a || !b) return 0;
  const r = (f.ts - a.ts) / Math.max(1, b.ts - a.ts);
  return metres(f.lat, f.lon, a.lat + r * (b.lat - a.lat), a.lon + r * (b.lon - a.lon));
}

export function crossCheck(tracks: readonly Track[], detections: Detection[], s: DetectorSettings): void {
  const bit = reasonBit('cross-check');
  tracks.forEach((track, ti) => {
    const mine = detections[ti]!;
    const cursors = tracks.map(() => ({ k: 0 }));
    track.fixes.forEach((f, i) => {
      if (mine.reasons[i] || f.faulty) return;
      tracks.forEach((other, oi) => {
        if (oi === ti || mine.reasons[i]) return;
        const there = positionAt(other.fixes, detections[oi]!, f.ts, cursors[oi]!);
        if (!there) return;
        const apart = metres(f.lat, f.lon, there[0], there[1]);
        if (apart <= s.crossCheckM) return;
        const k = cursors[oi]!.k;
        // The one that leaves its own line more is the bad one; when neither does (a smooth offset),
        // the one with the worse hdop; a tie leaves both for the marshal.
        const mineJump = selfJump(track.fixes, i);
        const otherJump = selfJump(other.fixes, k);
        if (mineJump + 5 < otherJump) return;
        if (Math.abs(mineJump - otherJump) <= 5 && (f.hdop ?? 0) < (other.fixes[k]!.hdop ?? 0)) return;
        mine.reasons[i] = mine.reasons[i]! | bit;
        mine.evidence.set(i, { ...mine.evidence.get(i), other_device_id: other.device_id, other_distance_m: Math.round(apart) });
      });
    });
  });
}
