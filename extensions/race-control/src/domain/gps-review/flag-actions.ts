// Flag and unflag as actions a marshal can undo. An action names only the points it changes (so
// flagging a half-flagged selection and undoing it leaves the other half flagged), as runs of
// consecutive points: each run is one time range for the server and one recompute message for the
// processor. Undo is not a rollback: it is the inverse action, sent like any other, so the timing
// service hears about it too.
import type { ReviewTrack } from './track';

export type FlagOp = 'flag' | 'unflag';
/** The message to the timing service: queued (pending), handed to the stream (sent), or refused. */
export type MessageState = 'pending' | 'sent' | 'failed';

export interface Run {
  first: number;
  last: number;
}

export interface FlagAction {
  /** The browser's name for the action (the server names it by flag_id once saved). */
  id: string;
  op: FlagOp;
  runs: Run[];
  reason: string;
  note: string;
  /** The tracker (IMEI) whose points the runs are, when the track holds an entry's several. */
  device_id?: string;
  /** The action this one undoes. */
  undoes?: string;
  message: MessageState;
  error?: string;
  /** From the server's answer: position_flags.id and the stream message's id (null: nothing changed). */
  flag_id?: string | null;
  message_id?: string | null;
}

/** Consecutive indices of a sorted selection, as runs. */
export function runsOf(selection: Uint32Array): Run[] {
  const runs: Run[] = [];
  for (const i of selection) {
    const last = runs[runs.length - 1];
    if (last && i === last.last + 1) last.last = i;
    else runs.push({ first: i, last: i });
  }
  return runs;
}

export function pointsIn(runs: readonly Run[]): number {
  return runs.reduce((n, r) => n + r.last - r.first + 1, 0);
}

/** The part of the selection an op would change: unflagged points for flag, flagged for unflag. */
export function changedBy(track: ReviewTrack, selection: Uint32Array, op: FlagOp): Uint32Array {
  const want = op === 'flag' ? 0 : 1;
  return selection.filter((i) => track.flagged[i] === want);
}

/** A new action over the selection, or null when it would change nothing. */
export function planAction(track: ReviewTrack, selection: Uint32Array, op: FlagOp, words: { reason: string; note?: string }, id: string): FlagAction | null {
  const runs = runsOf(changedBy(track, selection, op));
  if (runs.length === 0) return null;
  return { id, op, runs, reason: words.reason, note: words.note ?? '', message: 'pending' };
}

/**
 * The undo of an action. The API knows unflag reasons apart from flag reasons: undoing a flag is
 * `flagged-in-error`; undoing an unflag flags again as `other`, the note saying why.
 */
export function inverse(action: FlagAction, id: string): FlagAction {
  const op: FlagOp = action.op === 'flag' ? 'unflag' : 'flag';
  return {
    id,
    op,
    runs: action.runs.map((r) => ({ ...r })),
    reason: op === 'unflag' ? 'flagged-in-error' : 'other',
    note: `Undo of the ${action.op} (${action.reason}${action.note ? `: ${action.note}` : ''})`,
    undoes: action.id,
    message: 'pending',
    ...(action.device_id ? { device_id: action.device_id } : {}),
  };
}

/** Shows an action on the track at once (optimistic); `revert` takes it back when the server refuses. */
export function applyAction(track: ReviewTrack, action: FlagAction, revert = false): void {
  const value = (action.op === 'flag') !== revert ? 1 : 0;
  for (const r of action.runs) track.flagged.fill(value, r.first, r.last + 1);
}

/** The time ranges (ISO) of an action's runs, what the API is told. */
export function rangesOf(track: ReviewTrack, action: FlagAction): { from: string; to: string }[] {
  return action.runs.map((r) => ({ from: new Date(track.t[r.first]!).toISOString(), to: new Date(track.t[r.last]!).toISOString() }));
}
