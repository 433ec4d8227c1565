// The rows of `entry_segment_starts` a stage should hold: positions from the start order, target
// times from the first start, the interval and the segments' target durations in order. Rows an
// official set by hand (`manual_override`) keep their position and times; the others fill the
// positions around them.

export interface StartSegment {
  id: string;
  sort_order: number | null;
  target_duration_seconds: number | null;
}

export interface StartRow {
  entry_id: string;
  segment_id: string;
  start_position: number | null;
  target_at: string | null;
  manual_override: boolean;
}

export interface MaterialiseInput {
  order: string[];
  segments: StartSegment[];
  startsAt: string;
  intervalSeconds: number;
  existing: StartRow[];
}

export function segmentsInOrder<S extends StartSegment>(segments: S[]): S[] {
  return [...segments].sort((a, b) => (a.sort_order ?? 0) - (b.sort_order ?? 0) || a.id.localeCompare(b.id));
}

/** Seconds from an entry's start to the start of each segment; null once a segment before it has no
 * target duration (the processor must not time against a guess). */
export function segmentOffsets(segments: StartSegment[]): Map<string, number | null> {
  const offsets = new Map<string, number | null>();
  let offset: number | null = 0;
  for (const s of segmentsInOrder(segments)) {
    offsets.set(s.id, offset);
    offset = offset === null || s.target_duration_seconds === null ? null : offset + s.target_duration_seconds;
  }
  return offsets;
}

const at = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function startOfPosition(startsAt: string, intervalSeconds: number, position: number): number {
  return Date.parse(startsAt) + (position - 1) * intervalSeconds * 1000;
}

/** The stage's rows, by position then segment order. Entries not in `order` get no rows. */
export function materialiseStarts(input: MaterialiseInput): StartRow[] {
  const segments = segmentsInOrder(input.segments);
  const offsets = segmentOffsets(segments);
  const rank = new Map(segments.map((s, i) => [s.id, i]));
  const starters = new Set(input.order);
  const kept = input.existing.filter((r) => r.manual_override && starters.has(r.entry_id) && offsets.has(r.segment_id));
  const pinned = new Map<string, StartRow[]>();
  for (const r of kept) pinned.set(r.entry_id, [...(pinned.get(r.entry_id) ?? []), r]);

  const rows: StartRow[] = [];
  const taken = new Set<number>();
  for (const [entry, own] of pinned) {
    const first = [...own].sort((a, b) => rank.get(a.segment_id)! - rank.get(b.segment_id)!)[0]!;
    const position = own.find((r) => r.start_position !== null)?.start_position ?? null;
    if (position !== null) taken.add(position);
    // A pinned entry's start, read back from its earliest kept row, times segments it has no row for.
    const firstOffset = offsets.get(first.segment_id) ?? null;
    const start = first.target_at && firstOffset !== null ? Date.parse(first.target_at) - firstOffset * 1000 : null;
    for (const s of segments) {
      const mine = own.find((r) => r.segment_id === s.id);
      const offset = offsets.get(s.id)!;
      rows.push(mine ?? { entry_id: entry, segment_id: s.id, start_position: position, target_at: at(start === null || offset === null ? null : start + offset * 1000), manual_override: true });
    }
  }
  let position = 0;
  for (const entry of input.order) {
    if (pinned.has(entry)) continue;
    do position += 1;
    while (taken.has(position));
    const start = startOfPosition(input.startsAt, input.intervalSeconds, position);
    for (const s of segments) {
      const offset = offsets.get(s.id)!;
      rows.push({ entry_id: entry, segment_id: s.id, start_position: position, target_at: at(offset === null ? null : start + offset * 1000), manual_override: false });
    }
  }
  return rows.sort((a, b) => (a.start_position ?? Infinity) - (b.start_position ?? Infinity) || rank.get(a.segment_id)! - rank.get(b.segment_id)!);
}

/** An entry moved by hand to `position`: its rows, all pinned, timed for that position. */
export function movedRows(entryId: string, position: number, input: Omit<MaterialiseInput, 'order' | 'existing'>): StartRow[] {
  return lateRows(entryId, position, new Date(startOfPosition(input.startsAt, input.intervalSeconds, position)).toISOString(), input.segments);
}

/** A late arrival's own start time: its rows keep their position, times follow `startAt`. */
export function lateRows(entryId: string, position: number | null, startAt: string, segments: StartSegment[]): StartRow[] {
  const offsets = segmentOffsets(segments);
  const start = Date.parse(startAt);
  return segmentsInOrder(segments).map((s) => {
    const offset = offsets.get(s.id)!;
    return { entry_id: entryId, segment_id: s.id, start_position: position, target_at: at(offset === null ? null : start + offset * 1000), manual_override: true };
  });
}
