import { describe, expect, it } from 'vitest';
import { countBy, crewLabel, entriesCsv, type EntryRow, matchesSearch } from './entries-list';

const row: EntryRow = {
  id: 'e1', race_number: 212, status: 'registered', class_code: 'Q-1', vehicle: 'Yamaha Grizzly 700', plate: 'AA 123 BB',
  crew: [{ name: 'Ardit Bardhi', role: 'pilot' }, { name: 'Erion Hoxhá', role: 'co-pilot' }], imeis: ['356698081234563'],
};

describe('entries list', () => {
  it('finds an entry by number, name without diacritics, plate or IMEI', () => {
    expect(matchesSearch(row, '212')).toBe(true);
    expect(matchesSearch(row, '#212')).toBe(true);
    expect(matchesSearch(row, '21')).toBe(false);
    expect(matchesSearch(row, '123'), 'a short number is a race number, not part of a plate').toBe(false);
    expect(matchesSearch(row, 'hoxha')).toBe(true);
    expect(matchesSearch(row, 'aa123')).toBe(true);
    expect(matchesSearch(row, '81234')).toBe(true);
    expect(matchesSearch(row, 'kola')).toBe(false);
  });

  it('names a crew as the paddock does and counts per class and status', () => {
    expect(crewLabel(['Ardit Bardhi', 'Erion Hoxha'])).toBe('Bardhi/Hoxha');
    expect([...countBy([row, { ...row, status: 'confirmed' }], 'status')]).toEqual([['registered', 1], ['confirmed', 1]]);
  });

  it('exports CSV with quoted cells', () => {
    expect(entriesCsv([{ ...row, vehicle: 'Yamaha, "Grizzly"' }]).split('\n')[1]).toBe('212,Q-1,registered,Ardit Bardhi / Erion Hoxhá,pilot / co-pilot,"Yamaha, ""Grizzly""",AA 123 BB,356698081234563');
  });
});
