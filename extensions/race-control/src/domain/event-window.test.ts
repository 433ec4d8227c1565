import { describe, expect, it } from 'vitest';
import { checkEventWindow } from './event-window';

const rally = { name: 'Rally Albania 2026', starts_at: '2026-06-06T06:00:00Z', ends_at: '2026-06-13T18:00:00Z' };

describe('the marshal window of an event', () => {
  it('is open during the event and a day either side', () => {
    expect(checkEventWindow(rally, new Date('2026-06-09T12:00:00Z')).ok).toBe(true);
    expect(checkEventWindow(rally, new Date('2026-06-05T06:00:00Z')).ok).toBe(true);
    expect(checkEventWindow(rally, new Date('2026-06-14T18:00:00Z')).ok).toBe(true);
  });

  it('is closed before, saying from when it opens', () => {
    const check = checkEventWindow(rally, new Date('2026-06-05T05:59:00Z'));
    expect(check).toEqual({ ok: false, reason: 'Marshals can record crossings of Rally Albania 2026 from 2026-06-05 06:00 UTC, a day before it starts' });
  });

  it('is closed after, saying whom to ask', () => {
    const check = checkEventWindow(rally, new Date('2026-06-14T18:01:00Z'));
    expect(check.ok).toBe(false);
    expect(check.ok || check.reason).toMatch(/ended more than a day ago.*ask the race director or an org admin/);
  });
});
