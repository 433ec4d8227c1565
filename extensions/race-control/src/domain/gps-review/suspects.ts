// Suspects (what the detectors found) placed on the track, and moving between them. A suspect is
// pending while any of its points is unflagged: a marshal steps from pending suspect to the next,
// and a list of fifty reviewed ones should not make them step through all fifty again.
import { indicesBetween, type ReviewTrack } from './track';

/** What this file needs of a suspect (the API's Suspect of domain/gps has more: evidence, impact). */
export interface SuspectRun {
  /** The reason code (the fault kind), e.g. `spike`. */
  reason: string;
  /** ISO timestamps of the run's first and last point. */
  from: string;
  to: string;
}

export type PlacedSuspect<S extends SuspectRun = SuspectRun> = S & {
  /** `reason@from`: a run of one reason starts at one point only. */
  key: string;
  first: number;
  last: number;
  fromMs: number;
};

/** Places each suspect on the track by time, in time order; suspects outside the track are dropped. */
export function placeSuspects<S extends SuspectRun>(track: ReviewTrack, suspects: readonly S[]): PlacedSuspect<S>[] {
  const placed: PlacedSuspect<S>[] = [];
  for (const s of suspects) {
    const fromMs = Date.parse(s.from);
    const span = indicesBetween(track.t, fromMs, Date.parse(s.to));
    if (span) placed.push({ ...s, key: `${s.reason}@${s.from}`, first: span[0], last: span[1], fromMs });
  }
  return placed.sort((a, b) => a.fromMs - b.fromMs || a.first - b.first);
}

export function isPending(track: ReviewTrack, s: PlacedSuspect): boolean {
  for (let i = s.first; i <= s.last; i++) if (!track.flagged[i]) return true;
  return false;
}

/**
 * The suspect after (step 1) or before (step −1) the current one, in time order. With no current
 * suspect it starts from the point at `cursor` (what the chart or map shows), or its time `cursorMs`. Stops at the ends:
 * wrapping round would hide that the day is done.
 */
export function stepSuspect<S extends SuspectRun>(
  suspects: readonly PlacedSuspect<S>[],
  current: number | null,
  step: 1 | -1,
  options: { cursor?: number; cursorMs?: number; accept?: (s: PlacedSuspect<S>) => boolean } = {},
): number | null {
  const accept = options.accept ?? (() => true);
  let i: number;
  if (current !== null) i = current + step;
  else if (options.cursorMs !== undefined) {
    // By time: an entry's trackers lie end to end in the track, so indices are not in time order.
    const ms = options.cursorMs;
    i = step === 1 ? suspects.findIndex((s) => s.fromMs > ms) : suspects.findLastIndex((s) => s.fromMs < ms);
    if (i < 0) return null;
  } else {
    const cursor = options.cursor ?? -1;
    if (step === 1) i = suspects.findIndex((s) => s.first > cursor);
    else i = suspects.findLastIndex((s) => s.first < cursor || cursor < 0);
    if (i < 0) return null;
  }
  for (; i >= 0 && i < suspects.length; i += step) if (accept(suspects[i]!)) return i;
  return null;
}

/** Every point of every suspect of one kind: "all suspects of this kind" as a selection. */
export function pointsOfKind(suspects: readonly PlacedSuspect[], kind: string): Uint32Array {
  const out: number[] = [];
  for (const s of suspects) if (s.reason === kind) for (let i = s.first; i <= s.last; i++) out.push(i);
  return normalise(out);
}

/** Suspect counts by kind, pending ones apart (the device list and the panel). */
export function countsByKind(track: ReviewTrack, suspects: readonly PlacedSuspect[]) {
  const counts = new Map<string, { all: number; pending: number }>();
  for (const s of suspects) {
    const c = counts.get(s.reason) ?? { all: 0, pending: 0 };
    c.all++;
    if (isPending(track, s)) c.pending++;
    counts.set(s.reason, c);
  }
  return counts;
}

/** Sorted, unique point indices: the one shape a selection has. */
export function normalise(indices: Iterable<number>): Uint32Array {
  const a = Uint32Array.from(indices).sort();
  let n = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[n - 1]) a[n++] = a[i]!;
  return a.slice(0, n);
}
