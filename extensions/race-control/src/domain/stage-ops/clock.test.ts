import { expect, it } from 'vitest';
import { clockOf, wallClockToIso } from './clock';

it('reads and writes times in the event\'s zone (Tirana is UTC+2 in June)', () => {
  expect(clockOf('2026-06-08T05:01:00.000Z', 'Europe/Tirane')).toBe('07:01:00');
  expect(wallClockToIso('2026-06-08T05:00:00.000Z', '09:30', 'Europe/Tirane')).toBe('2026-06-08T07:30:00.000Z');
  expect(wallClockToIso('2026-06-08T05:00:00.000Z', '9:30:15', 'UTC')).toBe('2026-06-08T09:30:15.000Z');
  expect(wallClockToIso('2026-06-08T05:00:00.000Z', 'after lunch', 'UTC')).toBeNull();
  expect(wallClockToIso('2026-06-08T05:00:00.000Z', '25:00', 'UTC')).toBeNull();
});
