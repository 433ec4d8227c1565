// The registrar's entries list: search by number, name, plate or IMEI, counts per class and status,
// and the CSV handed to the timing and medical teams. Pure, so the list filters as you type.

export interface EntryRow {
  id: string;
  race_number: number | null;
  status: string;
  class_code: string | null;
  vehicle: string | null;
  plate: string | null;
  crew: { name: string; role: string }[];
  imeis: string[];
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function matchesSearch(row: EntryRow, query: string): boolean {
  const q = fold(query.trim());
  if (!q) return true;
  if (/^#?\d+$/.test(q)) {
    const digits = q.replace('#', '');
    // A short number is a race number (plates have letters); a long one is (part of) an IMEI.
    return digits.length <= 4 ? String(row.race_number ?? '') === digits : row.imeis.some((i) => i.includes(digits));
  }
  const hay = [row.plate ?? '', row.vehicle ?? '', ...row.crew.map((c) => c.name)].map(fold).join(' | ');
  return hay.includes(q) || fold(row.plate ?? '').replace(/[\s-]/g, '').includes(q.replace(/[\s-]/g, ''));
}

/** "Bardhi/Hoxha": how the paddock names a crew. */
export function crewLabel(names: string[]): string {
  return names.map((n) => n.trim().split(/\s+/).pop() ?? n).join('/');
}

export function countBy(rows: EntryRow[], key: 'class_code' | 'status'): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const k = r[key] ?? '—';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

const cell = (v: unknown) => {
  const s = v == null ? '' : String(v);
  return /[",\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function entriesCsv(rows: EntryRow[]): string {
  const head = ['race_number', 'class', 'status', 'crew', 'roles', 'vehicle', 'plate', 'trackers'];
  const lines = rows.map((r) => [r.race_number, r.class_code, r.status, r.crew.map((c) => c.name).join(' / '), r.crew.map((c) => c.role).join(' / '), r.vehicle, r.plate, r.imeis.join(' ')].map(cell).join(','));
  return [head.join(','), ...lines].join('\n') + '\n';
}
