// The track as MapLibre sources: one line, and one point feature per drawable point whose id is the
// point's index, so highlights are feature states by index (never a new setData of 30k features).
// Property `s` is the state the track arrived with and `k` the first reason's bit; what the marshal
// changes afterwards travels as feature state `f` (flagged 1 / 0) over it.
// Several trackers of one entry (entry-track.ts): one line per tracker and `tr`, the tracker's place
// in the parts, on lines and points, so each tracker has its colour.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { onePart, type TrackPart } from './entry-track';
import { onTheMap, pointState, type ReviewTrack } from './track';

export function trackLine(track: ReviewTrack, first = 0, last = track.count - 1, tr = 0): Feature<LineString> {
  const coordinates: [number, number][] = [];
  for (let i = first; i <= last; i++) if (onTheMap(track, i)) coordinates.push([track.lon[i]!, track.lat[i]!]);
  return { type: 'Feature', properties: { tr }, geometry: { type: 'LineString', coordinates } };
}

/** One line per tracker (a line from one tracker's last point to the next one's first is no track). */
export function trackLines(track: ReviewTrack, parts: readonly TrackPart[] = onePart(track)): FeatureCollection<LineString> {
  return { type: 'FeatureCollection', features: parts.map((p, tr) => trackLine(track, p.offset, p.offset + p.count - 1, tr)) };
}

function firstBit(mask: number): number {
  return mask ? 31 - Math.clz32(mask & -mask) : -1;
}

/**
 * `markedOnly`: just the suspect and flagged points, what the first draw shows with the line (the
 * good ones have no size at the stage's zoom, and 30k of them cost the map a second to lay out);
 * the whole set follows under the same ids, so feature states carry over.
 */
export function trackPoints(track: ReviewTrack, parts: readonly TrackPart[] = onePart(track), markedOnly = false): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  parts.forEach((p, tr) => {
    for (let i = p.offset; i < p.offset + p.count; i++) {
      if (!onTheMap(track, i) || (markedOnly && !track.reasons[i] && !track.flagged[i])) continue;
      features.push({ type: 'Feature', id: i, properties: { s: pointState(track, i), k: firstBit(track.reasons[i]!), tr }, geometry: { type: 'Point', coordinates: [track.lon[i]!, track.lat[i]!] } });
    }
  });
  return { type: 'FeatureCollection', features };
}

/** The points whose flag differs from what the map was last told, with their new value. */
export function flagChanges(track: ReviewTrack, shown: Uint8Array): [index: number, flagged: 0 | 1][] {
  const out: [number, 0 | 1][] = [];
  for (let i = 0; i < track.count; i++) {
    if (track.flagged[i] !== shown[i]) {
      out.push([i, track.flagged[i] ? 1 : 0]);
      shown[i] = track.flagged[i]!;
    }
  }
  return out;
}

/** The box [w, s, e, n] of some points (those on the map), to bring a suspect into view. */
export function boundsOfPoints(track: ReviewTrack, first: number, last: number): [number, number, number, number] | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = Math.max(0, first - 1); i <= Math.min(track.count - 1, last + 1); i++) {
    if (!onTheMap(track, i)) continue;
    [w, s, e, n] = [Math.min(w, track.lon[i]!), Math.min(s, track.lat[i]!), Math.max(e, track.lon[i]!), Math.max(n, track.lat[i]!)];
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
