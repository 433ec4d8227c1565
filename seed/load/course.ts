// The seven stages with their segments; stages 1–2 with the drawn course (routes, geofences,
// waypoints, speed-limit zones); start times of every entry on the opened stages.
import { readItems } from '@directus/sdk';
import type { CourseStage } from '../rally-albania-2026/course/types.ts';
import { START_ORDER, STAGES, WPN_PENALTY } from '../rally-albania-2026/event.ts';
import type { EntrySeed } from '../rally-albania-2026/roster.ts';
import type { Business } from './business.ts';
import { type Api, type Item, type Tally, ensure } from './items.ts';

export async function loadCourse(api: Api, business: Business, drawn: CourseStage[], roster: EntrySeed[], tallies: Tally[]): Promise<void> {
  const eventId = business.event.id;
  const inEvent = { event_id: { _eq: eventId } };

  const geofences = await ensure(
    api, 'geofences',
    // One stage's arrival bivouac is the next one's departure: the same place, loaded once.
    [...new Map(drawn.flatMap((s) => s.geofences).map((g) => [g.name, g])).values()].map((g) => ({
      event_id: eventId, name: g.name, kind: g.kind, area: g.area, closes_at: g.closesAt,
      manual_verification: g.manualVerification, retroactive: g.retroactive,
    })),
    (g) => String(g.name), inEvent, tallies,
  );
  const geofenceId = (stage: CourseStage, key: string) => geofences.get(stage.geofences.find((g) => g.key === key)!.name)!.id;

  // One by one: each stage from the second on takes its start order from the one before.
  const stages: Item[] = [];
  for (const [i, seed] of STAGES.entries()) {
    const previous = stages[i - 1];
    const stage = (await ensure(api, 'stages', [{
      event_id: eventId, name: seed.name, sort_order: i + 1, role: seed.role, status: seed.status, starts_at: seed.starts_at,
      start_interval_seconds: START_ORDER.interval_seconds,
      start_order_strategy: previous ? START_ORDER.strategy : 'manual',
      start_order_strategy_params: previous ? START_ORDER.params : null,
      start_order_input_stage_id: previous?.id ?? null,
    }], (s) => String(s.name), inEvent, tallies)).get(seed.name)!;
    stages.push(stage);
  }

  const segments = new Map<string, Item[]>();
  const nested = { waypoints: { total: 0, created: 0 }, speed_limit_zones: { total: 0, created: 0 } };
  for (const [i, seed] of STAGES.entries()) {
    const stage = stages[i]!;
    const course = drawn[i];
    const wanted = seed.segments.map((name, k) => {
      const segment = course?.segments[k];
      return {
        stage_id: stage.id, sort_order: k + 1, name, type: k === 1 ? 'special-stage' : 'liaison',
        ...(segment && course ? {
          route: segment.route,
          entry_geofence_id: geofenceId(course, segment.entryGeofence),
          exit_geofence_id: geofenceId(course, segment.exitGeofence),
          target_duration_seconds: segment.targetDurationSeconds,
          max_duration_seconds: segment.maxDurationSeconds,
          waypoints: segment.waypoints.map((w) => ({
            sort_order: w.sortOrder, kind: w.kind, name: w.name, location: w.location, tolerance_meters: w.toleranceMeters,
            open_radius_meters: w.openRadiusMeters, roadbook_km: w.roadbookKm, show_coordinates: w.showCoordinates,
          })),
          speed_limit_zones: segment.speedZones.map((z) => ({ name: z.name, area: z.area, speed_limit_kmh: z.speedLimitKmh, retroactive: false })),
        } : {}),
      };
    });
    const loaded = await ensure(api, 'segments', wanted, (s) => String(s.sort_order), { stage_id: { _eq: stage.id } }, tallies);
    for (const [k, segment] of (course?.segments ?? []).entries()) {
      const made = loaded.createdKeys.has(String(k + 1)) ? 1 : 0;
      nested.waypoints.total += segment.waypoints.length;
      nested.waypoints.created += made * segment.waypoints.length;
      nested.speed_limit_zones.total += segment.speedZones.length;
      nested.speed_limit_zones.created += made * segment.speedZones.length;
    }
    segments.set(seed.name, [...loaded.values()].sort((a, b) => Number(a.sort_order) - Number(b.sort_order)));
  }
  for (const [collection, t] of Object.entries(nested)) tallies.push({ collection, ...t });

  // A missed WPN costs more than other waypoints: its own formula per WPN.
  const wpns = (await api.request(readItems('waypoints', { filter: { kind: { _eq: 'WPN' }, segment_id: { stage_id: { event_id: { _eq: eventId } } } }, limit: -1, fields: ['id'] }))) as Item[];
  await ensure(api, 'penalty_formulas', wpns.map((w) => ({ ...WPN_PENALTY, event_id: eventId, belongs_to_type: 'waypoint', belongs_to_id: w.id, enabled: true, retroactive: false })),
    (p) => `${p.belongs_to_type}|${p.belongs_to_id}`, { event_id: { _eq: eventId }, belongs_to_type: { _eq: 'waypoint' } }, tallies);

  await loadStarts(api, business, stages, segments, roster, tallies);
}

/** Start positions and target times on the stages already opened (natural order: no results yet). */
async function loadStarts(api: Api, business: Business, stages: Item[], segments: Map<string, Item[]>, roster: EntrySeed[], tallies: Tally[]) {
  const starters = roster.filter((e) => e.status !== 'withdrawn').sort((a, b) => a.race_number - b.race_number);
  for (const stage of stages.filter((s) => s.status === 'open' || s.status === 'closed')) {
    const [liaison, special] = segments.get(String(stage.name))!;
    const wanted = starters.flatMap((e, position) => {
      const start = Date.parse(String(stage.starts_at)) + position * START_ORDER.interval_seconds * 1000;
      const entry = business.entries.get(String(e.race_number))!.id;
      return [
        { entry_id: entry, segment_id: liaison!.id, start_position: position + 1, target_at: new Date(start).toISOString(), manual_override: false },
        { entry_id: entry, segment_id: special!.id, start_position: position + 1, target_at: new Date(start + Number(liaison!.target_duration_seconds ?? 0) * 1000).toISOString(), manual_override: false },
      ];
    });
    await ensure(api, 'entry_segment_starts', wanted, (s) => `${s.entry_id}|${s.segment_id}`, { segment_id: { stage_id: { _eq: stage.id } } }, tallies);
  }
}
