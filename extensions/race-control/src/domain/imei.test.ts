import { describe, expect, it } from 'vitest';
import { checkImei, luhnCheckDigit } from './imei';

describe('IMEI check digit', () => {
  it('accepts a real-format IMEI with its Luhn digit', () => {
    // 49015420323751 → check digit 8 (the textbook example of the IMEI Luhn scheme)
    expect(luhnCheckDigit('49015420323751')).toBe(8);
    expect(checkImei('490154203237518')).toEqual({ ok: true });
  });

  it('names the right digit when the check digit is wrong', () => {
    const result = checkImei('490154203237517');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('should be 8');
  });

  it('refuses anything but 15 digits', () => {
    for (const bad of ['49015420323751', '4901542032375188', '49015420323751a', '']) {
      expect(checkImei(bad).ok).toBe(false);
    }
  });
});
