import { describe, expect, it } from 'vitest';
import { MARGIN, injectedFaults, planFaults } from './faults.ts';
import { IN_GAP, STOPPED, simulate } from './speed.ts';
import { testPlan, wigglyRoute } from './test-route.ts';
import { FAULT_KINDS, type Gap, type Stop, type TrackPlan, type VehicleKind } from './types.ts';

const SHORT = wigglyRoute(30);
const KINDS: VehicleKind[] = ['moto', 'quad', 'car', 'ssv', 'truck'];

// Plans of every shape the seed will meet: no stops or gaps, a gap or stop at km 0, many gaps, a
// long stop on a short stage, gaps right before stops.
const SHAPES: { stops: Stop[]; gaps: Gap[] }[] = [
  { stops: [], gaps: [] },
  { stops: [{ atKm: 0, seconds: 120, reason: 'control' }], gaps: [{ atKm: 0, seconds: 60 }] },
  { stops: [{ atKm: 12, seconds: 900, reason: 'incident' }], gaps: [] },
  { stops: [], gaps: [3, 8, 13, 18, 23].map((atKm) => ({ atKm, seconds: 45 })) },
  { stops: [{ atKm: 10, seconds: 300, reason: 'refuel' }, { atKm: 20, seconds: 60, reason: 'control' }], gaps: [{ atKm: 9.9, seconds: 30 }, { atKm: 19.5, seconds: 200 }] },
];

function* plans(): Generator<TrackPlan> {
  let seed = 1;
  for (const shape of SHAPES) {
    for (const vehicleKind of KINDS) {
      for (const pace of [0.8, 1, 1.2]) {
        for (let k = 0; k < 3; k++) yield testPlan({ route: SHORT, vehicleKind, pace, seed: seed++, ...shape });
      }
    }
  }
}

describe('planFaults', () => {
  it('places every kind 1–3 times on every track over 30 minutes, never on a stop, a gap or another fault', () => {
    let over30 = 0;
    let justOver30 = 0;
    for (const plan of plans()) {
      const tl = simulate(plan);
      const faults = planFaults(plan, tl.duration);
      const label = `${plan.vehicleKind} pace ${plan.pace} seed ${plan.seed}`;
      if (tl.duration > 1800) {
        over30++;
        if (tl.duration < 2400) justOver30++;
        for (const kind of FAULT_KINDS) {
          const n = faults.filter((f) => f.kind === kind).length;
          if (n < 1 || n > 3) throw new Error(`${label}: ${n} × ${kind}`);
        }
      }
      const sorted = [...faults].sort((a, b) => a.start - b.start);
      for (const [i, f] of sorted.entries()) {
        for (let t = f.start; t < f.start + f.length; t++) {
          if (t < 0 || t > tl.duration || tl.flags[t]! & (STOPPED | IN_GAP)) throw new Error(`${label}: ${f.kind} on second ${t} overlaps a stop or gap`);
        }
        const next = sorted[i + 1];
        if (next && next.start < f.start + f.length + MARGIN) throw new Error(`${label}: ${f.kind} and ${next.kind} are closer than ${MARGIN} s`);
      }
    }
    // The shapes above must really exercise the rule, including tracks barely over 30 minutes.
    expect(over30).toBeGreaterThan(100);
    expect(justOver30).toBeGreaterThan(10);
  });

  it('puts power-on drift right after a gap (or the stop it ends in) when the plan has one, else at the start or after a stop', () => {
    for (const plan of plans()) {
      const tl = simulate(plan);
      const drifts = planFaults(plan, tl.duration).filter((f) => f.kind === 'power-on-drift');
      const gapEnds = new Set(tl.gaps.map((g) => tl.stops.find((s) => s.from <= g.to && g.to < s.to)?.to ?? g.to));
      const stopEnds = new Set(tl.stops.map((s) => s.to));
      if (tl.gaps.length > 0 && tl.duration > 1800) expect(drifts.some((d) => gapEnds.has(d.start)), `seed ${plan.seed}`).toBe(true);
      for (const d of drifts) expect(gapEnds.has(d.start) || stopEnds.has(d.start) || d.start === 0).toBe(true);
    }
  });

  it('is deterministic, depends on the seed, and keeps faults inside the duration it is given', () => {
    const plan = testPlan();
    const T = simulate(plan).duration;
    expect(planFaults(plan, T)).toEqual(planFaults(testPlan(), T));
    expect(planFaults(plan, T)).not.toEqual(planFaults(testPlan({ seed: 7 }), T));
    for (const f of planFaults(plan, 1200)) expect(f.start + f.length).toBeLessThanOrEqual(1201);
  });

  it('stamps clock jumps outside the track so they can never collide with a true row', () => {
    for (const plan of plans()) {
      const tl = simulate(plan);
      for (const f of planFaults(plan, tl.duration).filter((x) => x.kind === 'clock-jump')) {
        const at = f.start + f.shiftMs / 1000;
        expect(at < 0 || at > tl.duration).toBe(true);
      }
    }
  });
});

describe('injectedFaults', () => {
  it('describes the planned faults as ISO bounds, counts and notes for the device', () => {
    const plan = testPlan();
    const truth = injectedFaults(plan);
    const planned = planFaults(plan, simulate(plan).duration);
    expect(truth.map((f) => f.kind)).toEqual(planned.map((f) => f.kind));
    for (const f of truth) {
      expect(f.device_id).toBe(plan.imei);
      expect(f.from).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Date.parse(f.to) - Date.parse(f.from)).toBe(f.kind === 'same-time-conflict' || f.kind === 'clock-jump' ? 0 : (f.count - 1) * 1000);
      expect(f.note.length).toBeGreaterThan(10);
    }
    const conflict = truth.find((f) => f.kind === 'same-time-conflict')!;
    expect(Date.parse(conflict.from) % 1000).toBeGreaterThanOrEqual(200);
  });

  it('may leave kinds out of a track too short for them, without failing', () => {
    const plan = testPlan({ route: wigglyRoute(2), stops: [], gaps: [] });
    expect(simulate(plan).duration).toBeLessThan(300);
    expect(() => injectedFaults(plan)).not.toThrow();
  });
});
