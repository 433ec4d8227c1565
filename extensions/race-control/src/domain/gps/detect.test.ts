// Hand-made tracks, one fault at a time, on a moto riding east at 60 km/h, 1 Hz, 10 satellites.
import { describe, expect, it } from 'vitest';
import { detect, type Fix } from './detect.ts';
import { detectEntry } from './entry.ts';
import { reasonsOf } from './reasons.ts';
import { suspectRuns } from './runs.ts';
import { settingsFor } from './settings.ts';

const T0 = Date.parse('2026-06-07T05:00:00Z');
const LAT = 42;
const M_LON = 111_320 * Math.cos((LAT * Math.PI) / 180);

function ride(n: number, kmh = 60): Fix[] {
  return Array.from({ length: n }, (_, k) => ({ ts: T0 + k * 1000, lat: LAT, lon: 19.5 + (k * kmh) / 3.6 / M_LON, speed: kmh, satellites: 10, hdop: 1, faulty: false }));
}
const moto = settingsFor('moto');
const flagged = (fixes: Fix[], kind = 'moto') =>
  [...detect(fixes, settingsFor(kind)).reasons.entries()].filter(([, m]) => m).map(([i, m]) => [i, reasonsOf(m).join('+')]);

describe('suspect detectors', () => {
  it('finds nothing on a clean ride', () => {
    expect(flagged(ride(200))).toEqual([]);
  });

  it('no fix, (0,0) and out-of-range coordinates', () => {
    const f = ride(30);
    f[5] = { ...f[4]!, ts: f[5]!.ts, satellites: 0, speed: 0 };
    f[10] = { ...f[10]!, lat: 0, lon: 0 };
    f[15] = { ...f[15]!, lon: 189.5 };
    expect(flagged(f)).toEqual([[5, 'no-fix'], [10, 'zero-coordinates'], [15, 'out-of-range']]);
  });

  it('a repeated row once is a duplicate, repeated for seconds while moving a stale fix', () => {
    const f = ride(40);
    f[5] = { ...f[4]!, ts: f[5]!.ts };
    for (let k = 20; k < 25; k++) f[k] = { ...f[19]!, ts: f[k]!.ts };
    expect(flagged(f)).toEqual([[5, 'duplicate'], ...[20, 21, 22, 23, 24].map((k) => [k, 'stale-fix'])]);
  });

  it('a standing vehicle repeating its position is no stale fix', () => {
    const f = ride(20).map((x) => ({ ...x, lon: 19.5, speed: 0 }));
    expect(flagged(f)).toEqual([]);
  });

  it('same-time conflict: of two rows within a second, the one off the track', () => {
    const f = ride(20);
    f.splice(8, 0, { ...f[7]!, ts: f[7]!.ts + 400, lat: LAT + 0.05 });
    expect(flagged(f)).toEqual([[8, 'same-time-conflict']]);
  });

  it('a spike against good neighbours, with its evidence, never anchored on a faulty point', () => {
    const f = ride(30);
    f[10] = { ...f[10]!, lat: LAT + 0.009 };
    // The point before the spike is already flagged: the spike is measured from the one before it.
    f[9] = { ...f[9]!, faulty: true, lat: LAT - 0.02 };
    const d = detect(f, moto);
    expect(reasonsOf(d.reasons[10]!)).toEqual(['spike']);
    expect(d.evidence.get(10)).toMatchObject({ max_kmh: 130 });
    expect(d.evidence.get(10)!.jump_m).toBeGreaterThan(900);
    expect(d.reasons[11]).toBe(0);
  });

  it('the spike speed depends on the vehicle kind: 180 km/h is a spike for a truck, not a car', () => {
    const f = ride(30, 60);
    // One point 50 m ahead of where 60 km/h puts it: ~180 km/h from each neighbour… plus an offset.
    f[10] = { ...f[10]!, lat: LAT + 130 / 111_000 };
    expect(flagged(f, 'truck')).toEqual([[10, 'spike']]);
    expect(flagged(f, 'car').length).toBeLessThanOrEqual(1);
  });

  it('low accuracy in mid-ride; power-on drift after a coverage gap', () => {
    const f = ride(200);
    for (let k = 50; k < 70; k++) f[k] = { ...f[k]!, satellites: 3, hdop: 9 };
    // 60 s without rows, then a receiver that settles over 12 s.
    const after = f.slice(130).map((x, k) => ({ ...x, satellites: Math.min(10, 3 + Math.floor(k / 2)), hdop: Math.max(1, 12 - k) }));
    const track = [...f.slice(0, 70), ...f.slice(70, 100), ...after];
    const runs = suspectRuns('352092110000016', track, detect(track, moto));
    expect(runs.map((r) => [r.reason, r.count])).toEqual([['low-accuracy', 20], ['power-on-drift', 12]]);
    expect(runs[0]!.evidence).toMatchObject({ satellites: 3, hdop: 9 });
  });

  it('a clock jump: a point stamped one hour late, where the track was an hour before', () => {
    const f = ride(4000, 20);
    const moved = { ...f[100]!, ts: f[100]!.ts + 3600_000 + 4000 * 1000 };
    // Its true second is missing; the stamped one lands after the end of the ride.
    const jumped = { ...f[3990]!, ts: f[3990]!.ts + 3600_000 };
    const track = [...f.filter((_, k) => k !== 3990), jumped].sort((a, b) => a.ts - b.ts);
    const d = detect(track, moto);
    const i = track.indexOf(jumped);
    expect(reasonsOf(d.reasons[i]!)).toEqual(['clock-jump']);
    expect(d.evidence.get(i)).toEqual({ clock_shift_s: 3600 });
    expect(moved.ts).toBeGreaterThan(0);
  });

  it('cross-check: the tracker that leaves both its own track and its mate is the suspect', () => {
    const a = ride(60);
    const b = ride(60).map((x) => ({ ...x, lat: x.lat + 0.00002 }));
    // A smooth 200 m offset (no spike) with a worse hdop: far from the other tracker on the same vehicle.
    for (let k = 25; k < 45; k++) a[k] = { ...a[k]!, hdop: 2, lat: LAT + (Math.min(5, k - 24, 45 - k) * 40) / 111_000 };
    const [da, db] = detectEntry([
      { device_id: 'A', vehicle_kind: 'car', fixes: a },
      { device_id: 'B', vehicle_kind: 'car', fixes: b },
    ]);
    const marked = [...da!.reasons.entries()].filter(([, m]) => m);
    expect(new Set(marked.map(([, m]) => reasonsOf(m).join()))).toEqual(new Set(['cross-check']));
    expect(marked.map(([i]) => i)).toContain(35);
    expect(da!.evidence.get(35)).toMatchObject({ other_device_id: 'B' });
    expect(da!.evidence.get(35)!.other_distance_m).toBeGreaterThan(190);
    expect([...db!.reasons].some(Boolean)).toBe(false);
  });
});

describe('flagged points', () => {
  it('keep their reason, and are never the anchor of their neighbour\'s verdict', () => {
    const f = ride(30);
    f[10] = { ...f[10]!, lat: LAT + 0.009, faulty: true };
    expect(flagged(f)).toEqual([[10, 'spike']]);
  });
});
