// One entry's trackers reviewed together: their tracks laid end to end in one ReviewTrack, each a
// `part` [offset, offset + count) in time order of its own. Everything index-based (map feature ids,
// the spatial index, selection, flags, suspects' first/last) then works on the whole crew unchanged;
// what needs time order across trackers (the chart's x, a time range, the point nearest a time)
// goes through the parts. A single tracker is the same thing with one part.
import { EMPTY_SELECTION } from './selection';
import { emptyTrack, indexAtTime, indicesBetween, type ReviewTrack } from './track';

export interface TrackPart {
  imei: string;
  /** primary / backup / panic, as the entry's trackers name it. */
  purpose: string | null;
  offset: number;
  count: number;
}

const PURPOSE_ORDER = ['primary', 'backup', 'panic'];
const purposeRank = (p: string | null) => (p && PURPOSE_ORDER.includes(p) ? PURPOSE_ORDER.indexOf(p) : PURPOSE_ORDER.length);

export function onePart(track: ReviewTrack, purpose: string | null = null): TrackPart[] {
  return [{ imei: track.imei, purpose, offset: 0, count: track.count }];
}

/** The crew's tracks as one, primary first (then backup, panic, then by IMEI so it is stable). */
export function combineTracks(trackers: readonly { track: ReviewTrack; purpose: string | null }[]): { track: ReviewTrack; parts: TrackPart[] } {
  const sorted = [...trackers].sort((a, b) => purposeRank(a.purpose) - purposeRank(b.purpose) || a.track.imei.localeCompare(b.track.imei));
  const all = emptyTrack(sorted.map((s) => s.track.imei).join('+'), sorted.reduce((n, s) => n + s.track.count, 0));
  const parts: TrackPart[] = [];
  let offset = 0;
  for (const { track, purpose } of sorted) {
    for (const k of ['t', 'lon', 'lat', 'speed', 'flagged', 'reasons'] as const) all[k].set(track[k], offset);
    parts.push({ imei: track.imei, purpose, offset, count: track.count });
    offset += track.count;
  }
  return { track: all, parts };
}

/** One tracker's points as a track of its own, sharing the whole one's memory (flags included). */
export function partTrack(track: ReviewTrack, part: TrackPart): ReviewTrack {
  const end = part.offset + part.count;
  return {
    imei: part.imei, count: part.count,
    t: track.t.subarray(part.offset, end), lon: track.lon.subarray(part.offset, end), lat: track.lat.subarray(part.offset, end),
    speed: track.speed.subarray(part.offset, end), flagged: track.flagged.subarray(part.offset, end), reasons: track.reasons.subarray(part.offset, end),
  };
}

/** The part a point belongs to (its index in `parts`). */
export function partOf(parts: readonly TrackPart[], i: number): number {
  let lo = 0;
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (parts[mid]!.offset <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A sorted selection cut by tracker: one (possibly empty) sorted slice per part. */
export function splitByPart(parts: readonly TrackPart[], selection: Uint32Array): Uint32Array[] {
  return parts.map((p) => {
    let a = 0;
    while (a < selection.length && selection[a]! < p.offset) a++;
    let b = a;
    while (b < selection.length && selection[b]! < p.offset + p.count) b++;
    return selection.subarray(a, b);
  });
}

/** Every tracker's points between two times (ms), as one sorted selection. */
export function timeRangeOfParts(track: ReviewTrack, parts: readonly TrackPart[], from: number, to: number): Uint32Array {
  const spans = parts.map((p) => indicesBetween(track.t.subarray(p.offset, p.offset + p.count), from, to)?.map((i) => i + p.offset) ?? null);
  const n = spans.reduce((sum, s) => sum + (s ? s[1]! - s[0]! + 1 : 0), 0);
  if (n === 0) return EMPTY_SELECTION;
  const out = new Uint32Array(n);
  let k = 0;
  for (const s of spans) if (s) for (let i = s[0]!; i <= s[1]!; i++) out[k++] = i;
  return out;
}

/** The point of any tracker nearest a time; −1 when there are no points. */
export function nearestInTime(track: ReviewTrack, parts: readonly TrackPart[], ms: number): number {
  let best = -1;
  for (const p of parts) {
    const local = indexAtTime(track.t.subarray(p.offset, p.offset + p.count), ms);
    if (local < 0) continue;
    const i = local + p.offset;
    if (best < 0 || Math.abs(track.t[i]! - ms) < Math.abs(track.t[best]! - ms)) best = i;
  }
  return best;
}

/**
 * The chart's order: every point's index, by time (ties by part), so one x column serves every
 * tracker's series. Null for a single part, whose order is its own (no permutation to pay for).
 */
export function chartOrder(track: ReviewTrack, parts: readonly TrackPart[]): Uint32Array | null {
  if (parts.length < 2) return null;
  const order = new Uint32Array(track.count);
  const next = parts.map((p) => p.offset);
  for (let k = 0; k < order.length; k++) {
    let pick = -1;
    for (let j = 0; j < parts.length; j++) {
      if (next[j]! >= parts[j]!.offset + parts[j]!.count) continue;
      if (pick < 0 || track.t[next[j]!]! < track.t[next[pick]!]!) pick = j;
    }
    order[k] = next[pick]!++;
  }
  return order;
}

/** Where each point sits in the chart's order (the inverse permutation). */
export function positionsOf(order: Uint32Array): Uint32Array {
  const pos = new Uint32Array(order.length);
  for (let k = 0; k < order.length; k++) pos[order[k]!] = k;
  return pos;
}

/** "primary …0016": how the legend, the suspects and the actions name a tracker. */
export function trackerWords(part: Pick<TrackPart, 'imei' | 'purpose'>): string {
  return `${part.purpose ?? 'tracker'} …${part.imei.slice(-4)}`;
}
