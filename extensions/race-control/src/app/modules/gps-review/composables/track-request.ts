// Reading one device's track. JSON (`format=json`) until the binary decoder of domain/gps is on
// main; then this one file switches to `ourBytes` + `decodeTrack` (a quarter of the bytes).
import { reviewTrackOf, type ReviewTrack } from '../../../../domain/gps-review/track';
import { ourEndpoint, type RaceControlSdk } from '../../../sdk';
import type { TrackDeviceAnswer } from './gps-api-types';

export interface LoadedTrack {
  track: ReviewTrack;
  device: Omit<TrackDeviceAnswer, 'ts' | 'lat' | 'lon' | 'speed' | 'flags' | 'reasons'>;
}

export async function requestTrack(sdk: RaceControlSdk, imei: string, window: { from: string; to: string }): Promise<LoadedTrack | null> {
  const answer = await sdk.request(ourEndpoint<{ devices: TrackDeviceAnswer[] }>('/gps/track', {
    params: { device_id: imei, from: window.from, to: window.to, format: 'json' },
  }));
  const device = answer.devices.find((d) => d.device_id === imei);
  if (!device) return null;
  const facts = { device_id: device.device_id, entry_id: device.entry_id, race_number: device.race_number, purpose: device.purpose, total: device.total };
  return { track: reviewTrackOf(device), device: facts };
}
