// The GPS review API's answers as this screen reads them (contract: docs/gps-api.md). The
// owning types are gps-api's, in domain/gps; what is here only adds what the screen reads besides.
import type { QueueDevice, StageQueue, Suspect } from '../../../../domain/gps/suspect';

export type SuspectAnswer = Suspect;

export type QueueDeviceAnswer = QueueDevice;

export interface StageQueueAnswer extends StageQueue {
  devices: QueueDeviceAnswer[];
}

export interface FlagAnswer {
  changed: number;
  matched: number;
  flag_id: string | null;
  message_id: string | null;
}

/** One device of `GET /gps/track?format=json` (plain arrays; the binary answer decodes to typed ones). */
export interface TrackDeviceAnswer {
  device_id: string;
  entry_id: string | null;
  race_number: number | null;
  purpose: string | null;
  total: number;
  ts: number[];
  lat: number[];
  lon: number[];
  speed: number[];
  flags: number[];
  reasons: number[];
}
