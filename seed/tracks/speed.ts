// The vehicle's motion, second by second, without any GPS: where it is (metres along the route) and
// how fast it goes. It is cheap (a few float operations a second) because the fault planner and
// trackDurationSeconds need it for ~300 trackers without generating a single row.
import { GRID_METERS, routeModel, type RouteModel } from './route-walker.ts';
import { between, stream, textSeed } from './random.ts';
import type { TrackPlan, VehicleKind } from './types.ts';

export interface KindSpeeds {
  /** Typical speed on a rally track at pace 1. */
  cruiseKmh: number;
  /** The class's plausible maximum: what a spike detector compares against. */
  maxKmh: number;
  /** m/s² from standstill; it fades as speed approaches maxKmh. */
  accel: number;
  /** m/s² of planned braking before bends and stops. */
  brake: number;
  /** m/s² of sideways grip on loose ground: sets the speed a bend allows. */
  lateral: number;
}

export const KIND_SPEEDS: Record<VehicleKind, KindSpeeds> = {
  moto: { cruiseKmh: 65, maxKmh: 130, accel: 2.8, brake: 2.6, lateral: 3.2 },
  quad: { cruiseKmh: 55, maxKmh: 110, accel: 2.2, brake: 2.4, lateral: 2.8 },
  car: { cruiseKmh: 70, maxKmh: 140, accel: 2.6, brake: 2.8, lateral: 3.4 },
  ssv: { cruiseKmh: 65, maxKmh: 130, accel: 2.6, brake: 2.8, lateral: 3.4 },
  truck: { cruiseKmh: 50, maxKmh: 100, accel: 1.1, brake: 1.8, lateral: 2.2 },
};

/** Bit flags of a second in the timeline. */
export const STOPPED = 1;
export const IN_GAP = 2;

/** Seconds from startAt, [from, to). */
export interface Interval {
  from: number;
  to: number;
}

export interface Timeline {
  /** Seconds from start to arrival; rows exist for offsets 0 … duration (both included). */
  duration: number;
  /** Metres along the route at each second. */
  s: Float64Array;
  /** True speed in m/s at each second. */
  v: Float32Array;
  flags: Uint8Array;
  stops: Interval[];
  gaps: Interval[];
}

// Mean turn rate (rad/m) from which a track starts to feel twisty (a winding road), and at which
// it is fully twisty (90° bends every ~160 m).
const TWIST_START = 0.0015;
const TWIST_FULL = 0.01;
const TWIST_SLOWDOWN = 0.35;
// Below this even a hairpin on a goat track is driven: keeps every leg finite.
const MIN_SPEED = 2;
// Closer than this to a stop, the vehicle is there (avoids creeping by centimetres).
const SNAP_METERS = 0.5;
const SNAP_SPEED = 0.5;
const MAX_SECONDS = 7 * 86_400;

export function kindSpeeds(kind: VehicleKind): KindSpeeds {
  const k = KIND_SPEEDS[kind];
  if (!k) throw new Error(`unknown vehicle kind "${String(kind)}": expected one of ${Object.keys(KIND_SPEEDS).join(', ')}`);
  return k;
}

/**
 * The highest speed the vehicle may have at each 10 m of the route: cruise × pace, slowed by the
 * route's bends and twistiness and by the driver's own slow rhythm, then lowered before each bend
 * so that reaching it needs no more than the kind's braking.
 */
function speedEnvelope(model: RouteModel, plan: TrackPlan, k: KindSpeeds): Float32Array {
  // The rhythm belongs to the vehicle, not to the tracker: the two or three trackers of one entry
  // share kind, pace, start and stops and must drive the same line, so plan.seed (the tracker's)
  // is left out of it.
  const rng = stream(textSeed(`${plan.vehicleKind}|${plan.pace}|${plan.startAt.getTime()}`), 'speed');
  const p1 = between(rng, 0, 2 * Math.PI);
  const p2 = between(rng, 0, 2 * Math.PI);
  const p3 = between(rng, 0, 2 * Math.PI);
  const cruise = (k.cruiseKmh / 3.6) * plan.pace;
  const top = k.maxKmh / 3.6;
  const cells = model.radius.length;
  const env = new Float32Array(cells);
  for (let i = 0; i < cells; i++) {
    const s = i * GRID_METERS;
    // Wavelengths of km: a driver's rhythm and the surface change slowly, not per second.
    const rhythm =
      1 +
      0.09 * Math.sin((2 * Math.PI * s) / 7300 + p1) +
      0.05 * Math.sin((2 * Math.PI * s) / 2300 + p2) +
      0.02 * Math.sin((2 * Math.PI * s) / 610 + p3);
    const twisty = 1 - TWIST_SLOWDOWN * Math.min(1, Math.max(0, model.twist[i]! - TWIST_START) / (TWIST_FULL - TWIST_START));
    const bend = Math.sqrt(k.lateral * model.radius[i]!);
    env[i] = Math.max(MIN_SPEED, Math.min(cruise * rhythm * twisty, bend, top));
  }
  for (let i = cells - 2; i >= 0; i--) {
    const reachable = Math.sqrt(env[i + 1]! ** 2 + 2 * k.brake * GRID_METERS);
    if (reachable < env[i]!) env[i] = reachable;
  }
  return env;
}

function envelopeAt(env: Float32Array, s: number): number {
  const x = s / GRID_METERS;
  const i = Math.floor(x);
  if (i >= env.length - 1) return env[env.length - 1]!;
  const a = env[i]!;
  return a + (env[i + 1]! - a) * (x - i);
}

export function validatePlan(plan: TrackPlan): void {
  if (!(plan.pace >= 0.5 && plan.pace <= 2)) throw new Error(`pace ${plan.pace} is outside 0.5–2 (0.8 slow … 1.2 fast)`);
  if (!(plan.startAt instanceof Date) || Number.isNaN(plan.startAt.getTime())) throw new Error('startAt must be a valid Date');
  for (const x of [...plan.stops, ...plan.gaps]) {
    if (!(x.seconds >= 0) || !Number.isFinite(x.atKm)) throw new Error(`stop or gap ${JSON.stringify(x)} needs a finite atKm and seconds >= 0`);
  }
}

/**
 * Drives the plan second by second. Pure: the same plan always gives the same timeline, and plans
 * that differ only in imei, seed, gaps or codec (trackers on one vehicle) give the same motion.
 */
export function simulate(plan: TrackPlan): Timeline {
  validatePlan(plan);
  const model = routeModel(plan.route);
  const k = kindSpeeds(plan.vehicleKind);
  const env = speedEnvelope(model, plan, k);
  const L = model.length;
  const top = k.maxKmh / 3.6;
  const hardBrake = 2 * k.brake;

  const targets = plan.stops
    .map((st) => ({ at: Math.max(0, st.atKm * 1000), hold: Math.round(st.seconds) }))
    .filter((st) => st.at < L)
    .sort((a, b) => a.at - b.at);
  targets.push({ at: L, hold: -1 });

  let cap = Math.ceil(L / 5) + targets.reduce((n, x) => n + Math.max(0, x.hold), 0) + 600;
  let S = new Float64Array(cap);
  let V = new Float32Array(cap);
  let F = new Uint8Array(cap);
  let t = 0;
  let s = 0;
  let v = 0;
  const push = (flag: number): void => {
    if (t >= cap) {
      cap *= 2;
      const s2 = new Float64Array(cap);
      s2.set(S);
      S = s2;
      const v2 = new Float32Array(cap);
      v2.set(V);
      V = v2;
      const f2 = new Uint8Array(cap);
      f2.set(F);
      F = f2;
    }
    S[t] = s;
    V[t] = v;
    F[t] = flag;
  };

  const stops: Interval[] = [];
  let next = 0;
  for (;;) {
    if (t > MAX_SECONDS) throw new Error(`track of ${plan.imei} does not arrive within 7 days: check the route and pace`);
    const target = targets[next]!;
    if (s >= target.at) {
      if (target.hold < 0) {
        push(0);
        break;
      }
      const from = t;
      for (let h = 0; h < target.hold; h++) {
        push(STOPPED);
        t++;
      }
      if (target.hold > 0) stops.push({ from, to: t });
      next++;
      continue;
    }
    push(0);
    const remaining = target.at - s;
    let vNew = v + Math.max(0, k.accel * (1 - v / top));
    // Read the envelope where braking at the planned rate would bring the vehicle: reading it a full
    // v metres ahead asks for more than that rate at low speed.
    vNew = Math.min(vNew, envelopeAt(env, s + Math.max(0, v - k.brake / 2)));
    // Largest speed after this second that still lets the vehicle stop at the target with the
    // planned braking: vNew² ≤ 2·brake·(remaining − (v + vNew) / 2).
    const b = k.brake;
    const disc = b * b + 8 * b * remaining - 4 * b * v;
    vNew = Math.min(vNew, disc > 0 ? Math.max(0, (-b + Math.sqrt(disc)) / 2) : 0);
    vNew = Math.max(vNew, v - hardBrake, 0);
    const ds = (v + vNew) / 2;
    t++;
    if (s + ds >= target.at || (s + ds >= target.at - SNAP_METERS && vNew < SNAP_SPEED)) {
      s = target.at;
      v = 0;
    } else {
      s += ds;
      v = vNew;
    }
  }

  const duration = t;
  const along = S.subarray(0, duration + 1);
  const flags = F.subarray(0, duration + 1);
  const gaps = gapIntervals(plan, along, duration);
  for (const g of gaps) for (let u = g.from; u < g.to; u++) flags[u] = flags[u]! | IN_GAP;
  return { duration, s: along, v: V.subarray(0, duration + 1), flags, stops, gaps };
}

/** A gap starts at the first second the vehicle is at or past its km; overlapping gaps merge. */
function gapIntervals(plan: TrackPlan, s: Float64Array, duration: number): Interval[] {
  const raw: Interval[] = [];
  for (const g of plan.gaps) {
    const at = g.atKm * 1000;
    const seconds = Math.round(g.seconds);
    if (seconds <= 0 || at > s[duration]!) continue;
    let lo = 0;
    let hi = duration;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]! >= at) hi = mid;
      else lo = mid + 1;
    }
    raw.push({ from: lo, to: Math.min(duration + 1, lo + seconds) });
  }
  raw.sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const g of raw) {
    const last = merged[merged.length - 1];
    if (last && g.from <= last.to) last.to = Math.max(last.to, g.to);
    else merged.push({ ...g });
  }
  return merged;
}

/** Seconds from start to arrival, stops included: the offset of the last row. */
export function trackDurationSeconds(plan: TrackPlan): number {
  return simulate(plan).duration;
}
