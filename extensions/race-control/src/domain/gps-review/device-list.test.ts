import { describe, expect, it } from 'vitest';
import { crewWords, nextPendingDevice, searchDevices, sortDevices, type DeviceRow } from './device-list';

const row = (imei: string, race: number | null, crew: string, extra: Partial<DeviceRow> = {}): DeviceRow => ({
  imei, entry_id: `e${race}`, race_number: race, crew, class_code: 'M-1', purpose: 'primary', suspects: {}, pending: 0, flagged: 0, last_fix: null, ...extra,
});
const rows = [
  row('1', 12, 'Arben Hoxha', { suspects: { spike: 2 }, pending: 2, last_fix: '2026-06-07T10:00:00Z' }),
  row('2', 3, 'Elira Doe', { class_code: 'C-1', purpose: 'backup', last_fix: '2026-06-07T11:00:00Z' }),
  row('3', 3, 'Elira Doe', { class_code: 'C-1', suspects: { 'no-fix': 1 }, pending: 1 }),
  row('4', 40, 'Blerim Kola', { flagged: 5 }),
];

describe('device list', () => {
  it('sorts by any column, empty values last, ties by race number then purpose', () => {
    expect(sortDevices(rows, { by: 'race_number', descending: false }).map((r) => r.imei)).toEqual(['3', '2', '1', '4']);
    expect(sortDevices(rows, { by: 'suspects', descending: true }).map((r) => r.imei)).toEqual(['1', '3', '2', '4']);
    expect(sortDevices(rows, { by: 'last_fix', descending: true }).map((r) => r.imei)).toEqual(['2', '1', '3', '4']);
    expect(sortDevices(rows, { by: 'crew', descending: false }).map((r) => r.imei)).toEqual(['1', '4', '3', '2']);
  });
  it('searches race numbers, names, classes and suspect kinds', () => {
    expect(searchDevices(rows, '#3').map((r) => r.imei)).toEqual(['2', '3']);
    expect(searchDevices(rows, '12').map((r) => r.imei)).toEqual(['1']);
    expect(searchDevices(rows, 'elira backup').map((r) => r.imei)).toEqual(['2']);
    expect(searchDevices(rows, 'spike').map((r) => r.imei)).toEqual(['1']);
    expect(searchDevices(rows, '  ')).toHaveLength(4);
  });
  it('finds the next device with pending suspects in the order shown, wrapping once', () => {
    expect(nextPendingDevice(rows, null)?.imei).toBe('1');
    expect(nextPendingDevice(rows, '1')?.imei).toBe('3');
    expect(nextPendingDevice(rows, '3')?.imei).toBe('1');
    expect(nextPendingDevice([rows[1]!], null)).toBeNull();
  });
});

describe('crew words', () => {
  it('put the driver first', () => {
    expect(crewWords([{ role: 'co-pilot', user_id: { first_name: 'Ana', last_name: 'Leka' } }, { role: 'pilot', user_id: { first_name: 'Besnik', last_name: null } }])).toBe('Besnik / Ana Leka');
    expect(crewWords(undefined)).toBe('');
  });
});
