// Time windows of the GPS API. Bounded because a window is read whole into memory (detectors need
// every point of it): 24 h is a rally day with margin, 86,400 points at 1 Hz per tracker.
export const MAX_WINDOW_HOURS = 24;
export const MAX_POINTS = 200_000;
export const DEFAULT_MAX_POINTS = 50_000;

export type WindowCheck = { ok: true; from: Date; to: Date } | { ok: false; reason: string };

export function checkWindow(from: unknown, to: unknown, maxHours = MAX_WINDOW_HOURS): WindowCheck {
  const f = typeof from === 'string' ? new Date(from) : null;
  const t = typeof to === 'string' ? new Date(to) : null;
  if (!f || Number.isNaN(f.getTime())) return { ok: false, reason: `from must be a date and time, e.g. 2026-06-07T05:00:00Z (got ${JSON.stringify(from ?? null)}).` };
  if (!t || Number.isNaN(t.getTime())) return { ok: false, reason: `to must be a date and time, e.g. 2026-06-07T14:00:00Z (got ${JSON.stringify(to ?? null)}).` };
  if (t.getTime() < f.getTime()) return { ok: false, reason: `The window is reversed: to (${t.toISOString()}) is before from (${f.toISOString()}).` };
  if (t.getTime() - f.getTime() > maxHours * 3600_000) return { ok: false, reason: `The window is ${((t.getTime() - f.getTime()) / 3600_000).toFixed(1)} h long; ask for at most ${maxHours} h at a time.` };
  return { ok: true, from: f, to: t };
}

/** The stage day: from 2 h before the first start to 26 h after it (late finishers, clock faults). */
export function stageDay(startsAt: string | Date): { from: Date; to: Date } {
  const s = new Date(startsAt).getTime();
  return { from: new Date(s - 2 * 3600_000), to: new Date(s + 26 * 3600_000) };
}

/** Stride that keeps at most `max` of `total` points (suspect and faulty points are kept besides). */
export function thinningStride(total: number, max: number): number {
  return total <= max ? 1 : Math.ceil(total / max);
}
