// What a marshal reads for each reason code and its evidence: the fault in the sport's words and
// the numbers that make the case, so a suspect is understood without opening anything.
import type { Evidence } from '../gps/suspect';

export const REASON_WORDS: Record<string, string> = {
  'no-fix': 'No fix',
  'zero-coordinates': 'At (0, 0)',
  'out-of-range': 'Out of range',
  duplicate: 'Duplicate',
  'same-time-conflict': 'Same-time conflict',
  spike: 'Spike',
  'stale-fix': 'Stale fix',
  'low-accuracy': 'Low accuracy',
  'clock-jump': 'Clock jump',
  'power-on-drift': 'Power-on drift',
  'cross-check': 'Trackers disagree',
  other: 'Other',
  'not-a-fault': 'Not a fault',
  'flagged-in-error': 'Flagged in error',
};

export const reasonWords = (code: string): string => REASON_WORDS[code] ?? code;

const round = (v: unknown) => Math.round(Number(v));

/** The evidence in one line, most telling number first, e.g. "412 km/h implied (reported 48, class max 170)". */
export function evidenceWords(evidence: Evidence | undefined): string {
  const e: Evidence = evidence ?? {};
  const parts: string[] = [];
  if (e.implied_kmh !== undefined) {
    const beside = [e.reported_kmh !== undefined ? `reported ${round(e.reported_kmh)}` : '', e.max_kmh !== undefined ? `class max ${round(e.max_kmh)}` : ''].filter(Boolean);
    parts.push(`${round(e.implied_kmh)} km/h implied${beside.length ? ` (${beside.join(', ')})` : ''}`);
  } else if (e.reported_kmh !== undefined) parts.push(`${round(e.reported_kmh)} km/h reported`);
  if (e.jump_m !== undefined) parts.push(`${round(e.jump_m)} m off the line`);
  if (e.satellites !== undefined) parts.push(`${e.satellites} satellites`);
  if (e.hdop !== undefined) parts.push(`hdop ${Number(e.hdop).toFixed(1)}`);
  if (e.clock_shift_s !== undefined) parts.push(`clock ${Number(e.clock_shift_s) > 0 ? '+' : ''}${round(e.clock_shift_s)} s`);
  if (e.conflict_m !== undefined) parts.push(`second row ${round(e.conflict_m)} m away`);
  if (e.other_device_id !== undefined) parts.push(`${round(e.other_distance_m)} m from tracker …${String(e.other_device_id).slice(-4)}`);
  if (e.repeated_s !== undefined) parts.push(`same fix for ${round(e.repeated_s)} s`);
  return parts.join(' · ');
}

/** What a suspect's impact means for results, shortest first: penalties, then zones and waypoints. */
export function impactWords(impact: { penalties: unknown[]; speed_zones: { name: string | null }[]; waypoints: { name: string | null }[] } | undefined): string {
  if (!impact) return '';
  const parts: string[] = [];
  if (impact.penalties.length) parts.push(`${impact.penalties.length} penalt${impact.penalties.length === 1 ? 'y' : 'ies'} at stake`);
  if (impact.speed_zones.length) parts.push(`in ${impact.speed_zones.map((z) => z.name ?? 'a speed zone').join(', ')}`);
  if (impact.waypoints.length) parts.push(`near ${impact.waypoints.map((w) => w.name ?? 'a waypoint').join(', ')}`);
  return parts.join(' · ');
}
