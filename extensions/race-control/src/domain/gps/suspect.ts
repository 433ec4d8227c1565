// What the detectors say about a track, as the API sends it (contract: docs/gps-api.md).
import type { ReasonCode } from './reasons.ts';

/** The numbers behind a reason; only those that apply are present. Distances in m, speeds in km/h. */
export interface Evidence {
  /** Speed implied by the distance to the good neighbours over the time between. */
  implied_kmh?: number;
  /** The tracker's own speed at the point. */
  reported_kmh?: number;
  /** The vehicle kind's ceiling the implied speed was compared with. */
  max_kmh?: number;
  /** Distance from the good neighbours' line (spike, drift, low accuracy). */
  jump_m?: number;
  satellites?: number;
  /** hdop as the tracker reports it (IO 182 / 10). */
  hdop?: number;
  /** How far the stamped time is from where the point belongs (clock-jump), seconds. */
  clock_shift_s?: number;
  /** Another row of the same device within a second (same-time-conflict), metres away. */
  conflict_m?: number;
  /** Cross-check: the other tracker of the entry and the distance to it at the same time. */
  other_device_id?: string;
  other_distance_m?: number;
  /** Stale/no-fix: seconds the same position was repeated while moving. */
  repeated_s?: number;
}

/** Why a suspect matters: what it lies in, and which computed penalties its window overlaps. */
export interface Impact {
  /** 0 = open liaison … higher = more likely to change a result (see impact.ts). */
  score: number;
  waypoints: { id: string; name: string | null; kind: string | null }[];
  speed_zones: { id: string; name: string | null; speed_limit_kmh: number }[];
  penalties: { id: string; type: string | null; seconds: number | null; window_start: string | null; window_end: string | null }[];
}

/** A run of consecutive points of one device with one reason. */
export interface Suspect {
  device_id: string;
  reason: ReasonCode;
  /** ISO (ms) of the first and last point of the run. */
  from: string;
  to: string;
  count: number;
  /** Points of the run already flagged faulty. */
  faulty: number;
  evidence: Evidence;
  impact: Impact;
}

/** One device of a stage's review queue (GET /race-control/gps/stages/:id/queue). */
export interface QueueDevice {
  device_id: string;
  entry_id: string | null;
  race_number: number | null;
  class_code: string | null;
  vehicle_kind: string | null;
  purpose: string | null;
  points: number;
  suspects: number;
  /** Suspect points not yet flagged. */
  open_points: number;
  faulty_points: number;
  by_reason: Partial<Record<ReasonCode, number>>;
  /** Highest impact score among its suspects. */
  impact: number;
  /** Computed penalties of the entry overlapped by an open suspect. */
  penalties: number;
  /** The device's newest good fix (satellites > 0, not faulty) in the stage's day; null when none. */
  last_fix: LastFix | null;
}

/** What the newest fix says of the tracker: power and battery in mV from its IO attributes where sent. */
export interface LastFix {
  ts: string;
  satellites: number;
  /** IO 66, external (vehicle) power, mV. */
  power_mv: number | null;
  /** IO 67, internal battery, mV. */
  battery_mv: number | null;
}

export interface StageQueue {
  stage_id: string;
  /** 'computing': the detectors are running for this stage; ask again after retry_after_ms. */
  state: 'ready' | 'computing';
  computed_at: string | null;
  retry_after_ms: number;
  devices: QueueDevice[];
}
