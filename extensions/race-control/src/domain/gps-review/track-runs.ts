// Suspect runs read off the track itself (each point carries its detectors' reason bits): what the
// review shows when the suspects endpoint is not there to add evidence and impact. A run is a
// stretch of consecutive points sharing one reason, as the API's suspects are.
import { REASON_CODES } from '../gps/reasons';
import type { ReviewTrack } from './track';

export interface TrackRun {
  reason: string;
  from: string;
  to: string;
  count: number;
  faulty: number;
  /** The slowest and fastest reported speed of the run (km/h): evidence the track has. */
  evidence: { reported_kmh: number };
}

export function runsFromTrack(track: ReviewTrack): TrackRun[] {
  const runs: TrackRun[] = [];
  REASON_CODES.forEach((reason, bit) => {
    let start = -1;
    for (let i = 0; i <= track.count; i++) {
      const has = i < track.count && (track.reasons[i]! >> bit) & 1;
      if (has && start < 0) start = i;
      if (!has && start >= 0) {
        let faulty = 0;
        let fastest = 0;
        for (let k = start; k < i; k++) {
          faulty += track.flagged[k]!;
          fastest = Math.max(fastest, track.speed[k]!);
        }
        const iso = (k: number) => new Date(track.t[k]!).toISOString();
        runs.push({ reason, from: iso(start), to: iso(i - 1), count: i - start, faulty, evidence: { reported_kmh: fastest } });
        start = -1;
      }
    }
  });
  return runs.sort((a, b) => a.from.localeCompare(b.from));
}
