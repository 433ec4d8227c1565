import { expect, it } from 'vitest';
import { startListLines, type ListedStart } from './start-list';

const row = (entry: string, n: number, segment: string, position: number, at: string | null, pinned = false): ListedStart => ({
  id: `${entry}${segment}`, segment_id: segment, start_position: position, target_at: at, manual_override: pinned,
  entry_id: { id: entry, race_number: n, class_id: { code: 'C-1' }, crew: [{ role: 'navigator', user_id: { first_name: 'Ana', last_name: 'Gjoka' } }, { role: 'pilot', user_id: { first_name: 'Besnik', last_name: 'Leka' } }] },
});

it('makes one line per entry in start order, pilot first, targets in segment order, pinned if any row is', () => {
  const lines = startListLines(['li', 'ss'], [row('b', 302, 'ss', 2, '05:31'), row('a', 301, 'li', 1, '05:00', true), row('b', 302, 'li', 2, '05:01'), row('a', 301, 'ss', 1, '05:30')]);
  expect(lines).toEqual([
    { entry_id: 'a', start_position: 1, race_number: 301, crew: 'Besnik Leka / Ana Gjoka', class_code: 'C-1', targets: ['05:00', '05:30'], manual_override: true },
    { entry_id: 'b', start_position: 2, race_number: 302, crew: 'Besnik Leka / Ana Gjoka', class_code: 'C-1', targets: ['05:01', '05:31'], manual_override: false },
  ]);
});
