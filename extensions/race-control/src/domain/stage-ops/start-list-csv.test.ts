import { expect, it } from 'vitest';
import { startListCsv } from './start-list-csv';

it('writes one line per starter, quoting crews with commas and quotes', () => {
  const csv = startListCsv(['Liaison', 'SS2'], [
    { start_position: 1, race_number: 7, crew: 'Doe, "Jo"', class_code: 'M-1', targets: ['2026-06-08T05:00:00.000Z', null], manual_override: true },
  ]);
  expect(csv).toBe('position,race_number,crew,class,target Liaison,target SS2,set_by_hand\r\n1,7,"Doe, ""Jo""",M-1,2026-06-08T05:00:00.000Z,,yes\r\n');
});
