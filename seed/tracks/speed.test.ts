import { describe, expect, it } from 'vitest';
import { routeModel } from './route-walker.ts';
import { KIND_SPEEDS, STOPPED, simulate, trackDurationSeconds } from './speed.ts';
import { testPlan } from './test-route.ts';

describe('simulate', () => {
  it('starts at rest, arrives at the end of the route, at rest, and is deterministic', () => {
    const plan = testPlan();
    const tl = simulate(plan);
    expect(tl.s[0]).toBe(0);
    expect(tl.v[0]).toBe(0);
    expect(tl.s[tl.duration]).toBe(routeModel(plan.route).length);
    expect(tl.v[tl.duration]).toBe(0);
    expect(trackDurationSeconds(plan)).toBe(tl.duration);
    expect(simulate(testPlan()).s).toEqual(tl.s);
  });

  it('moves the trackers of one vehicle together: seed and gaps belong to the tracker, not to the motion', () => {
    const a = simulate(testPlan({ seed: 1, imei: '490154203237518' }));
    const b = simulate(testPlan({ seed: 2, imei: '356307042441013', gaps: [] }));
    expect(b.s).toEqual(a.s);
    expect(b.v).toEqual(a.v);
    const later = simulate(testPlan({ startAt: new Date('2026-06-07T06:01:00Z') }));
    expect(later.s).not.toEqual(a.s);
  });

  it('holds each stop for its seconds at its km and counts them in the duration', () => {
    const plan = testPlan();
    const tl = simulate(plan);
    expect(tl.stops.map((s) => s.to - s.from)).toEqual(plan.stops.map((s) => s.seconds));
    for (const [i, s] of tl.stops.entries()) {
      for (let t = s.from; t < s.to; t++) {
        expect(tl.v[t]).toBe(0);
        expect(tl.flags[t]! & STOPPED).toBe(STOPPED);
        expect(tl.s[t]).toBe(plan.stops[i]!.atKm * 1000);
      }
    }
    const without = simulate(testPlan({ stops: [] }));
    expect(tl.duration - without.duration).toBeGreaterThan(240 + 600);
  });

  it('never moves backwards and changes speed smoothly (no 0 → 70 in a second)', () => {
    for (const vehicleKind of ['moto', 'truck'] as const) {
      const { brake, accel } = KIND_SPEEDS[vehicleKind];
      const tl = simulate(testPlan({ vehicleKind }));
      for (let t = 1; t <= tl.duration; t++) {
        expect(tl.s[t]!).toBeGreaterThanOrEqual(tl.s[t - 1]!);
        const dv = tl.v[t]! - tl.v[t - 1]!;
        if (dv > accel + 1e-6 || dv < -1.35 * brake) throw new Error(`${vehicleKind}: ${dv.toFixed(2)} m/s² at ${t}`);
      }
    }
  });

  it('goes faster with a higher pace and slower as a truck', () => {
    const d = (over: Parameters<typeof testPlan>[0]) => simulate(testPlan({ stops: [], gaps: [], ...over })).duration;
    expect(d({ pace: 1.2 })).toBeLessThan(d({ pace: 1 }));
    expect(d({ pace: 0.8 })).toBeGreaterThan(d({ pace: 1 }));
    expect(d({ vehicleKind: 'truck' })).toBeGreaterThan(d({ vehicleKind: 'car' }));
  });

  it('refuses a plan it cannot drive, naming what is wrong', () => {
    expect(() => simulate(testPlan({ pace: 0 }))).toThrow(/pace/);
    expect(() => simulate(testPlan({ vehicleKind: 'bus' as never }))).toThrow(/vehicle kind/);
    expect(() => simulate(testPlan({ stops: [{ atKm: 3, seconds: -1, reason: 'control' }] }))).toThrow(/seconds/);
  });
});
