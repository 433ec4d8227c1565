import { describe, expect, it } from 'vitest';
import { entriesByClass } from './insights';

describe('entries by class and status', () => {
  it('pivots counts into one line per class, classes in their order, statuses in the life of an entry', () => {
    const table = entriesByClass([
      { class_code: 'C-2', status: 'registered', count: 3 },
      { class_code: 'M-1', status: 'confirmed', count: 10 },
      { class_code: 'M-1', status: 'registered', count: 2 },
      { class_code: null, status: 'draft', count: 1 },
    ], ['M-1', 'C-2']);
    expect(table.lines.map((l) => [l.class_code, l.byStatus, l.total])).toEqual([
      ['M-1', { confirmed: 10, registered: 2 }, 12], ['C-2', { registered: 3 }, 3], ['no class', { draft: 1 }, 1],
    ]);
    expect(table.statuses).toEqual(['draft', 'registered', 'confirmed']);
    expect(table.total).toBe(16);
  });
});
