// The compact track format of GET /race-control/gps/track (contract: docs/gps-api.md). Delta
// columns of Int32 gzip to ~2–3 bytes per point where JSON costs ~8 (shared/notes/maps.md), and the
// browser decodes 30k points in well under a millisecond straight into typed arrays for MapLibre
// and uPlot. Little-endian throughout.
//
//   bytes 0–3   "RCT1"
//   bytes 4–7   Uint32 length H of the JSON header (UTF-8), then H bytes of JSON (TrackHeader)
//   then, padded with zeros to a multiple of 4, one block per device of header.devices, in order,
//   each block n = device.points long, columns in this order:
//     ts_ms     Int32[n]   delta of ms: first value from device.t0 (epoch ms), then from the previous
//     lat_e6    Int32[n]   delta of 1e-6 degree: first absolute, then from the previous
//     lon_e6    Int32[n]   same
//     speed_d   Int16[n]   delta of 0.1 km/h (first absolute)
//     sats      Uint8[n]   satellites (255 = unknown)
//     flags     Uint8[n]   bit 0 faulty, bit 1 suspect (some reason)
//     reasons   Uint16[n]  bit i = REASON_CODES[i] (reasons.ts)
//   each column padded with zeros to a multiple of 4 bytes.
import type { ReasonCode } from './reasons.ts';

export const TRACK_MAGIC = 'RCT1';
export const TRACK_MEDIA_TYPE = 'application/vnd.race-control.track';
export const FLAG_FAULTY = 1;
export const FLAG_SUSPECT = 2;

export interface TrackDeviceHeader {
  device_id: string;
  entry_id: string | null;
  race_number: number | null;
  purpose: string | null;
  /** Points of this device in the answer (after thinning). */
  points: number;
  /** Points of this device in the window before thinning. */
  total: number;
  /** Epoch ms the first ts delta starts from. */
  t0: number;
}

export interface TrackHeader {
  from: string;
  to: string;
  /** True when some points were left out; `every` is the stride kept between suspect/faulty points. */
  thinned: boolean;
  every: number;
  reasons: readonly ReasonCode[];
  devices: TrackDeviceHeader[];
}

export interface TrackPoints {
  /** epoch ms */
  ts: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  /** km/h */
  speed: Float32Array;
  satellites: Uint8Array;
  flags: Uint8Array;
  reasons: Uint16Array;
}

export interface DecodedTrack {
  header: TrackHeader;
  devices: (TrackDeviceHeader & TrackPoints)[];
}

const pad4 = (n: number): number => (n + 3) & ~3;

function blockBytes(n: number): number {
  return 3 * 4 * n + pad4(2 * n) + 2 * pad4(n) + pad4(2 * n);
}

/** Encodes points (ts ascending per device) into the RCT1 layout. */
export function encodeTrack(header: Omit<TrackHeader, 'devices'> & { devices: Omit<TrackDeviceHeader, 't0' | 'points'>[] }, tracks: TrackPoints[]): Uint8Array {
  const devices = header.devices.map((d, i) => ({ ...d, points: tracks[i]!.ts.length, t0: tracks[i]!.ts.length ? tracks[i]!.ts[0]! : 0 }));
  const json = new TextEncoder().encode(JSON.stringify({ ...header, devices }));
  const start = pad4(8 + json.length);
  const total = start + tracks.reduce((s, t) => s + blockBytes(t.ts.length), 0);
  const buf = new ArrayBuffer(total);
  const out = new Uint8Array(buf);
  const view = new DataView(buf);
  out.set(new TextEncoder().encode(TRACK_MAGIC), 0);
  view.setUint32(4, json.length, true);
  out.set(json, 8);
  let off = start;
  for (const [i, t] of tracks.entries()) {
    const n = t.ts.length;
    let prev = devices[i]!.t0;
    for (let k = 0; k < n; k++, off += 4) {
      const v = Math.round(t.ts[k]!);
      view.setInt32(off, v - prev, true);
      prev = v;
    }
    for (const col of [t.lat, t.lon]) {
      let p = 0;
      for (let k = 0; k < n; k++, off += 4) {
        const v = Math.round(col[k]! * 1e6);
        view.setInt32(off, v - p, true);
        p = v;
      }
    }
    let ps = 0;
    for (let k = 0; k < n; k++) {
      const v = Math.round(t.speed[k]! * 10);
      view.setInt16(off + 2 * k, Math.max(-32768, Math.min(32767, v - ps)), true);
      ps = v;
    }
    off += pad4(2 * n);
    out.set(t.satellites, off);
    off += pad4(n);
    out.set(t.flags, off);
    off += pad4(n);
    for (let k = 0; k < n; k++) view.setUint16(off + 2 * k, t.reasons[k]!, true);
    off += pad4(2 * n);
  }
  return out;
}

/** Decodes an RCT1 answer (an ArrayBuffer or a view of one). Throws on anything else. */
export function decodeTrack(input: ArrayBuffer | Uint8Array): DecodedTrack {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== TRACK_MAGIC) throw new Error('not a race-control track (RCT1)');
  const h = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + h))) as TrackHeader;
  let off = pad4(8 + h);
  const devices = header.devices.map((d) => {
    const n = d.points;
    const ts = new Float64Array(n);
    const lat = new Float64Array(n);
    const lon = new Float64Array(n);
    const speed = new Float32Array(n);
    let t = d.t0;
    for (let k = 0; k < n; k++, off += 4) ts[k] = t += view.getInt32(off, true);
    for (const col of [lat, lon]) {
      let p = 0;
      for (let k = 0; k < n; k++, off += 4) {
        p += view.getInt32(off, true);
        col[k] = p / 1e6;
      }
    }
    let s = 0;
    for (let k = 0; k < n; k++) speed[k] = (s += view.getInt16(off + 2 * k, true)) / 10;
    off += pad4(2 * n);
    const satellites = bytes.slice(off, off + n);
    off += pad4(n);
    const flags = bytes.slice(off, off + n);
    off += pad4(n);
    const reasons = new Uint16Array(n);
    for (let k = 0; k < n; k++) reasons[k] = view.getUint16(off + 2 * k, true);
    off += pad4(2 * n);
    return { ...d, ts, lat, lon, speed, satellites, flags, reasons };
  });
  return { header, devices };
}
