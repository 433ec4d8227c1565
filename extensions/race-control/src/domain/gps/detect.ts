// The suspect detectors over one device's track (ts ascending). Each point gets a bit mask of
// REASON_CODES and, where a reason rests on numbers, its evidence. Order matters and is the
// sport's: a point that is plainly broken (no fix, (0,0), repeated) is never used as the "good
// neighbour" a spike is measured against, and a flagged (faulty) point never is either; a flagged
// point still gets its reason, so the screen shows why it was flagged.
import type { Evidence } from './suspect.ts';
import { reasonBit, type ReasonCode } from './reasons.ts';
import type { DetectorSettings } from './settings.ts';
import { metres } from './geo.ts';

export interface Fix {
  /** epoch ms */
  ts: number;
  lat: number;
  lon: number;
  /** km/h as reported */
  speed: number;
  satellites: number | null;
  hdop: number | null;
  faulty: boolean;
}

export interface Detection {
  reasons: Uint16Array;
  evidence: Map<number, Evidence>;
}

const HOURS = Array.from({ length: 48 }, (_, i) => i + 1).flatMap((h) => [h * 3600, -h * 3600]);

export function detect(fixes: readonly Fix[], s: DetectorSettings): Detection {
  const n = fixes.length;
  const reasons = new Uint16Array(n);
  const evidence = new Map<number, Evidence>();
  const mark = (i: number, code: ReasonCode, ev?: Evidence) => {
    reasons[i] = reasons[i]! | reasonBit(code);
    if (ev) evidence.set(i, { ...evidence.get(i), ...ev });
  };
  const good = (i: number) => reasons[i] === 0 && !fixes[i]!.faulty;

  // Plainly broken points first.
  for (let i = 0; i < n; i++) {
    const f = fixes[i]!;
    if (!Number.isFinite(f.lat) || !Number.isFinite(f.lon) || Math.abs(f.lat) > 90 || Math.abs(f.lon) > 180) mark(i, 'out-of-range');
    else if (Math.abs(f.lat) < 1e-6 && Math.abs(f.lon) < 1e-6) mark(i, 'zero-coordinates');
    else if (f.satellites === 0) mark(i, 'no-fix', { satellites: 0 });
  }
  markConflicts(fixes, s, reasons, good, mark);
  markRepeats(fixes, s, reasons, mark);
  markDegraded(fixes, s, reasons, mark);
  markClockJumps(fixes, s, reasons, good, mark);
  markSpikes(fixes, s, reasons, good, mark);
  return { reasons, evidence };
}

type Mark = (i: number, code: ReasonCode, ev?: Evidence) => void;

function prevGood(i: number, good: (i: number) => boolean): number {
  for (let j = i - 1; j >= 0; j--) if (good(j)) return j;
  return -1;
}
function nextGood(i: number, n: number, good: (i: number) => boolean): number {
  for (let j = i + 1; j < n; j++) if (good(j)) return j;
  return -1;
}

/** Where the line between fixes a and b is at time t (linear in time: enough over seconds). */
function offLine(f: Fix, a: Fix, b: Fix): number {
  const k = b.ts === a.ts ? 0 : (f.ts - a.ts) / (b.ts - a.ts);
  return metres(f.lat, f.lon, a.lat + k * (b.lat - a.lat), a.lon + k * (b.lon - a.lon));
}

const kmh = (a: Fix, b: Fix): number => (metres(a.lat, a.lon, b.lat, b.lon) / Math.max(0.001, Math.abs(b.ts - a.ts) / 1000)) * 3.6;

/** Two rows of one device within a second: the one further from its good neighbours is the conflict. */
function markConflicts(fixes: readonly Fix[], s: DetectorSettings, reasons: Uint16Array, good: (i: number) => boolean, mark: Mark) {
  for (let i = 0; i + 1 < fixes.length; i++) {
    const a = fixes[i]!;
    const b = fixes[i + 1]!;
    if (b.ts - a.ts >= s.conflictMs || reasons[i] || reasons[i + 1]) continue;
    const p = prevGood(i, good);
    const q = nextGood(i + 1, fixes.length, good);
    if (p < 0 && q < 0) continue;
    const ref = (f: Fix) => (p >= 0 && q >= 0 ? offLine(f, fixes[p]!, fixes[q]!) : metres(f.lat, f.lon, fixes[p >= 0 ? p : q]!.lat, fixes[p >= 0 ? p : q]!.lon));
    const wrong = ref(a) > ref(b) ? i : i + 1;
    mark(wrong, 'same-time-conflict', { conflict_m: Math.round(metres(a.lat, a.lon, b.lat, b.lon)) });
    i++;
  }
}

/** A position repeated while the tracker says it moves: once is a duplicate row, longer a stale fix. */
function markRepeats(fixes: readonly Fix[], s: DetectorSettings, reasons: Uint16Array, mark: Mark) {
  for (let i = 1; i < fixes.length; ) {
    const anchor = fixes[i - 1]!;
    let j = i;
    while (j < fixes.length && !reasons[j] && fixes[j]!.lat === anchor.lat && fixes[j]!.lon === anchor.lon && fixes[j]!.speed >= s.movingKmh && fixes[j]!.ts > anchor.ts) j++;
    if (j === i) {
      i++;
      continue;
    }
    const repeated = Math.round((fixes[j - 1]!.ts - anchor.ts) / 1000);
    for (let k = i; k < j; k++) mark(k, j - i === 1 ? 'duplicate' : 'stale-fix', { reported_kmh: fixes[k]!.speed, repeated_s: repeated });
    i = j;
  }
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const v = [...values].sort((a, b) => a - b);
  return v[v.length >> 1]!;
}

/**
 * Few satellites or a high hdop. A run that starts as the receiver comes back on (first fix, after a
 * coverage gap, or moving off after a long stop) is power-on drift, and lasts while the receiver is
 * still settling (hdop above the track's usual, satellites below it); any other run is low accuracy.
 */
function markDegraded(fixes: readonly Fix[], s: DetectorSettings, reasons: Uint16Array, mark: Mark) {
  const n = fixes.length;
  const usualHdop = median(fixes.filter((f) => f.hdop !== null && f.hdop > 0).map((f) => f.hdop!));
  const usualSats = median(fixes.filter((f) => (f.satellites ?? 0) > 0).map((f) => f.satellites!));
  const degraded = (f: Fix) => ((f.satellites ?? 99) > 0 && (f.satellites ?? 99) < s.minSatellites) || (f.hdop ?? 0) >= s.maxHdop;
  const settling = (f: Fix) => (f.hdop !== null && f.hdop > usualHdop + 0.2) || (f.satellites !== null && f.satellites > 0 && f.satellites < usualSats - 1);
  for (let i = 0; i < n; ) {
    if (reasons[i] || !degraded(fixes[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && !reasons[j] && degraded(fixes[j]!)) j++;
    const drift = poweredOn(fixes, i, s);
    // The hdop of a settling receiver falls second by second; where it stops falling it has settled.
    if (drift) while (j < n && !reasons[j] && settling(fixes[j]!) && (fixes[j]!.hdop ?? 0) < (fixes[j - 1]!.hdop ?? 0)) j++;
    const sats = Math.min(...fixes.slice(i, j).map((f) => f.satellites ?? 99));
    const hdop = Math.max(...fixes.slice(i, j).map((f) => f.hdop ?? 0));
    for (let k = i; k < j; k++) mark(k, drift ? 'power-on-drift' : 'low-accuracy', { satellites: sats, ...(hdop > 0 ? { hdop } : {}) });
    i = j;
  }
}

function poweredOn(fixes: readonly Fix[], i: number, s: DetectorSettings): boolean {
  if (i === 0) return true;
  if (fixes[i]!.ts - fixes[i - 1]!.ts >= s.powerOnGapS * 1000) return true;
  // Moving off after standing still: count back the stationary seconds just before.
  let j = i - 1;
  while (j >= 0 && fixes[j]!.speed < 1) j--;
  return j < i - 1 && fixes[i - 1]!.ts - fixes[j + 1]!.ts >= s.powerOnStopS * 1000;
}

/** Nearest fix to time t within 2 s (binary search), or -1. */
function at(fixes: readonly Fix[], t: number): number {
  let lo = 0;
  let hi = fixes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fixes[mid]!.ts < t) lo = mid + 1;
    else hi = mid;
  }
  const best = [lo - 1, lo].filter((k) => k >= 0 && k < fixes.length).sort((a, b) => Math.abs(fixes[a]!.ts - t) - Math.abs(fixes[b]!.ts - t))[0];
  return best !== undefined && Math.abs(fixes[best]!.ts - t) <= 2000 ? best : -1;
}

/** A point stamped whole hours off: it sits where the track was at ts − shift, far from its time neighbours. */
function markClockJumps(fixes: readonly Fix[], s: DetectorSettings, reasons: Uint16Array, good: (i: number) => boolean, mark: Mark) {
  const n = fixes.length;
  for (let i = 0; i < n; i++) {
    if (reasons[i]) continue;
    const f = fixes[i]!;
    const p = prevGood(i, good);
    const q = nextGood(i, n, good);
    const isolated = (p < 0 || f.ts - fixes[p]!.ts > s.clockIsolationS * 1000) && (q < 0 || fixes[q]!.ts - f.ts > s.clockIsolationS * 1000);
    const tooFast = (p < 0 || kmh(fixes[p]!, f) > s.spikeKmh) && (q < 0 || kmh(f, fixes[q]!) > s.spikeKmh);
    if (!isolated && !tooFast) continue;
    for (const shift of HOURS) {
      const k = at(fixes, f.ts - shift * 1000);
      if (k >= 0 && k !== i && metres(f.lat, f.lon, fixes[k]!.lat, fixes[k]!.lon) <= s.clockMatchM) {
        mark(i, 'clock-jump', { clock_shift_s: shift });
        break;
      }
    }
  }
}

/**
 * A point (or up to five in a row) that implies more than the kind's spike speed from the last good
 * point, while a later point brings the track back: measured only against good neighbours.
 */
function markSpikes(fixes: readonly Fix[], s: DetectorSettings, reasons: Uint16Array, good: (i: number) => boolean, mark: Mark) {
  const n = fixes.length;
  for (let i = 1; i < n; i++) {
    if (reasons[i]) continue;
    const p = prevGood(i, good);
    if (p < 0 || kmh(fixes[p]!, fixes[i]!) <= s.spikeKmh) continue;
    let back = -1;
    for (let j = i + 1, seen = 0; j < n && seen < 6; j++) {
      if (!good(j)) continue;
      seen++;
      if (kmh(fixes[p]!, fixes[j]!) <= s.spikeKmh) {
        back = j;
        break;
      }
    }
    if (back < 0) continue;
    for (let k = i; k < back; k++) {
      if (reasons[k]) continue;
      const jump = offLine(fixes[k]!, fixes[p]!, fixes[back]!);
      if (jump < s.spikeMinJumpM) continue;
      mark(k, 'spike', { implied_kmh: Math.round(kmh(fixes[p]!, fixes[k]!)), reported_kmh: fixes[k]!.speed, max_kmh: s.maxKmh, jump_m: Math.round(jump) });
    }
    i = back - 1;
  }
}
