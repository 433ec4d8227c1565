import { describe, expect, it } from 'vitest';
import { canWithdraw, withdrawalRefusal } from './withdrawal';

describe('withdrawal', () => {
  it('is open to entries that have not started', () => {
    for (const s of ['draft', 'registered', 'confirmed', null]) expect(canWithdraw(s)).toBe(true);
  });
  it('is refused, with the reason, once the entry started or left', () => {
    for (const s of ['started', 'finished', 'retired', 'disqualified']) {
      expect(canWithdraw(s)).toBe(false);
      expect(withdrawalRefusal(s, 7)).toMatch(new RegExp(`^entry #7 is ${s}: only an entry that has not started`));
    }
    expect(withdrawalRefusal('withdrawn', 7)).toBe('entry #7 is already withdrawn');
    expect(withdrawalRefusal('confirmed', 7)).toBeNull();
  });
});
