import { describe, expect, it } from 'vitest';
import { eligibilityProblems } from '../../extensions/race-control/src/domain/eligibility.ts';
import { checkImei } from '../../extensions/race-control/src/domain/imei.ts';
import { CLASSES, EVENT } from '../../seed/rally-albania-2026/event.ts';
import { rallyAlbaniaRoster } from '../../seed/rally-albania-2026/roster.ts';

const roster = rallyAlbaniaRoster();

describe('Rally Albania 2026 roster', () => {
  it('has at least 120 entries of every vehicle kind and all 18 classes', () => {
    expect(roster.length).toBeGreaterThanOrEqual(120);
    expect(new Set(roster.map((e) => e.vehicle.kind))).toEqual(new Set(['moto', 'quad', 'car', 'ssv', 'truck']));
    expect(new Set(roster.map((e) => e.class_code)).size).toBe(18);
    expect(CLASSES).toHaveLength(18);
  });

  it('puts every entry in a class it is eligible for, with a race number in the class range', () => {
    for (const entry of roster) {
      const cls = CLASSES.find((c) => c.code === entry.class_code)!;
      const crew = entry.crew.map(({ person }) => ({ name: `${person.first_name} ${person.last_name}`, birth_date: person.birth_date, sex: person.sex }));
      const racing = entry.vehicle.kind === 'moto' || entry.vehicle.kind === 'quad' ? crew : crew.slice(0, 1);
      expect(eligibilityProblems(cls.eligibility, entry.vehicle, racing, EVENT.starts_at), `#${entry.race_number}`).toEqual([]);
      expect(entry.race_number).toBeGreaterThanOrEqual(cls.race_number_from);
      expect(entry.race_number).toBeLessThanOrEqual(cls.race_number_to);
    }
  });

  it('gives every entry 2–3 trackers with valid, unique IMEIs, panic buttons worn by a crew member', () => {
    const imeis = roster.flatMap((e) => e.trackers.map((t) => t.imei));
    expect(new Set(imeis).size).toBe(imeis.length);
    for (const entry of roster) {
      expect(entry.trackers.length).toBeGreaterThanOrEqual(2);
      expect(entry.trackers.length).toBeLessThanOrEqual(3);
      for (const t of entry.trackers) {
        expect(checkImei(t.imei)).toEqual({ ok: true });
        if (t.purpose === 'panic') expect(entry.crew[t.wornBy!]).toBeDefined();
      }
    }
  });

  it('has unique race numbers and e-mails, and #301 is a Toyota Land Cruiser 70 in C-2', () => {
    expect(new Set(roster.map((e) => e.race_number)).size).toBe(roster.length);
    const emails = roster.flatMap((e) => e.crew.map((c) => c.person.email));
    expect(new Set(emails).size).toBe(emails.length);
    expect(roster.find((e) => e.race_number === 301)).toMatchObject({ class_code: 'C-2', vehicle: { make: 'Toyota', model: 'Land Cruiser 70' } });
  });

  it('is the same every time', () => {
    expect(rallyAlbaniaRoster()).toEqual(roster);
  });
});
