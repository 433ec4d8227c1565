// IMEI: 14 digits plus a Luhn check digit. It is the tracker's canonical identifier
// (positions.device_id), so a typo must be caught at registration, not on race day.

export type ImeiCheck = { ok: true } | { ok: false; reason: string };

export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit from the right of the payload (the check digit is not there yet).
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function checkImei(imei: string): ImeiCheck {
  if (!/^\d{15}$/.test(imei)) return { ok: false, reason: `an IMEI has exactly 15 digits; "${imei}" does not` };
  const expected = luhnCheckDigit(imei.slice(0, 14));
  if (Number(imei[14]) !== expected) {
    return { ok: false, reason: `IMEI ${imei} has a wrong check digit (last digit should be ${expected}); check for a typo` };
  }
  return { ok: true };
}
