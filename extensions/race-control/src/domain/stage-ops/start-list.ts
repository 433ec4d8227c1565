// The start list as people read it: one line per starter, in start order, with the target time of
// each segment. Built from the rows of `entry_segment_starts` and their entries.
import type { StartListLine } from './start-list-csv';

export interface ListedStart {
  id: string;
  segment_id: string;
  start_position: number | null;
  target_at: string | null;
  manual_override: boolean | null;
  entry_id: {
    id: string;
    race_number: number | null;
    class_id: { code: string } | null;
    crew: { role: string; user_id: { first_name: string | null; last_name: string | null } | null }[];
  };
}

export interface ListLine extends StartListLine {
  entry_id: string;
}

const CREW_ORDER = ['pilot', 'rider', 'runner', 'hiker', 'co-pilot', 'navigator', 'mechanic'];

export function crewNames(crew: ListedStart['entry_id']['crew']): string {
  return [...crew]
    .sort((a, b) => CREW_ORDER.indexOf(a.role) - CREW_ORDER.indexOf(b.role))
    .map((m) => [m.user_id?.first_name, m.user_id?.last_name].filter(Boolean).join(' '))
    .filter(Boolean)
    .join(' / ');
}

export function startListLines(segmentIds: string[], rows: ListedStart[]): ListLine[] {
  const byEntry = new Map<string, ListedStart[]>();
  for (const r of rows) byEntry.set(r.entry_id.id, [...(byEntry.get(r.entry_id.id) ?? []), r]);
  const lines = [...byEntry.values()].map((own) => {
    const entry = own[0]!.entry_id;
    return {
      entry_id: entry.id,
      start_position: own.find((r) => r.start_position !== null)?.start_position ?? null,
      race_number: entry.race_number,
      crew: crewNames(entry.crew ?? []),
      class_code: entry.class_id?.code ?? '',
      targets: segmentIds.map((s) => own.find((r) => r.segment_id === s)?.target_at ?? null),
      manual_override: own.some((r) => r.manual_override),
    };
  });
  return lines.sort((a, b) => (a.start_position ?? Infinity) - (b.start_position ?? Infinity) || (a.race_number ?? 0) - (b.race_number ?? 0));
}
