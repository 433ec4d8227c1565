// The contract of the synthetic track generator: plans in, `positions` rows and the ground truth of
// the GPS faults out. Names follow shared/design/domain.md (positions columns, fault kinds).
import type { LineString } from 'geojson';

// The fault kinds are the detectors' reason codes (one list, in domain/gps) less the two-tracker
// cross-check, which is a comparison of devices and not a fault the generator injects into one.
import { REASON_CODES, type ReasonCode } from '../../extensions/race-control/src/domain/gps/reasons.ts';

export type FaultKind = Exclude<ReasonCode, 'cross-check'>;

export const FAULT_KINDS: readonly FaultKind[] = REASON_CODES.filter((c): c is FaultKind => c !== 'cross-check');

export type VehicleKind = 'moto' | 'quad' | 'car' | 'ssv' | 'truck';

export interface Stop {
  atKm: number;
  seconds: number;
  reason: 'refuel' | 'control' | 'incident';
}

/** Coverage gap: the vehicle drives on, the tracker sends no rows at all for that long. */
export interface Gap {
  atKm: number;
  seconds: number;
}

export interface TrackPlan {
  /** positions.device_id */
  imei: string;
  /** The whole stage, [lon, lat]. */
  route: LineString;
  /** When the vehicle leaves the start of the route. */
  startAt: Date;
  vehicleKind: VehicleKind;
  /** 0.8 (slow) … 1.2 (fast): scales speeds. */
  pace: number;
  stops: Stop[];
  gaps: Gap[];
  /** All randomness comes from this. */
  seed: number;
  /** Default '8E' (Teltonika codec 8 extended). */
  codec?: string;
}

export interface PositionRow {
  device_id: string;
  ts: Date;
  latitude: number;
  longitude: number;
  altitude: number;
  angle: number;
  speed: number;
  satellites: number;
  priority: number;
  attributes: Record<string, number>;
  codec: string;
}

/** from/to: ISO timestamps (ms precision) bounding the faulty rows; count: number of faulty rows. */
export interface InjectedFault {
  device_id: string;
  kind: FaultKind;
  from: string;
  to: string;
  count: number;
  note: string;
}

/**
 * A fault as the planner places it, in seconds from startAt. The rows it touches are the whole
 * seconds start … start + length - 1, except that `shiftMs` moves their ts (clock-jump) or, for a
 * same-time-conflict, stamps the one extra row it adds after the true row of `start`.
 */
export interface PlannedFault {
  kind: FaultKind;
  start: number;
  length: number;
  shiftMs: number;
  /** Metres from the truth where one number says it (spike, conflict, first drift fix). */
  offsetMeters: number;
  bearing: number;
  /** Seeds the row-by-row wander of drift and low accuracy, independent of every other stream. */
  detailSeed: number;
}
