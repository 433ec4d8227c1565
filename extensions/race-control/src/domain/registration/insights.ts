// Entries by class and status for the Insights panel: the counts the organiser watches fill up in
// the last days before the event (registered → confirmed at the administrative checks).

export interface GroupCount {
  class_code: string | null;
  status: string;
  count: number;
}

export interface ClassLine {
  class_code: string;
  byStatus: Record<string, number>;
  total: number;
}

export const STATUS_ORDER = ['draft', 'registered', 'confirmed', 'started', 'finished', 'retired', 'disqualified', 'withdrawn'];

/** One line per class (in the given class order, unknown ones last), the statuses that occur, totals. */
export function entriesByClass(groups: GroupCount[], classOrder: string[] = []): { lines: ClassLine[]; statuses: string[]; totals: Record<string, number>; total: number } {
  const lines = new Map<string, ClassLine>();
  const totals: Record<string, number> = {};
  for (const g of groups) {
    const code = g.class_code ?? 'no class';
    const line = lines.get(code) ?? { class_code: code, byStatus: {}, total: 0 };
    line.byStatus[g.status] = (line.byStatus[g.status] ?? 0) + g.count;
    line.total += g.count;
    totals[g.status] = (totals[g.status] ?? 0) + g.count;
    lines.set(code, line);
  }
  const rank = (code: string) => (classOrder.includes(code) ? classOrder.indexOf(code) : classOrder.length);
  return {
    lines: [...lines.values()].sort((a, b) => rank(a.class_code) - rank(b.class_code) || a.class_code.localeCompare(b.class_code)),
    statuses: STATUS_ORDER.filter((s) => s in totals),
    totals,
    total: Object.values(totals).reduce((a, b) => a + b, 0),
  };
}
