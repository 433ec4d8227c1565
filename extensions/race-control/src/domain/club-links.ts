// A club's items may only point at what the club may use: its own events, entries, course,
// people, and the vehicles and trackers registered with it. Directus's validation says so with
// a list of ids; these are the words for a registrar or race director.

/** What each collection holds, in the sport's words. */
export const ITEM_KINDS: Record<string, string> = {
  directus_users: 'person', organizations: 'organisation', vehicles: 'vehicle', devices: 'tracker',
  events: 'event', classes: 'class', entries: 'entry', stages: 'stage', segments: 'segment', geofences: 'geofence',
  waypoints: 'waypoint', penalty_formulas: 'penalty formula', speed_limit_zones: 'speed zone',
};

/** The collections whose rows belong to a club, directly or through their event. */
export const CLUB_COLLECTIONS = new Set([
  'organizations', 'organization_users', 'organization_vehicles', 'organization_devices', 'vehicles', 'devices',
  'events', 'classes', 'entries', 'entry_crew', 'entry_devices', 'entry_segment_starts', 'entry_crossings', 'entry_penalties',
  'stage_results', 'stages', 'segments', 'waypoints', 'speed_limit_zones', 'geofences', 'penalty_formulas',
]);

/**
 * People, vehicles and trackers are shared by clubs: one that no club has yet (just created, in
 * the same request) is free to claim; one that another club has is not.
 */
export const CLAIMABLE: Record<string, string> = {
  organization_users: 'user_id',
  organization_vehicles: 'vehicle_id',
  organization_devices: 'device_id',
};

export function foreignLinkMessage(relatedCollection: string, field: string): string {
  const kind = ITEM_KINDS[relatedCollection] ?? 'item';
  if (relatedCollection === 'vehicles' || relatedCollection === 'devices') {
    return `The ${kind} in "${field}" is not registered with your club: register it with your club first`;
  }
  return `The ${kind} in "${field}" is not one of your club's`;
}
