// All trackers of one entry at once: each track through the detectors with its vehicle kind's
// settings, then the trackers checked against each other (cross-check.ts).
import { detect, type Detection, type Fix } from './detect.ts';
import { settingsFor } from './settings.ts';
import { crossCheck } from './cross-check.ts';

export interface DeviceTrack {
  device_id: string;
  vehicle_kind: string | null;
  fixes: Fix[];
}

export function detectEntry(tracks: readonly DeviceTrack[]): Detection[] {
  const detections = tracks.map((t) => detect(t.fixes, settingsFor(t.vehicle_kind)));
  if (tracks.length > 1) crossCheck(tracks, detections, settingsFor(tracks[0]!.vehicle_kind));
  return detections;
}
