// A participant has no review queue (it covers every entry of the stage): their list is their own
// entries' trackers, learnt from the track endpoint by entry. The thinned answer still holds every
// suspect and flagged point, so the counts are exact with almost no points sent.
import { readItems } from '@directus/sdk';
import { crewWords, type CrewMember, type DeviceRow } from '../../../../domain/gps-review/device-list';
import { ourEndpoint, type RaceControlSdk } from '../../../sdk';
import type { TrackDeviceAnswer } from './gps-api-types';

const REASONS = ['no-fix', 'zero-coordinates', 'out-of-range', 'duplicate', 'same-time-conflict', 'spike', 'stale-fix', 'low-accuracy', 'clock-jump', 'power-on-drift', 'cross-check'];

interface OwnEntry {
  id: string;
  race_number: number | null;
  class_id: { code: string } | null;
  crew: CrewMember[];
}

export function rowOfTrack(d: TrackDeviceAnswer, entry: OwnEntry): DeviceRow {
  const suspects: Record<string, number> = {};
  let pending = 0;
  let flagged = 0;
  d.flags.forEach((f, i) => {
    if (f & 1) flagged++;
    else if (f & 2) pending++;
    // Runs, as the queue counts them: a reason starts a run where the point before lacks it (the
    // thinned answer keeps every suspect point, so a gap of more than 2 s is another run).
    const joined = i > 0 && d.ts[i]! - d.ts[i - 1]! <= 2000;
    REASONS.forEach((r, bit) => {
      const has = (d.reasons[i]! >> bit) & 1;
      if (has && !(joined && (d.reasons[i - 1]! >> bit) & 1)) suspects[r] = (suspects[r] ?? 0) + 1;
    });
  });
  const last = d.ts.length ? new Date(d.ts[d.ts.length - 1]!).toISOString() : null;
  return { imei: d.device_id, entry_id: entry.id, race_number: entry.race_number, crew: crewWords(entry.crew), class_code: entry.class_id?.code ?? null, purpose: d.purpose, suspects, pending, flagged, last_fix: last };
}

export async function ownTrackerRows(sdk: RaceControlSdk, window: { from: string; to: string }): Promise<DeviceRow[]> {
  const entries = (await sdk.request(readItems('entries', {
    fields: ['id', 'race_number', 'class_id.code', 'crew.role', 'crew.user_id.first_name', 'crew.user_id.last_name'] as never, limit: -1,
  }))) as unknown as OwnEntry[];
  const rows: DeviceRow[] = [];
  // A participant rides one entry an event, two at most: more means this is not a participant.
  for (const entry of entries.slice(0, 4)) {
    const answer = await sdk.request(ourEndpoint<{ devices: TrackDeviceAnswer[] }>('/gps/track', {
      params: { entry_id: entry.id, from: window.from, to: window.to, max_points: 1, format: 'json' },
    }));
    for (const d of answer.devices) rows.push(rowOfTrack(d, entry));
  }
  return rows;
}
