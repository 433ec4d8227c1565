// Rows of `positions` for one tracker: the timeline's true position plus GPS noise, then the planned
// faults applied on top. Every second draws the same noise whether or not a fault touches it, so a
// clean run and a faulty run of one plan differ in exactly the rows the ground truth lists.
import { destination } from '@turf/turf';
import { planFaultsOn } from './faults.ts';
import { between, detailStream, intBetween, stream, type RandomGenerator } from './random.ts';
import { createWalker, routeModel } from './route-walker.ts';
import { IN_GAP, simulate } from './speed.ts';
import type { PlannedFault, PositionRow, TrackPlan } from './types.ts';

// Teltonika AVL IO ids.
const IO_GSM = '21';
const IO_VOLTAGE = '66';
const IO_GNSS_STATUS = '69'; // 1 on with fix, 2 on without fix
const IO_HDOP = '182'; // hdop × 10
const IO_MOVEMENT = '240';

const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_EQ = 111_320;

// GPS error is correlated from one second to the next (a wander, not white jitter), which keeps
// the speed implied by consecutive fixes plausible. Stationary spread ~1.8 m, clamped to 4 m.
const NOISE_KEEP = 0.9;
const NOISE_STEP = 1.35;
const NOISE_MAX = 4;

/** Teltonika sends coordinates as integers of 1e-7 degree. */
const deg7 = (x: number): number => Math.round(x * 1e7) / 1e7;

export function* generateTrack(plan: TrackPlan): Generator<PositionRow> {
  yield* generateRows(plan, true);
}

/** `faults: false` is the same track without faults: the reference tests diff against. */
export function* generateRows(plan: TrackPlan, faults: boolean): Generator<PositionRow> {
  const tl = simulate(plan);
  const walker = createWalker(routeModel(plan.route));
  const planned = faults ? planFaultsOn(plan, tl) : [];
  const faultAt = new Int16Array(tl.duration + 1).fill(-1);
  planned.forEach((f, i) => faultAt.fill(i, f.start, f.start + f.length));

  const rng = stream(plan.seed, 'noise');
  const base = plan.startAt.getTime();
  const device = plan.imei;
  const codec = plan.codec ?? '8E';
  let ex = 0;
  let ey = 0;
  let ez = 0;
  let sats = intBetween(rng, 9, 13);
  let gsm = intBetween(rng, 3, 5);
  let volt = intBetween(rng, 12_700, 12_900);
  let lastGood: PositionRow | undefined;
  let active: FaultRun | undefined;

  for (let t = 0; t <= tl.duration; t++) {
    // Drawn every second, gaps and faults included: see the header.
    ex = clamp(NOISE_KEEP * ex + NOISE_STEP * (2 * between(rng, 0, 1) - 1), NOISE_MAX);
    ey = clamp(NOISE_KEEP * ey + NOISE_STEP * (2 * between(rng, 0, 1) - 1), NOISE_MAX);
    ez = clamp(NOISE_KEEP * ez + 2 * (2 * between(rng, 0, 1) - 1), 6);
    const angleNoise = between(rng, -2, 2);
    const speedNoise = between(rng, -0.7, 0.7);
    const satStep = between(rng, 0, 1);
    const gsmStep = between(rng, 0, 1);
    volt = Math.min(13_000, Math.max(12_600, volt + intBetween(rng, -15, 15)));
    if (satStep < 0.02) sats = Math.min(14, sats + 1);
    else if (satStep > 0.98) sats = Math.max(8, sats - 1);
    if (gsmStep < 0.005) gsm = Math.min(5, gsm + 1);
    else if (gsmStep > 0.995) gsm = Math.max(1, gsm - 1);

    if (tl.flags[t]! & IN_GAP) continue;

    walker.seek(tl.s[t]!);
    const v = tl.v[t]!;
    const lat = walker.lat + ey / M_PER_DEG_LAT;
    const row: PositionRow = {
      device_id: device,
      ts: new Date(base + t * 1000),
      latitude: deg7(lat),
      longitude: deg7(walker.lon + ex / (M_PER_DEG_LON_EQ * Math.cos((lat * Math.PI) / 180))),
      altitude: Math.round(walker.alt + ez),
      angle: Math.round(walker.bearing + angleNoise + 360) % 360,
      speed: v > 0 ? Math.max(0, Math.round(v * 3.6 + speedNoise)) : 0,
      satellites: sats,
      priority: 0,
      attributes: {
        [IO_GSM]: gsm,
        [IO_VOLTAGE]: volt,
        [IO_GNSS_STATUS]: 1,
        [IO_HDOP]: Math.min(15, Math.max(8, 22 - sats)),
        [IO_MOVEMENT]: v > 0 ? 1 : 0,
      },
      codec,
    };

    const fi = faultAt[t]!;
    if (fi < 0) {
      lastGood = row;
      yield row;
      continue;
    }
    const fault = planned[fi]!;
    if (active?.fault !== fault) active = { fault, rng: detailStream(fault.detailSeed), magnitude: fault.offsetMeters, bearing: fault.bearing, hdop: 0 };
    // The planner keeps MARGIN good rows before every fault that repeats one, so lastGood is set then.
    yield* applyFault(active, t, row, lastGood ?? row);
    // A same-time conflict leaves the true row in place: it is the good fix the next fault may repeat.
    if (fault.kind === 'same-time-conflict') lastGood = row;
  }
}

interface FaultRun {
  fault: PlannedFault;
  rng: RandomGenerator;
  magnitude: number;
  bearing: number;
  hdop: number;
}

/** The row as the tracker sends it when it repeats an earlier fix: that fix's position and heading. */
function atFix(row: PositionRow, fix: PositionRow): PositionRow {
  return { ...row, latitude: fix.latitude, longitude: fix.longitude, altitude: fix.altitude, angle: fix.angle };
}

function* applyFault(run: FaultRun, t: number, row: PositionRow, lastGood: PositionRow): Generator<PositionRow> {
  const { fault, rng } = run;
  const k = t - fault.start;
  switch (fault.kind) {
    case 'no-fix':
      // What an FMB sends without a fix: the last known position, no satellites, no speed.
      yield { ...atFix(row, lastGood), speed: 0, satellites: 0, attributes: { ...row.attributes, [IO_GNSS_STATUS]: 2, [IO_HDOP]: 0 } };
      return;
    case 'zero-coordinates':
      yield { ...row, latitude: 0, longitude: 0 };
      return;
    case 'out-of-range':
      yield between(rng, 0, 1) < 0.5
        ? { ...row, latitude: deg7(90 + between(rng, 0.5, 9.5)) }
        : { ...row, longitude: deg7(180 + between(rng, 0.5, 9.5)) };
      return;
    case 'duplicate':
      yield { ...lastGood, ts: row.ts, attributes: { ...lastGood.attributes } };
      return;
    case 'same-time-conflict':
      yield row;
      yield { ...moved(row, fault.offsetMeters, fault.bearing), ts: new Date(row.ts.getTime() + fault.shiftMs) };
      return;
    case 'spike':
      yield moved(row, fault.offsetMeters, fault.bearing);
      return;
    case 'stale-fix':
      // The GNSS record is frozen; the other IO (GSM, voltage) still live.
      yield {
        ...atFix(row, lastGood),
        speed: lastGood.speed,
        satellites: lastGood.satellites,
        attributes: { ...row.attributes, [IO_HDOP]: lastGood.attributes[IO_HDOP]! },
      };
      return;
    case 'low-accuracy': {
      if (k === 0) run.hdop = intBetween(rng, 60, 180);
      else {
        run.magnitude = Math.min(80, Math.max(20, run.magnitude + between(rng, -6, 6)));
        run.bearing = (run.bearing + between(rng, -15, 15) + 360) % 360;
        run.hdop = Math.min(200, Math.max(50, run.hdop + intBetween(rng, -10, 10)));
      }
      const off = moved(row, run.magnitude, run.bearing);
      yield { ...off, satellites: intBetween(rng, 3, 4), attributes: { ...row.attributes, [IO_HDOP]: run.hdop } };
      return;
    }
    case 'clock-jump':
      yield { ...row, ts: new Date(row.ts.getTime() + fault.shiftMs) };
      return;
    case 'power-on-drift': {
      // Starts fault.offsetMeters + 15 m off and closes in on ~15 m as the receiver settles.
      const left = 1 - k / fault.length;
      if (k > 0) run.bearing = (run.bearing + between(rng, -20, 20) + 360) % 360;
      const off = moved(row, 15 + fault.offsetMeters * left ** 1.5, run.bearing);
      const sats = Math.min(row.satellites, 3 + Math.floor(k / 4));
      yield { ...off, satellites: sats, attributes: { ...row.attributes, [IO_HDOP]: Math.max(row.attributes[IO_HDOP]!, Math.round(200 * left)) } };
      return;
    }
  }
}

function moved(row: PositionRow, meters: number, bearing: number): PositionRow {
  const to = destination([row.longitude, row.latitude], meters, bearing > 180 ? bearing - 360 : bearing, { units: 'meters' });
  const [lon, lat] = to.geometry.coordinates;
  return { ...row, latitude: deg7(lat!), longitude: deg7(lon!) };
}

function clamp(x: number, max: number): number {
  return x > max ? max : x < -max ? -max : x;
}
