// Suspects of an entry's trackers in a window, with impact: detectors (domain/gps) over every
// tracker of the entry together (for the cross-check), runs per reason, then what each run touches.
import type { Knex } from 'knex';
import { detectEntry } from '../../domain/gps/entry';
import { impactOf } from '../../domain/gps/impact';
import { suspectRuns } from '../../domain/gps/runs';
import type { Fix } from '../../domain/gps/detect';
import type { Suspect } from '../../domain/gps/suspect';
import { penaltiesOf, type EventPlaces } from './context';
import { readFixes } from './fixes';

export interface EntryTracker {
  device_id: string;
  entry_id: string;
  vehicle_kind: string | null;
}

export interface TrackerReview {
  device_id: string;
  fixes: Fix[];
  suspects: Suspect[];
}

export async function reviewEntry(db: Knex, trackers: EntryTracker[], from: Date, to: Date, places: EventPlaces): Promise<TrackerReview[]> {
  const tracks = await Promise.all(trackers.map(async (t) => ({ device_id: t.device_id, vehicle_kind: t.vehicle_kind, fixes: await readFixes(db, t.device_id, from, to) })));
  const detections = detectEntry(tracks);
  const penalties = (await penaltiesOf(db, [...new Set(trackers.map((t) => t.entry_id))])).get(trackers[0]?.entry_id ?? '') ?? [];
  return tracks.map((t, i) => {
    const runs = suspectRuns(t.device_id, t.fixes, detections[i]!);
    // Fixes are in ts order: each run's points are found by binary search on its bounds.
    const suspects = runs.map((s) => {
      const lo = lowerBound(t.fixes, Date.parse(s.from));
      const hi = lowerBound(t.fixes, Date.parse(s.to) + 1);
      const pts = t.fixes.slice(lo, hi).map((f) => [f.lat, f.lon] as [number, number]);
      return { ...s, impact: impactOf(pts, s.from, s.to, { ...places, penalties }) };
    });
    return { device_id: t.device_id, fixes: t.fixes, suspects };
  });
}

function lowerBound(fixes: readonly Fix[], t: number): number {
  let lo = 0;
  let hi = fixes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fixes[mid]!.ts < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
