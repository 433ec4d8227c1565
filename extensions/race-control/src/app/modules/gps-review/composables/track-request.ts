// Reading one device's track as RCT1 (domain/gps/track-codec.ts): delta-coded Int32 columns, about a
// quarter of the bytes of JSON and decoded in a millisecond, straight into the review's arrays.
import { decodeTrack } from '../../../../domain/gps/track-codec';
import { reviewTrackOf, type ReviewTrack } from '../../../../domain/gps-review/track';
import { ourBytes, type RaceControlSdk } from '../../../sdk';

export interface TrackFacts {
  device_id: string;
  entry_id: string | null;
  race_number: number | null;
  purpose: string | null;
  total: number;
}

export interface LoadedTrack {
  track: ReviewTrack;
  device: TrackFacts;
}

export async function requestTrack(sdk: RaceControlSdk, imei: string, window: { from: string; to: string }): Promise<LoadedTrack | null> {
  const decoded = decodeTrack(await ourBytes(sdk, '/gps/track', { device_id: imei, from: window.from, to: window.to, max_points: 200000 }));
  const device = decoded.devices.find((d) => d.device_id === imei);
  if (!device) return null;
  const { device_id, entry_id, race_number, purpose, total } = device;
  return { track: reviewTrackOf(device), device: { device_id, entry_id, race_number, purpose, total } };
}
