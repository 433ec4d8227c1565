// Withdrawal is the registrar's word for an entry that will not take the start. Once the crew has
// started, leaving the rally is a retirement (or a disqualification): a timing fact with a time and
// place, which the timekeepers record, not something the registration desk undoes.
import type { EntryStatus } from './draft';

const BEFORE_START: ReadonlySet<string> = new Set<EntryStatus>(['draft', 'registered', 'confirmed']);

export function canWithdraw(status: string | null | undefined): boolean {
  return BEFORE_START.has(status ?? 'draft');
}

/** Why an entry cannot be withdrawn, in words for the registrar; null when it can. */
export function withdrawalRefusal(status: string | null | undefined, raceNumber: number | null | undefined): string | null {
  const entry = `entry #${raceNumber ?? ''}`;
  if (status === 'withdrawn') return `${entry} is already withdrawn`;
  if (canWithdraw(status)) return null;
  return `${entry} is ${String(status)}: only an entry that has not started can be withdrawn (a crew that leaves the rally after the start retires, which the timekeepers record)`;
}
