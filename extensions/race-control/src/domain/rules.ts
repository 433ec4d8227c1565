// The rules the database enforces (db-init/post-schema), in words a registrar or race director can
// act on. Keyed by constraint name; tests/unit/rules.test.ts checks that every constraint in the
// SQL has its words here.

export const CHECK_RULES: Record<string, string> = {
  devices_imei_valid: 'This IMEI is not valid: it needs 15 digits and the last one is a check digit. Copy it again from the tracker label',
  events_ends_after_start: 'An event must end after it starts',
  classes_race_number_range_valid: "A class's first race number must not be above its last",
  classes_race_numbers_positive: 'Race numbers start at 1',
  entries_race_number_positive: 'Race numbers start at 1',
  waypoints_tolerance_positive: "A waypoint's clear radius must be more than 0 m",
  waypoints_open_radius_covers_tolerance: "A waypoint's open radius must be at least its clear radius",
  speed_limit_zones_limit_positive: 'A speed limit must be more than 0 km/h',
  speed_limit_zones_area_valid: 'The zone outline crosses itself; redraw it as a simple shape',
  geofences_area_valid: 'The geofence outline crosses itself; redraw it as a simple shape',
  segments_durations_valid: 'Segment durations cannot be negative',
  stages_start_interval_valid: 'The start interval cannot be negative',
  penalty_formulas_bracket_valid: "A penalty bracket's lower bound must be below its upper bound",
  penalty_formulas_penalty_valid: 'A penalty cannot be negative',
  // Raised by triggers, whose own message (with the race number, class, IMEI) is shown instead.
  entries_class_in_event: 'The class belongs to another event',
  entries_race_number_in_class_range: "The race number is outside its class's range",
  classes_range_keeps_entries: 'Entries of this class would fall outside the new range',
  entry_devices_one_entry_per_event: 'This tracker is already on another entry of this event',
};

/** Composite and single uniques, as Directus reports them: collection and first column. */
export const UNIQUE_RULES: Record<string, (value: unknown) => string> = {
  // Composite uniques arrive without the value: Directus cannot pick it out of the payload.
  'entries.race_number': (v) => `${v == null ? 'This race number' : `Race number ${v}`} is already taken in this event`,
  'devices.imei': (v) => `A tracker with IMEI ${v} is already registered`,
  'organizations.slug': (v) => `The short name "${v}" is already used by another organisation`,
  'events.slug': () => 'This short name is already used by another event of this organisation',
  'classes.code': () => 'This class code already exists in this event',
  'organization_users.user_id': () => 'This person is already a member of this organisation',
  'organization_vehicles.vehicle_id': () => 'This vehicle is already registered with this organisation',
  'organization_devices.device_id': () => 'This tracker is already registered with this organisation',
  'entry_crew.user_id': () => "This person is already in this entry's crew",
  'entry_devices.device_id': () => 'This tracker is already on this entry',
  'entry_segment_starts.segment_id': () => 'This entry already has a start time for this segment',
  'entry_crossings.entry_id': () => 'This crossing is already recorded',
  'stage_results.stage_id': () => 'This entry already has a result for this stage',
};

export interface RuleViolation {
  rule: string;
  message: string;
}

/** A raised check or trigger error from PostgreSQL (error code 23514). */
export function describeCheckViolation(constraint: string | undefined, message: string): RuleViolation | null {
  if (!constraint || !(constraint in CHECK_RULES)) return null;
  // knex puts the failing statement in front: "insert into … - <PostgreSQL's message>".
  const original = /^(insert|update|delete|with|select) /i.test(message) ? message.slice(message.indexOf(' - ') + 3) : message;
  // Trigger messages are already in words and more precise (they name the number or the class).
  const words = original.startsWith('new row for relation') ? CHECK_RULES[constraint]! : original;
  return { rule: constraint, message: words };
}

/** `field` is the unique index's column list as PostgreSQL reports it ("race_number, event_id"). */
export function describeUniqueViolation(collection: string, field: string, value: unknown): RuleViolation | null {
  const words = UNIQUE_RULES[`${collection}.${field.split(',')[0]!.trim()}`];
  return words ? { rule: `${collection}.${field}.unique`, message: words(value) } : null;
}

export interface Reference {
  collection: string;
  count: number;
}

/** Why an item cannot be deleted: what still points at it (delete never cascades). */
export function describeReferences(itemKind: string, references: Reference[]): RuleViolation | null {
  const used = references.filter((r) => r.count > 0);
  if (used.length === 0) return null;
  const list = used.map((r) => `${r.collection.replaceAll('_', ' ')} (${r.count})`).join(', ');
  return {
    rule: 'delete_restricted',
    message: `This ${itemKind} cannot be deleted: it is still used by ${list}. Remove those links first (nothing is deleted along with it)`,
  };
}
