import { distance, pointToLineDistance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { toCopyLine } from './copy.ts';
import { injectedFaults, planFaults } from './faults.ts';
import { generateRows, generateTrack } from './generate.ts';
import { createWalker, routeModel } from './route-walker.ts';
import { IN_GAP, KIND_SPEEDS, simulate, trackDurationSeconds } from './speed.ts';
import { testPlan } from './test-route.ts';
import { FAULT_KINDS, type InjectedFault, type PositionRow, type TrackPlan, type VehicleKind } from './types.ts';

const meters = (a: PositionRow, b: PositionRow): number =>
  distance([a.longitude, a.latitude], [b.longitude, b.latitude], { units: 'meters' });
const sameFix = (a: PositionRow, b: PositionRow): boolean =>
  a.latitude === b.latitude && a.longitude === b.longitude && a.speed === b.speed && a.angle === b.angle;
const sameRow = (a: PositionRow, b: PositionRow): boolean => toCopyLine(a) === toCopyLine(b);

/** A plan's rows with and without faults, its ground truth, and what the test needs to compare them. */
function run(plan: TrackPlan) {
  const rows = [...generateTrack(plan)];
  const clean = [...generateRows(plan, false)];
  const truth = injectedFaults(plan);
  const base = plan.startAt.getTime();
  const cleanAt = new Map(clean.map((r) => [r.ts.getTime(), r]));
  const rowAt = new Map(rows.map((r) => [r.ts.getTime(), r]));
  const faulty = rows.filter((r) => {
    const c = cleanAt.get(r.ts.getTime());
    return !c || !sameRow(c, r);
  });
  const isFaulty = new Set(faulty);
  const inFault = (f: InjectedFault): PositionRow[] => {
    const from = Date.parse(f.from);
    const to = Date.parse(f.to);
    return faulty.filter((r) => r.ts.getTime() >= from && r.ts.getTime() <= to);
  };
  return { rows, clean, truth, base, cleanAt, rowAt, faulty, isFaulty, inFault, tl: simulate(plan) };
}

const plan = testPlan();
const R = run(plan);

describe('generateTrack', () => {
  it('is deterministic: the same plan gives the same rows, another seed other rows', () => {
    const again = [...generateTrack(testPlan())].map(toCopyLine);
    expect(again).toEqual(R.rows.map(toCopyLine));
    const other = [...generateTrack(testPlan({ seed: 43 }))].map(toCopyLine);
    expect(other).not.toEqual(again);
  });

  it('ends at the duration trackDurationSeconds gives, and keeps (device_id, ts) unique', () => {
    const T = trackDurationSeconds(plan);
    expect(T).toBe(R.tl.duration);
    const inTrack = R.rows.filter((r) => r.ts.getTime() >= R.base && r.ts.getTime() <= R.base + T * 1000);
    expect(Math.max(...inTrack.map((r) => r.ts.getTime()))).toBe(R.base + T * 1000);
    expect(new Set(R.rows.map((r) => `${r.device_id} ${r.ts.toISOString()}`)).size).toBe(R.rows.length);
    expect(new Set(R.rows.map((r) => r.device_id))).toEqual(new Set([plan.imei]));
    expect(R.rows.every((r) => r.codec === '8E' && r.priority === 0)).toBe(true);
  });

  it('yields rows in ts order, except the clock-jump rows', () => {
    const jumped = new Set(R.truth.filter((f) => f.kind === 'clock-jump').map((f) => Date.parse(f.from)));
    const ordered = R.rows.filter((r) => !jumped.has(r.ts.getTime())).map((r) => r.ts.getTime());
    expect(ordered).toEqual([...ordered].sort((a, b) => a - b));
  });

  it('writes one row per whole second, none inside gaps, none where a clock jump took its row away', () => {
    const jumpedFrom = new Set(planFaults(plan, R.tl.duration).filter((f) => f.kind === 'clock-jump').map((f) => f.start));
    const whole = R.rows.filter((r) => r.ts.getTime() % 1000 === 0).map((r) => (r.ts.getTime() - R.base) / 1000);
    const perSecond = new Map<number, number>();
    for (const t of whole) perSecond.set(t, (perSecond.get(t) ?? 0) + 1);
    for (let t = 0; t <= R.tl.duration; t++) {
      const expected = R.tl.flags[t]! & IN_GAP || jumpedFrom.has(t) ? 0 : 1;
      if ((perSecond.get(t) ?? 0) !== expected) throw new Error(`second ${t}: ${perSecond.get(t) ?? 0} rows, expected ${expected}`);
    }
    // The gaps are the plan's, in length and place, and the vehicle drove on through them.
    expect(R.tl.gaps.map((g) => g.to - g.from)).toEqual(plan.gaps.map((g) => g.seconds));
    for (const [i, g] of R.tl.gaps.entries()) {
      expect(R.tl.s[g.from]! / 1000).toBeCloseTo(plan.gaps[i]!.atKm, 1);
      const before = R.rowAt.get(R.base + (g.from - 1) * 1000)!;
      const after = R.rowAt.get(R.base + g.to * 1000)!;
      expect(meters(before, after)).toBeGreaterThan(500);
    }
  });

  it('differs from the same track without faults in exactly the rows the ground truth lists', () => {
    let listed = 0;
    for (const f of R.truth) {
      const rows = R.inFault(f);
      expect(rows.length, `${f.kind} ${f.from}`).toBe(f.count);
      expect(rows[0]!.ts.toISOString()).toBe(f.from);
      expect(rows[rows.length - 1]!.ts.toISOString()).toBe(f.to);
      listed += f.count;
    }
    expect(listed).toBe(R.faulty.length);
    // The only clean rows missing from the faulty track are the ones a clock jump re-stamped.
    const present = new Set(R.rows.map((r) => r.ts.getTime()));
    const missing = R.clean.filter((c) => !present.has(c.ts.getTime()));
    expect(missing.length).toBe(R.truth.filter((f) => f.kind === 'clock-jump').length);
  });

  it('injects every fault kind, each 1–3 times, with the signature domain.md describes', () => {
    const maxKmh = KIND_SPEEDS[plan.vehicleKind].maxKmh;
    const endMs = R.base + R.tl.duration * 1000;
    for (const kind of FAULT_KINDS) {
      const n = R.truth.filter((f) => f.kind === kind).length;
      expect(n, kind).toBeGreaterThanOrEqual(1);
      expect(n, kind).toBeLessThanOrEqual(3);
    }
    for (const f of R.truth) {
      const rows = R.inFault(f);
      const at = (r: PositionRow, ds: number) => R.rowAt.get(r.ts.getTime() + ds * 1000);
      const truthOf = (r: PositionRow) => R.cleanAt.get(r.ts.getTime())!;
      const first = rows[0]!;
      const before = at(first, -1);
      const what = `${f.kind} at ${f.from}`;
      switch (f.kind) {
        case 'no-fix':
          expect(before && !R.isFaulty.has(before), what).toBe(true);
          for (const r of rows) expect([r.satellites, r.latitude, r.longitude, r.speed], what).toEqual([0, before!.latitude, before!.longitude, 0]);
          expect(meters(truthOf(first), truthOf(rows[rows.length - 1]!)), what).toBeGreaterThan(10);
          break;
        case 'zero-coordinates':
          for (const r of rows) expect([r.latitude, r.longitude], what).toEqual([0, 0]);
          break;
        case 'out-of-range':
          for (const r of rows) expect(r.latitude > 90 || r.longitude > 180, what).toBe(true);
          break;
        case 'duplicate':
          expect(rows).toHaveLength(1);
          expect(sameFix(first, before!) && !R.isFaulty.has(before!), what).toBe(true);
          expect(meters(truthOf(first), before!), what).toBeGreaterThan(2);
          break;
        case 'same-time-conflict': {
          const ms = first.ts.getTime() % 1000;
          expect(ms, what).toBeGreaterThanOrEqual(200);
          expect(ms, what).toBeLessThanOrEqual(800);
          const trueRow = R.rowAt.get(first.ts.getTime() - ms)!;
          expect(R.isFaulty.has(trueRow)).toBe(false);
          expect(meters(first, trueRow), what).toBeGreaterThan(900);
          break;
        }
        case 'spike': {
          const prev = at(first, -1)!;
          const next = at(first, 1)!;
          expect(R.isFaulty.has(prev) || R.isFaulty.has(next), `${what}: neighbours must be good`).toBe(false);
          expect(meters(first, prev) * 3.6, what).toBeGreaterThan(5 * maxKmh);
          expect(meters(first, next) * 3.6, what).toBeGreaterThan(5 * maxKmh);
          break;
        }
        case 'stale-fix':
          expect(rows.length, what).toBeGreaterThanOrEqual(10);
          expect(rows.length, what).toBeLessThanOrEqual(60);
          for (const r of rows) {
            expect(sameFix(r, before!), what).toBe(true);
            expect(r.satellites, what).toBeGreaterThan(0);
            expect(r.attributes['240'], what).toBe(1);
          }
          expect(meters(truthOf(first), truthOf(rows[rows.length - 1]!)), what).toBeGreaterThan(30);
          break;
        case 'low-accuracy':
          expect(rows.length, what).toBeGreaterThanOrEqual(20);
          expect(rows.length, what).toBeLessThanOrEqual(120);
          for (const r of rows) {
            expect([3, 4], what).toContain(r.satellites);
            expect(r.attributes['182'], what).toBeGreaterThanOrEqual(50);
            expect(r.attributes['182'], what).toBeLessThanOrEqual(200);
            const off = meters(r, truthOf(r));
            expect(off, what).toBeGreaterThan(19.5);
            expect(off, what).toBeLessThan(80.5);
          }
          break;
        case 'clock-jump': {
          const t = first.ts.getTime();
          expect(t < R.base || t > endMs, what).toBe(true);
          expect(Math.abs(t - R.base) % 1000).toBe(0);
          break;
        }
        case 'power-on-drift': {
          // Right after a gap here (the plan has gaps): no row in the second before.
          expect(before, what).toBeUndefined();
          expect(rows.length, what).toBeGreaterThanOrEqual(20);
          expect(rows.length, what).toBeLessThanOrEqual(60);
          const offs = rows.map((r) => meters(r, truthOf(r)));
          expect(offs[0]!, what).toBeGreaterThanOrEqual(50);
          expect(offs[0]!, what).toBeLessThanOrEqual(300);
          for (let i = 1; i < offs.length; i++) expect(offs[i]!, what).toBeLessThanOrEqual(offs[i - 1]! + 1);
          expect(offs[offs.length - 1]!, what).toBeLessThan(30);
          break;
        }
      }
    }
    // Outside the faults, satellites and coordinates stay sane.
    for (const r of R.rows) {
      if (R.isFaulty.has(r)) continue;
      expect(r.satellites).toBeGreaterThanOrEqual(8);
      expect(r.satellites).toBeLessThanOrEqual(14);
      expect(r.attributes['182']).toBeGreaterThanOrEqual(8);
      expect(r.attributes['182']).toBeLessThanOrEqual(15);
    }
  });

  it('follows the route within GPS noise except at faults', () => {
    const walker = createWalker(routeModel(plan.route));
    let worst = 0;
    for (const r of R.rows) {
      if (R.isFaulty.has(r)) continue;
      walker.seek(R.tl.s[(r.ts.getTime() - R.base) / 1000]!);
      worst = Math.max(worst, distance([walker.lon, walker.lat], [r.longitude, r.latitude], { units: 'meters' }));
    }
    expect(worst).toBeLessThan(6);
    expect(worst).toBeGreaterThan(1);
    // And independently of our own route model: turf's distance to the line, on a sample.
    for (const r of R.rows.filter((x, i) => i % 100 === 0 && !R.isFaulty.has(x))) {
      expect(pointToLineDistance([r.longitude, r.latitude], plan.route, { units: 'meters' })).toBeLessThan(6);
    }
  });

  it('holds each stop at 0 km/h at its km', () => {
    const walker = createWalker(routeModel(plan.route));
    for (const stop of plan.stops) {
      walker.seek(stop.atKm * 1000);
      const still = R.rows.filter((r) => r.speed === 0 && distance([walker.lon, walker.lat], [r.longitude, r.latitude], { units: 'meters' }) < 6);
      expect(still.length).toBeGreaterThanOrEqual(stop.seconds);
    }
  });

  it('drives at realistic speeds for every kind and pace, with bounded acceleration', () => {
    for (const vehicleKind of Object.keys(KIND_SPEEDS) as VehicleKind[]) {
      for (const pace of [0.8, 1.2]) {
        const p = testPlan({ vehicleKind, pace, seed: 7 });
        const r = run(p);
        const { cruiseKmh, maxKmh } = KIND_SPEEDS[vehicleKind];
        const moving = r.rows.filter((x) => !r.isFaulty.has(x) && x.speed > 0).map((x) => x.speed).sort((a, b) => a - b);
        const p95 = moving[Math.floor(moving.length * 0.95)]!;
        const p50 = moving[Math.floor(moving.length * 0.5)]!;
        const label = `${vehicleKind} pace ${pace}`;
        expect(p95, label).toBeLessThan(maxKmh);
        expect(p95, label).toBeLessThan(cruiseKmh * pace * 1.25);
        expect(p50, label).toBeGreaterThan(cruiseKmh * pace * 0.5);
        for (let i = 1; i < r.rows.length; i++) {
          const a = r.rows[i - 1]!;
          const b = r.rows[i]!;
          if (r.isFaulty.has(a) || r.isFaulty.has(b) || b.ts.getTime() - a.ts.getTime() !== 1000) continue;
          const dv = b.speed - a.speed;
          if (Math.abs(dv) > 15) throw new Error(`${label}: speed ${a.speed} → ${b.speed} km/h in one second at ${b.ts.toISOString()}`);
          // Consecutive good fixes never imply more than the reported speed plus noise.
          const implied = meters(a, b) * 3.6;
          if (implied > Math.max(a.speed, b.speed) + 20) throw new Error(`${label}: ${implied.toFixed(0)} km/h implied at ${b.ts.toISOString()}`);
        }
      }
    }
  });

  it('produces the expected number of rows for an hour-long track (a count, not a timing)', () => {
    const p = testPlan({ stops: [], gaps: [{ atKm: 20, seconds: 120 }], seed: 99, pace: 0.95 });
    const T = trackDurationSeconds(p);
    expect(T).toBeGreaterThan(3600);
    const conflicts = injectedFaults(p).filter((f) => f.kind === 'same-time-conflict').length;
    let n = 0;
    const rows = generateTrack(p);
    while (!rows.next().done) n++;
    expect(n).toBe(T + 1 - 120 + conflicts);
  });
});
