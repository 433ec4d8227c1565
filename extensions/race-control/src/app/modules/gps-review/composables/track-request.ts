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

/** Every tracker the answer holds: one for `device_id`, the crew's for `entry_id`. */
export async function requestTracks(sdk: RaceControlSdk, who: { device_id: string } | { entry_id: string }, window: { from: string; to: string }): Promise<LoadedTrack[]> {
  const decoded = decodeTrack(await ourBytes(sdk, '/gps/track', { ...who, from: window.from, to: window.to, max_points: 200000 }));
  return decoded.devices.map((device) => {
    const { device_id, entry_id, race_number, purpose, total } = device;
    return { track: reviewTrackOf(device), device: { device_id, entry_id, race_number, purpose, total } };
  });
}

export async function requestTrack(sdk: RaceControlSdk, imei: string, window: { from: string; to: string }): Promise<LoadedTrack | null> {
  return (await requestTracks(sdk, { device_id: imei }, window)).find((d) => d.device.device_id === imei) ?? null;
}
