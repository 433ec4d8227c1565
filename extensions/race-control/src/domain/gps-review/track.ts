// One device's day as the review screen holds it: columns of typed arrays (the API sends a compact
// binary track; 30k points as objects would cost more to build than to draw), plus what the marshal
// changes: the `faulty` flag of each point. Times are ms since the epoch, ascending.
export interface ReviewTrack {
  imei: string;
  count: number;
  t: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
  /** Reported speed, km/h. */
  speed: Float32Array;
  /** 1 when positions.faulty is set. */
  flagged: Uint8Array;
  /** The detectors' reasons of each point, bit i = REASON_CODES[i] of domain/gps (0: not suspect). */
  reasons: Uint16Array;
}

/** One device of the API's track answer (binary decoded, or `format=json` with plain arrays). */
export interface TrackDeviceColumns {
  device_id: string;
  ts: ArrayLike<number>;
  lat: ArrayLike<number>;
  lon: ArrayLike<number>;
  speed: ArrayLike<number>;
  /** bit0 faulty, bit1 suspect. */
  flags: ArrayLike<number>;
  reasons: ArrayLike<number>;
}

export function reviewTrackOf(device: TrackDeviceColumns): ReviewTrack {
  const track = emptyTrack(device.device_id, device.ts.length);
  track.t.set(device.ts);
  track.lat.set(device.lat);
  track.lon.set(device.lon);
  track.speed.set(device.speed);
  track.reasons.set(device.reasons);
  for (let i = 0; i < track.count; i++) track.flagged[i] = device.flags[i]! & 1;
  return track;
}

/** Flagged wins over suspect: once a marshal has decided, the map shows the decision. */
export function pointState(track: ReviewTrack, i: number): PointState {
  if (track.flagged[i]) return POINT_STATE.flagged;
  return track.reasons[i] ? POINT_STATE.suspect : POINT_STATE.good;
}

/** What each point shows as on the map and chart. */
export const POINT_STATE = { good: 0, suspect: 1, flagged: 2 } as const;
export type PointState = (typeof POINT_STATE)[keyof typeof POINT_STATE];

export function emptyTrack(imei: string, count: number): ReviewTrack {
  return {
    imei,
    count,
    t: new Float64Array(count),
    lon: new Float64Array(count),
    lat: new Float64Array(count),
    speed: new Float32Array(count),
    flagged: new Uint8Array(count),
    reasons: new Uint16Array(count),
  };
}

/** (0, 0) and out-of-range fixes cannot be drawn or indexed on the map; the chart still has them. */
export function onTheMap(track: ReviewTrack, i: number): boolean {
  const lon = track.lon[i]!;
  const lat = track.lat[i]!;
  return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lat) <= 85 && Math.abs(lon) <= 180 && !(lon === 0 && lat === 0);
}

/** The first index whose time is ≥ ms (count when none). */
export function lowerBound(t: Float64Array, ms: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid]! < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose time is > ms (count when none). */
export function upperBound(t: Float64Array, ms: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid]! <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the point closest in time to ms (−1 for an empty track): what chart hover points at. */
export function indexAtTime(t: Float64Array, ms: number): number {
  if (t.length === 0) return -1;
  const i = lowerBound(t, ms);
  if (i === 0) return 0;
  if (i === t.length) return t.length - 1;
  return ms - t[i - 1]! <= t[i]! - ms ? i - 1 : i;
}

/** Indices of the points from `from` to `to` inclusive (ms), as [first, last]; null when none. */
export function indicesBetween(t: Float64Array, from: number, to: number): [number, number] | null {
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const first = lowerBound(t, lo);
  const last = upperBound(t, hi) - 1;
  return first <= last ? [first, last] : null;
}
