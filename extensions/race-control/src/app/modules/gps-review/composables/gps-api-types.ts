// The GPS review API's answers as this screen reads them (contract: /work/coord/gps-api.md). The
// owning types live in domain/gps (gps-api's area); these are the fields the screen uses.
export interface SuspectAnswer {
  device_id: string;
  reason: string;
  from: string;
  to: string;
  count: number;
  faulty: number;
  evidence: Record<string, number | string | undefined>;
  impact: {
    score: number;
    waypoints: { id: string; name: string | null; kind: string | null }[];
    speed_zones: { id: string; name: string | null; speed_limit_kmh: number }[];
    penalties: { id: string; type: string | null; seconds: number | null }[];
  };
}

export interface QueueDeviceAnswer {
  device_id: string;
  entry_id: string | null;
  race_number: number | null;
  class_code: string | null;
  vehicle_kind: string | null;
  purpose: string | null;
  points: number;
  suspects: number;
  open_points: number;
  faulty_points: number;
  by_reason: Record<string, number>;
  impact: number;
  penalties: number;
  /** Asked of gps-api (coord/gps-review.md); the list copes without it. */
  last_fix?: string | null;
}

export interface StageQueueAnswer {
  stage_id: string;
  state: 'ready' | 'computing';
  computed_at: string | null;
  retry_after_ms: number;
  devices: QueueDeviceAnswer[];
}

export interface FlagAnswer {
  changed: number;
  matched: number;
  flag_id: string | null;
  message_id: string | null;
}

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
