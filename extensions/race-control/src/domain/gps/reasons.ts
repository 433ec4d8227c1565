// Suspect reason codes: the GPS fault kinds of domain.md (the seed's ground truth uses the same
// words) plus the two-tracker cross-check. A point may carry several; on the wire they are bits of
// one Uint16, in this order, so the order is part of the track format: only ever append.
export const REASON_CODES = [
  'no-fix',
  'zero-coordinates',
  'out-of-range',
  'duplicate',
  'same-time-conflict',
  'spike',
  'stale-fix',
  'low-accuracy',
  'clock-jump',
  'power-on-drift',
  'cross-check',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** Reasons a marshal may give when flagging: any suspect reason, or `other` (then a note is required). */
export const FLAG_REASONS = [...REASON_CODES, 'other'] as const;
/** Reasons for taking a flag back. */
export const UNFLAG_REASONS = ['not-a-fault', 'flagged-in-error', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
export type UnflagReason = (typeof UNFLAG_REASONS)[number];

export const reasonBit = (code: ReasonCode): number => 1 << REASON_CODES.indexOf(code);

/** The codes of a reason bit mask, in REASON_CODES order. */
export function reasonsOf(mask: number): ReasonCode[] {
  const out: ReasonCode[] = [];
  for (let i = 0; i < REASON_CODES.length; i++) if (mask & (1 << i)) out.push(REASON_CODES[i]!);
  return out;
}
