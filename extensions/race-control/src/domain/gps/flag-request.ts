// The body of POST /race-control/gps/flags, checked before anything is read: what to do, to which
// points, and why. Words say what to fix.
import { FLAG_REASONS, UNFLAG_REASONS } from './reasons.ts';
import { checkWindow } from './window.ts';

export const MAX_FLAG_POINTS = 100_000;

export interface FlagRequest {
  action: 'flag' | 'unflag';
  device_id: string;
  reason: string;
  note: string | null;
  /** Inclusive range, or the exact ts of each point. */
  from: Date | null;
  to: Date | null;
  points: Date[] | null;
}

export type FlagCheck = { ok: true; request: FlagRequest } | { ok: false; reason: string };

export function checkFlagRequest(body: Record<string, unknown>): FlagCheck {
  const no = (reason: string): FlagCheck => ({ ok: false, reason });
  const action = body.action;
  if (action !== 'flag' && action !== 'unflag') return no(`action must be "flag" or "unflag" (got ${JSON.stringify(action ?? null)}).`);
  const reasons: readonly string[] = action === 'flag' ? FLAG_REASONS : UNFLAG_REASONS;
  const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
  if (!reason) return no(`Give a reason for the ${action}: one of ${reasons.join(', ')}.`);
  if (!reasons.includes(reason)) return no(`"${reason}" is no reason to ${action}; use one of ${reasons.join(', ')}.`);
  const note = typeof body.note === 'string' && body.note.trim() ? body.note.trim().slice(0, 2000) : null;
  if (reason === 'other' && !note) return no('A reason of "other" needs a note saying what is wrong.');
  const device = typeof body.device_id === 'string' ? body.device_id.trim() : '';
  const hasRange = body.from !== undefined || body.to !== undefined;
  const hasPoints = body.points !== undefined;
  if (hasRange === hasPoints) return no('Name the points either as a range (from, to) or as a list (points: [ts, …]), not both and not neither.');
  const base = { action, device_id: device, reason, note } as const;
  if (hasRange) {
    const w = checkWindow(body.from, body.to);
    if (!w.ok) return no(w.reason);
    return { ok: true, request: { ...base, from: w.from, to: w.to, points: null } };
  }
  if (!Array.isArray(body.points) || body.points.length === 0) return no('points must be a non-empty list of the points\' ts.');
  if (body.points.length > MAX_FLAG_POINTS) return no(`At most ${MAX_FLAG_POINTS} points in one call (got ${body.points.length}); use a range.`);
  const points = body.points.map((p) => new Date(typeof p === 'string' || typeof p === 'number' ? p : NaN));
  const badAt = points.findIndex((p) => Number.isNaN(p.getTime()));
  if (badAt >= 0) return no(`points[${badAt}] is not a date and time (got ${JSON.stringify(body.points[badAt])}).`);
  return { ok: true, request: { ...base, from: null, to: null, points } };
}
