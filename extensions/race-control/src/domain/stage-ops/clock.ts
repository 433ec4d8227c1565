// Start lists are read in the event's own time zone (Europe/Tirane), whatever the browser's.

function parts(ms: number, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return Object.fromEntries(f.formatToParts(new Date(ms)).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)])) as Record<string, number>;
}

/** Milliseconds the zone is ahead of UTC at `ms`. */
function offsetOf(ms: number, timeZone: string): number {
  const p = parts(ms, timeZone);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(ms / 1000) * 1000;
}

/** "07:31:00" in the zone. */
export function clockOf(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const p = parts(Date.parse(iso), timeZone);
  return [p.hour, p.minute, p.second].map((n) => String(n).padStart(2, '0')).join(':');
}

/** "HH:MM" or "HH:MM:SS" on the zone's calendar day of `dayIso`, as an ISO instant; null if not a time. */
export function wallClockToIso(dayIso: string, clock: string, timeZone: string): string | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(clock.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return null;
  const d = parts(Date.parse(dayIso), timeZone);
  const guess = Date.UTC(d.year!, d.month! - 1, d.day!, Number(m[1]), Number(m[2]), Number(m[3] ?? 0));
  const first = guess - offsetOf(guess, timeZone);
  return new Date(guess - offsetOf(first, timeZone)).toISOString();
}
