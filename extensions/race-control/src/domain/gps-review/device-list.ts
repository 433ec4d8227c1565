// The stage's device list: one row per tracker of an entry, sorted and searched in the browser (a
// stage has a few hundred trackers: a round trip per keystroke would be slower than filtering).
export interface DeviceRow {
  imei: string;
  entry_id: string;
  race_number: number | null;
  crew: string;
  class_code: string | null;
  purpose: string | null;
  /** Suspects by kind. */
  suspects: Record<string, number>;
  pending: number;
  flagged: number;
  /** ISO time of the last fix, null when the tracker sent nothing. */
  last_fix: string | null;
}

export type DeviceSortKey = 'race_number' | 'crew' | 'class_code' | 'purpose' | 'pending' | 'flagged' | 'last_fix' | 'suspects';

export interface DeviceSort {
  by: DeviceSortKey;
  descending: boolean;
}

export function totalSuspects(row: DeviceRow): number {
  return Object.values(row.suspects).reduce((n, c) => n + c, 0);
}

function keyOf(row: DeviceRow, by: DeviceSortKey): number | string | null {
  if (by === 'suspects') return totalSuspects(row);
  if (by === 'last_fix') return row.last_fix ? Date.parse(row.last_fix) : null;
  return row[by];
}

const PURPOSE_ORDER: Record<string, number> = { primary: 0, backup: 1, panic: 2 };

/** Empty values sort last either way; ties fall back to race number, then purpose. */
export function sortDevices(rows: readonly DeviceRow[], sort: DeviceSort): DeviceRow[] {
  const sign = sort.descending ? -1 : 1;
  const tie = (a: DeviceRow, b: DeviceRow) =>
    (a.race_number ?? Infinity) - (b.race_number ?? Infinity) || (PURPOSE_ORDER[a.purpose ?? ''] ?? 9) - (PURPOSE_ORDER[b.purpose ?? ''] ?? 9) || a.imei.localeCompare(b.imei);
  return [...rows].sort((a, b) => {
    const x = keyOf(a, sort.by);
    const y = keyOf(b, sort.by);
    if (x === null || y === null) return x === y ? tie(a, b) : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c * sign || tie(a, b);
  });
}

/** Matches race number (exact, or "#12"), crew names, class, purpose, IMEI and suspect kinds. */
export function searchDevices(rows: readonly DeviceRow[], words: string): DeviceRow[] {
  const terms = words.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...rows];
  return rows.filter((r) => {
    const text = [r.crew, r.class_code, r.purpose, r.imei, ...Object.keys(r.suspects).filter((k) => r.suspects[k])].join(' ').toLowerCase();
    return terms.every((t) => (/^#?\d+$/.test(t) && r.race_number === Number(t.replace('#', ''))) || text.includes(t.replace(/^#/, '')));
  });
}

/** The next row after `current` (in the order shown) with pending suspects, wrapping round once. */
export function nextPendingDevice(rows: readonly DeviceRow[], current: string | null, by: 'imei' | 'entry_id' = 'imei'): DeviceRow | null {
  // `by: 'entry_id'`: from an entry's review, the next entry's (its own other trackers skipped).
  const start = current === null ? -1 : rows.findIndex((r) => r[by] === current);
  for (let k = 1; k <= rows.length; k++) {
    const row = rows[(start + k + rows.length) % rows.length]!;
    if (row.pending > 0 && row[by] !== current) return row;
  }
  return null;
}

export interface CrewMember {
  role: string | null;
  user_id: { first_name: string | null; last_name: string | null } | null;
}

const DRIVER_FIRST: Record<string, number> = { pilot: 0, rider: 0, runner: 0, hiker: 0, 'co-pilot': 1, navigator: 2, mechanic: 3 };

/** The crew as the list shows it: who drives first, then co-pilot, navigator, mechanic. */
export function crewWords(crew: readonly CrewMember[] | undefined): string {
  return [...(crew ?? [])]
    .sort((a, b) => (DRIVER_FIRST[a.role ?? ''] ?? 9) - (DRIVER_FIRST[b.role ?? ''] ?? 9))
    .map((c) => [c.user_id?.first_name, c.user_id?.last_name].filter(Boolean).join(' '))
    .filter(Boolean)
    .join(' / ');
}
