// GET /race-control/gps/track: a device's or an entry's points in a window, RCT1-encoded
// (domain/gps/track-codec.ts), each with its suspect reasons. An entry's trackers are read
// together so the cross-check can compare them.
import { detectEntry } from '../../domain/gps/entry';
import { encodeTrack, FLAG_FAULTY, FLAG_SUSPECT, type TrackPoints } from '../../domain/gps/track-codec';
import { REASON_CODES } from '../../domain/gps/reasons';
import { checkWindow, DEFAULT_MAX_POINTS, MAX_POINTS, thinningStride } from '../../domain/gps/window';
import type { Reach } from '../../domain/gps/rights';
import { bad } from './errors';
import { readFixes } from './fixes';
import { deviceOnEntry, devicesOfEntry, requireImei, type DeviceOnEntry, type GpsContext } from './reach';

export interface TrackQuery {
  device_id?: unknown;
  entry_id?: unknown;
  from?: unknown;
  to?: unknown;
  max_points?: unknown;
}

export async function buildTrack(context: GpsContext, reach: Reach, q: TrackQuery) {
  if ((q.device_id === undefined) === (q.entry_id === undefined)) throw bad('Ask for one tracker (device_id=<IMEI>) or one entry (entry_id=<uuid>), not both and not neither.');
  const window = checkWindow(q.from, q.to);
  if (!window.ok) throw bad(window.reason);
  const max = q.max_points === undefined ? DEFAULT_MAX_POINTS : Number(q.max_points);
  if (!Number.isInteger(max) || max < 1 || max > MAX_POINTS) throw bad(`max_points must be a whole number from 1 to ${MAX_POINTS} (got ${JSON.stringify(q.max_points)}).`);
  const devices: DeviceOnEntry[] = q.device_id !== undefined
    ? [await deviceOnEntry(context.database, reach, requireImei(q.device_id), window.from)]
    : await devicesOfEntry(context.database, reach, String(q.entry_id));

  const tracks = await Promise.all(devices.map(async (d) => ({ device_id: d.device_id, vehicle_kind: d.vehicle_kind, fixes: await readFixes(context.database, d.device_id, window.from, window.to) })));
  const detections = detectEntry(tracks);
  let every = 1;
  const points: TrackPoints[] = tracks.map((t, i) => {
    const reasons = detections[i]!.reasons;
    const stride = thinningStride(t.fixes.length, max);
    every = Math.max(every, stride);
    const keep = t.fixes.map((_, k) => k).filter((k) => k % stride === 0 || reasons[k] || t.fixes[k]!.faulty || k === t.fixes.length - 1);
    const n = keep.length;
    const p: TrackPoints = { ts: new Float64Array(n), lat: new Float64Array(n), lon: new Float64Array(n), speed: new Float32Array(n), satellites: new Uint8Array(n), flags: new Uint8Array(n), reasons: new Uint16Array(n) };
    keep.forEach((k, j) => {
      const f = t.fixes[k]!;
      p.ts[j] = f.ts;
      p.lat[j] = f.lat ?? 0;
      p.lon[j] = f.lon ?? 0;
      p.speed[j] = f.speed;
      p.satellites[j] = f.satellites === null ? 255 : Math.min(254, f.satellites);
      p.flags[j] = (f.faulty ? FLAG_FAULTY : 0) | (reasons[k] ? FLAG_SUSPECT : 0);
      p.reasons[j] = reasons[k]!;
    });
    return p;
  });
  const header = {
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    thinned: every > 1,
    every,
    reasons: REASON_CODES,
    devices: devices.map((d, i) => ({ device_id: d.device_id, entry_id: d.entry_id, race_number: d.race_number, purpose: d.purpose, total: tracks[i]!.fixes.length })),
  };
  return { header, points, bytes: () => encodeTrack(header, points) };
}
