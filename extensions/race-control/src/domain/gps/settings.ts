// The detectors' thresholds, by vehicle kind where the sport needs it: a truck that "does" 180 km/h
// is a spike, a car may do 170 on a liaison. Named so a race director can read what a flag rests on.
export type VehicleKind = 'moto' | 'quad' | 'car' | 'ssv' | 'truck';

export interface DetectorSettings {
  /** Fastest a vehicle of the kind really goes (km/h). */
  maxKmh: number;
  /** A point is a spike when the speed implied to both good neighbours exceeds this (km/h)… */
  spikeKmh: number;
  /** …and it lies at least this far off the line between them (m). */
  spikeMinJumpM: number;
  /** Reported speed (km/h) above which a repeated position is a stale fix, not a stop. */
  movingKmh: number;
  /** Fewer satellites than this (but some) is a low-accuracy fix. */
  minSatellites: number;
  /** hdop at or above this is a low-accuracy fix. */
  maxHdop: number;
  /** No rows for this long (s) before a point: the receiver has just come back on. */
  powerOnGapS: number;
  /** Standing still this long (s) before moving off can hide a power cycle. */
  powerOnStopS: number;
  /** A point with no neighbour this close in time (s) is checked for a clock jump. */
  clockIsolationS: number;
  /** The shifted point must land this close (m) to where the track was at ts − shift. */
  clockMatchM: number;
  /** Two rows of one device closer than this in time (ms) are a same-time conflict. */
  conflictMs: number;
  /** Cross-check: trackers of one vehicle further apart than this at the same moment (m). */
  crossCheckM: number;
}

const BASE = {
  spikeMinJumpM: 120,
  movingKmh: 5,
  minSatellites: 5,
  maxHdop: 5,
  powerOnGapS: 30,
  powerOnStopS: 60,
  clockIsolationS: 300,
  clockMatchM: 250,
  conflictMs: 1000,
  crossCheckM: 150,
};

/** Ceilings from the seed's vehicle model and the sport: moto/ssv 130, quad 110, car 140, truck 100 (FIA T4 limiter). */
const MAX_KMH: Record<VehicleKind, number> = { moto: 130, quad: 110, car: 140, ssv: 130, truck: 100 };

export function settingsFor(kind: string | null | undefined): DetectorSettings {
  const maxKmh = MAX_KMH[(kind ?? 'car') as VehicleKind] ?? MAX_KMH.car;
  // 1.6×: GPS noise at 1 Hz adds a few m/s; a real vehicle never doubles its ceiling.
  return { ...BASE, maxKmh, spikeKmh: Math.round(maxKmh * 1.6) };
}
