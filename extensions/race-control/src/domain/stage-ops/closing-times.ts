// Closing times of a stage's controls, from the stage's `closing_rule` (JSON, data not code):
//   { "rule": "margin", "margin_seconds": 1800 }
//     a control closes `margin_seconds` after the last starter's target time there;
//   { "rule": "min_average_speed", "kmh": { "special-stage": 25, "liaison": 40 }, "margin_seconds": 0 }
//     the exit of a segment closes when the last starter, leaving at its target time, would arrive
//     at that average speed over the segment's route (`kmh` may be one number for every segment;
//     a segment type it leaves out closes on its target duration plus the margin).
// The entry control of a segment closes `margin_seconds` (default 0) after the last target time.

export type ClosingRule =
  | { rule: 'margin'; margin_seconds: number }
  | { rule: 'min_average_speed'; kmh: number | Record<string, number>; margin_seconds?: number };

export function parseClosingRule(value: unknown): ClosingRule | { error: string } {
  const v = value as Record<string, unknown> | null;
  const margin = v?.margin_seconds;
  const marginOk = margin === undefined || (typeof margin === 'number' && margin >= 0);
  if (v?.rule === 'margin' && typeof margin === 'number' && margin >= 0) return { rule: 'margin', margin_seconds: margin };
  if (v?.rule === 'min_average_speed' && marginOk) {
    const kmh = v.kmh;
    const ok = typeof kmh === 'number' ? kmh > 0 : kmh !== null && typeof kmh === 'object' && Object.values(kmh).length > 0 && Object.values(kmh).every((x) => typeof x === 'number' && x > 0);
    if (ok) return { rule: 'min_average_speed', kmh: kmh as number | Record<string, number>, ...(margin === undefined ? {} : { margin_seconds: margin as number }) };
  }
  return {
    error:
      'The closing rule must be { "rule": "margin", "margin_seconds": 1800 } or { "rule": "min_average_speed", "kmh": 25 } ' +
      '(kmh above 0, one number or one per segment type; margins 0 or more).',
  };
}

export interface ClosingSegment {
  id: string;
  type: string | null;
  target_duration_seconds: number | null;
  /** Length of the segment's route in metres, null without a route. */
  route_meters: number | null;
  entry_geofence_id: string | null;
  exit_geofence_id: string | null;
}

/** Geofence id → closing time (ISO), for the geofences in `controls` that the rule can time. */
export function closingTimes(rule: ClosingRule, segments: ClosingSegment[], rows: { segment_id: string; target_at: string | null }[], controls: ReadonlySet<string>): Map<string, string> {
  const lastTarget = new Map<string, number>();
  for (const r of rows) if (r.target_at) lastTarget.set(r.segment_id, Math.max(lastTarget.get(r.segment_id) ?? -Infinity, Date.parse(r.target_at)));
  const margin = (rule.margin_seconds ?? 0) * 1000;
  const closes = new Map<string, number>();
  const put = (geofence: string | null, ms: number | null) => {
    if (!geofence || ms === null || !controls.has(geofence)) return;
    closes.set(geofence, Math.max(closes.get(geofence) ?? -Infinity, ms));
  };
  for (const s of segments) {
    const last = lastTarget.get(s.id);
    if (last === undefined) continue;
    put(s.entry_geofence_id, last + margin);
    if (rule.rule === 'margin') put(s.exit_geofence_id, s.target_duration_seconds === null ? null : last + s.target_duration_seconds * 1000 + margin);
    else {
      // A segment type the rule gives no speed (or a segment without a route) closes on its target duration.
      const kmh = typeof rule.kmh === 'number' ? rule.kmh : rule.kmh[s.type ?? ''];
      if (kmh && s.route_meters !== null) put(s.exit_geofence_id, last + Math.round((s.route_meters / 1000 / kmh) * 3600 * 1000) + margin);
      else put(s.exit_geofence_id, s.target_duration_seconds === null ? null : last + s.target_duration_seconds * 1000 + margin);
    }
  }
  return new Map([...closes].map(([g, ms]) => [g, new Date(ms).toISOString()]));
}
