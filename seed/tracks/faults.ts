// Where the GPS faults go, decided from the timeline alone, so the ground truth of ~300 trackers is
// written without generating their rows. The row-level effect of each fault is in generate.ts; the
// two agree because both read the same PlannedFault list.
import { IN_GAP, STOPPED, kindSpeeds, simulate, type Timeline } from './speed.ts';
import { between, intBetween, pick, stream, type RandomGenerator } from './random.ts';
import type { FaultKind, InjectedFault, PlannedFault, TrackPlan } from './types.ts';

// Good rows on each side of a fault: a spike is only a spike against good neighbours, and a
// duplicate or a stale fix repeats a good row.
export const MARGIN = 5;
// No-fix and stale fixes are only faults while the vehicle moves; below this it is crawling.
const MOVING = 3;

interface Spec {
  kind: FaultKind;
  min: number;
  max: number;
  moving: boolean;
}

// Longest first, so short faults fill what is left rather than blocking long ones.
const SPECS: readonly Spec[] = [
  { kind: 'low-accuracy', min: 20, max: 120, moving: true },
  { kind: 'no-fix', min: 5, max: 60, moving: true },
  { kind: 'stale-fix', min: 10, max: 60, moving: true },
  { kind: 'zero-coordinates', min: 1, max: 3, moving: true },
  { kind: 'out-of-range', min: 1, max: 3, moving: true },
  { kind: 'duplicate', min: 1, max: 1, moving: true },
  { kind: 'same-time-conflict', min: 1, max: 1, moving: true },
  { kind: 'spike', min: 1, max: 1, moving: true },
  { kind: 'clock-jump', min: 1, max: 1, moving: true },
];
const DRIFT = { min: 20, max: 60 };

// Real clock faults: a time-zone hour, a lost day at a date rollover.
const CLOCK_JUMPS = [3600, -3600, 7200, 86_400, -86_400];

const HARD = 1; // gap or stop
const SLOW = 2;
const TAKEN = 4;

/** Public form: the duration bounds where faults may go (the plan's own duration at most). */
export function planFaults(plan: TrackPlan, durationSeconds: number): PlannedFault[] {
  return planFaultsOn(plan, simulate(plan), durationSeconds);
}

export function planFaultsOn(plan: TrackPlan, tl: Timeline, durationSeconds = tl.duration): PlannedFault[] {
  const T = Math.min(tl.duration, Math.floor(durationSeconds));
  const rng = stream(plan.seed, 'faults');
  const mask = new Uint8Array(T + 1);
  for (let u = 0; u <= T; u++) {
    const f = tl.flags[u]!;
    mask[u] = (f & (IN_GAP | STOPPED) ? HARD : 0) | (tl.v[u]! < MOVING ? SLOW : 0);
  }
  const planned: PlannedFault[] = [];
  const take = (kind: FaultKind, start: number, length: number): PlannedFault => {
    for (let u = start; u < start + length; u++) mask[u] = mask[u]! | TAKEN;
    const f = details(rng, kind, start, length, T);
    planned.push(f);
    return f;
  };

  // Drift first: it has few possible places (right after a gap).
  const driftCount = intBetween(rng, 1, 3);
  const placeDrift = (starts: number[], wanted: number): void => {
    for (const start of starts) {
      if (wanted === 0) return;
      const long = intBetween(rng, DRIFT.min, DRIFT.max);
      const length = [long, DRIFT.min].find((n) => windowFree(mask, T, start, n));
      if (length !== undefined) {
        take('power-on-drift', start, length);
        wanted--;
      }
    }
  };
  placeDrift(gapEnds(rng, tl, T), driftCount);
  // Without a usable gap, the tracker still powers on: at the start, or after a stop.
  if (planned.length === 0) placeDrift([0, ...tl.stops.map((s) => s.to)], 1);

  // One of every kind before any second one, so a short track still gets every kind.
  const counts = SPECS.map(() => intBetween(rng, 1, 3));
  for (let round = 0; round < 3; round++) {
    SPECS.forEach((spec, i) => {
      if (round >= counts[i]!) return;
      const long = intBetween(rng, spec.min, spec.max);
      for (const length of long === spec.min ? [long] : [long, spec.min]) {
        const start = randomStart(rng, mask, T, length, spec.moving);
        if (start !== undefined) {
          take(spec.kind, start, length);
          return;
        }
      }
    });
  }
  return planned.sort((a, b) => a.start - b.start);
}

/** Ends of the coverage gaps, shuffled so a tracker with many gaps does not always drift after the first. */
function gapEnds(rng: RandomGenerator, tl: Timeline, T: number): number[] {
  // A gap that ends during a stop: the receiver settles as the vehicle leaves, and a fault never
  // overlaps a stop.
  const ends = tl.gaps.map((g) => tl.stops.find((s) => s.from <= g.to && g.to < s.to)?.to ?? g.to).filter((t) => t <= T);
  for (let i = ends.length - 1; i > 0; i--) {
    const j = intBetween(rng, 0, i);
    [ends[i], ends[j]] = [ends[j]!, ends[i]!];
  }
  return ends;
}

/** Drift's window: the seconds [start, start+length) and MARGIN after them (before them is the gap). */
function windowFree(mask: Uint8Array, T: number, start: number, length: number): boolean {
  if (start + length + MARGIN > T + 1) return false;
  for (let u = start; u < start + length + MARGIN; u++) if (mask[u]! & (HARD | TAKEN)) return false;
  return true;
}

/**
 * A start chosen uniformly among every one that fits, or undefined. Random draws find one at once
 * on a long track; the exhaustive count (O(T) with prefix sums) is for crowded short ones.
 */
function randomStart(rng: RandomGenerator, mask: Uint8Array, T: number, length: number, moving: boolean): number | undefined {
  const first = MARGIN;
  const last = T + 1 - length - MARGIN;
  if (last < first) return undefined;
  const bad = (u: number, core: boolean): boolean => (mask[u]! & (HARD | TAKEN)) !== 0 || (core && moving && (mask[u]! & SLOW) !== 0);
  for (let attempt = 0; attempt < 64; attempt++) {
    const start = intBetween(rng, first, last);
    let ok = true;
    for (let u = start - MARGIN; ok && u < start + length + MARGIN; u++) ok = !bad(u, u >= start && u < start + length);
    if (ok) return start;
  }
  const blocked = new Int32Array(T + 2);
  const slow = new Int32Array(T + 2);
  for (let u = 0; u <= T; u++) {
    blocked[u + 1] = blocked[u]! + (mask[u]! & (HARD | TAKEN) ? 1 : 0);
    slow[u + 1] = slow[u]! + (mask[u]! & SLOW ? 1 : 0);
  }
  const fits = (start: number): boolean =>
    blocked[start + length + MARGIN]! - blocked[start - MARGIN]! === 0 && (!moving || slow[start + length]! - slow[start]! === 0);
  let n = 0;
  for (let s = first; s <= last; s++) if (fits(s)) n++;
  if (n === 0) return undefined;
  let k = intBetween(rng, 0, n - 1);
  for (let s = first; s <= last; s++) if (fits(s) && k-- === 0) return s;
  return undefined;
}

function details(rng: RandomGenerator, kind: FaultKind, start: number, length: number, T: number): PlannedFault {
  const f: PlannedFault = { kind, start, length, shiftMs: 0, offsetMeters: 0, bearing: between(rng, 0, 360), detailSeed: intBetween(rng, 0, 0x7fffffff) };
  if (kind === 'same-time-conflict') {
    f.shiftMs = intBetween(rng, 200, 800);
    f.offsetMeters = between(rng, 1000, 15_000);
  } else if (kind === 'spike') {
    f.offsetMeters = between(rng, 300, 3000);
  } else if (kind === 'power-on-drift') {
    f.offsetMeters = between(rng, 80, 280);
  } else if (kind === 'low-accuracy') {
    f.offsetMeters = between(rng, 20, 80);
  } else if (kind === 'clock-jump') {
    // The stamped second must lie outside the track, or it would collide with a true row.
    const jumps = CLOCK_JUMPS.filter((j) => start + j < 0 || start + j > T);
    f.shiftMs = 1000 * (jumps.length > 0 ? pick(rng, jumps) : -86_400 * (1 + Math.ceil(T / 86_400)));
  }
  return f;
}

/** The ground truth of a plan, from the timeline only (no rows generated). */
export function injectedFaults(plan: TrackPlan): InjectedFault[] {
  const tl = simulate(plan);
  return describeFaults(plan, tl, planFaultsOn(plan, tl));
}

export function describeFaults(plan: TrackPlan, tl: Timeline, planned: PlannedFault[]): InjectedFault[] {
  const base = plan.startAt.getTime();
  const iso = (seconds: number, ms = 0): string => new Date(base + seconds * 1000 + ms).toISOString();
  const kmh = (t: number): number => Math.round(tl.v[t]! * 3.6);
  const maxKmh = kindSpeeds(plan.vehicleKind).maxKmh;
  return planned.map((f) => {
    const last = f.start + f.length - 1;
    const one = f.kind === 'same-time-conflict' || f.kind === 'clock-jump';
    const from = one ? iso(f.start, f.shiftMs) : iso(f.start);
    const to = one ? from : iso(last);
    return { device_id: plan.imei, kind: f.kind, from, to, count: one ? 1 : f.length, note: note(f) };
  });

  function note(f: PlannedFault): string {
    const n = f.length;
    const m = Math.round(f.offsetMeters);
    switch (f.kind) {
      case 'no-fix':
        return `satellites 0 for ${n} s at ~${kmh(f.start)} km/h: repeats the fix of ${iso(f.start - 1)}`;
      case 'zero-coordinates':
        return `${n} fix${n > 1 ? 'es' : ''} at (0, 0)`;
      case 'out-of-range':
        return `${n} fix${n > 1 ? 'es' : ''} with latitude > 90 or longitude > 180`;
      case 'duplicate':
        return `repeats the row of ${iso(f.start - 1)} one second later`;
      case 'same-time-conflict':
        return `extra row ${f.shiftMs} ms after the true row of ${iso(f.start)}, ${(m / 1000).toFixed(1)} km away`;
      case 'spike':
        return `one fix ${m} m off: implies ~${Math.round(m * 3.6)} km/h against a class maximum of ${maxKmh}`;
      case 'stale-fix':
        return `the fix of ${iso(f.start - 1)} repeated for ${n} s with satellites > 0 at ~${kmh(f.start)} km/h`;
      case 'low-accuracy':
        return `hdop 5–20 and 3–4 satellites for ${n} s, fixes 20–80 m off`;
      case 'clock-jump':
        return `the row of ${iso(f.start)} stamped ${f.shiftMs > 0 ? '+' : ''}${f.shiftMs / 1000} s off`;
      case 'power-on-drift': {
        const cause = f.start > 0 && tl.flags[f.start - 1]! & IN_GAP ? 'a coverage gap' : f.start === 0 ? 'power-on at the start' : 'a power cycle at a stop';
        return `first ${n} fixes after ${cause} wander from ${m + 15} m and converge`;
      }
    }
  }
}
