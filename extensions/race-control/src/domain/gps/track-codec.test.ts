import { describe, expect, it } from 'vitest';
import { decodeTrack, encodeTrack, FLAG_FAULTY, FLAG_SUSPECT, type TrackPoints } from './track-codec.ts';
import { REASON_CODES, reasonBit, reasonsOf } from './reasons.ts';

export function ride(n: number, t0 = Date.parse('2026-06-07T05:00:00Z')): TrackPoints {
  const p: TrackPoints = {
    ts: new Float64Array(n), lat: new Float64Array(n), lon: new Float64Array(n), speed: new Float32Array(n),
    satellites: new Uint8Array(n), flags: new Uint8Array(n), reasons: new Uint16Array(n),
  };
  for (let k = 0; k < n; k++) {
    p.ts[k] = t0 + k * 1000;
    p.lat[k] = 42.0684 + k * 0.00012 + Math.sin(k / 50) * 0.0003;
    p.lon[k] = 19.5126 + k * 0.00017;
    p.speed[k] = 60 + 20 * Math.sin(k / 300);
    p.satellites[k] = 9 + (k % 4);
  }
  return p;
}

const header = (devices: number) => ({ from: '2026-06-07T05:00:00.000Z', to: '2026-06-07T14:00:00.000Z', thinned: false, every: 1, reasons: REASON_CODES,
  devices: Array.from({ length: devices }, (_, i) => ({ device_id: `35209211000001${i}`, entry_id: null, race_number: 7, purpose: 'primary', total: 0 })) });

describe('RCT1 track codec', () => {
  it('round-trips every column of several devices, out-of-range coordinates and clock jumps included', () => {
    const a = ride(500);
    const b = ride(3, Date.parse('2026-06-08T05:00:00.250Z'));
    a.lat[10] = 0; a.lon[10] = 0;
    a.lon[11] = 189.5;
    a.ts[499] = a.ts[498]! + 86_400_000;
    a.flags[12] = FLAG_FAULTY | FLAG_SUSPECT;
    a.reasons[12] = reasonBit('spike') | reasonBit('cross-check');
    const decoded = decodeTrack(encodeTrack(header(2), [a, b]));
    expect(decoded.devices.map((d) => d.points)).toEqual([500, 3]);
    const d = decoded.devices[0]!;
    expect(Array.from(d.ts)).toEqual(Array.from(a.ts));
    for (let k = 0; k < 500; k++) {
      expect(d.lat[k]).toBeCloseTo(a.lat[k]!, 6);
      expect(d.lon[k]).toBeCloseTo(a.lon[k]!, 6);
      expect(d.speed[k]).toBeCloseTo(a.speed[k]!, 1);
    }
    expect(d.lon[11]).toBeCloseTo(189.5, 6);
    expect(d.flags[12]).toBe(3);
    expect(reasonsOf(d.reasons[12]!)).toEqual(['spike', 'cross-check']);
    expect(decoded.devices[1]!.ts[0]).toBe(Date.parse('2026-06-08T05:00:00.250Z'));
  });

  it('decodes from a view with an offset (a Node Buffer of the answer)', () => {
    const bytes = encodeTrack(header(1), [ride(7)]);
    const framed = new Uint8Array(bytes.length + 3);
    framed.set(bytes, 3);
    expect(decodeTrack(framed.subarray(3)).devices[0]!.points).toBe(7);
  });

  it('refuses anything that is not RCT1', () => {
    expect(() => decodeTrack(new TextEncoder().encode('{"data":1}'))).toThrow(/RCT1/);
  });

});
