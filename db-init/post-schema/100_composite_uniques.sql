-- Why: the snapshot cannot carry composite uniques (domain.md "unique (a, b)"). The column order is
-- deliberate: Directus reports a unique violation against the index's first column, so that column
-- is the one a registrar would change (race number, IMEI, person), not the event or entry id.

CREATE UNIQUE INDEX IF NOT EXISTS organization_users_member_unique ON organization_users (user_id, organization_id);
CREATE UNIQUE INDEX IF NOT EXISTS organization_vehicles_pair_unique ON organization_vehicles (vehicle_id, organization_id);
CREATE UNIQUE INDEX IF NOT EXISTS organization_devices_pair_unique ON organization_devices (device_id, organization_id);
CREATE UNIQUE INDEX IF NOT EXISTS events_slug_per_org_unique ON events (slug, organization_id);
CREATE UNIQUE INDEX IF NOT EXISTS classes_code_per_event_unique ON classes (code, event_id);
CREATE UNIQUE INDEX IF NOT EXISTS entries_race_number_per_event_unique ON entries (race_number, event_id);
CREATE UNIQUE INDEX IF NOT EXISTS entry_crew_person_unique ON entry_crew (user_id, entry_id);
CREATE UNIQUE INDEX IF NOT EXISTS entry_devices_device_unique ON entry_devices (device_id, entry_id);
CREATE UNIQUE INDEX IF NOT EXISTS entry_segment_starts_unique ON entry_segment_starts (segment_id, entry_id);
CREATE UNIQUE INDEX IF NOT EXISTS entry_crossings_unique ON entry_crossings (entry_id, geofence_id, ts);
CREATE UNIQUE INDEX IF NOT EXISTS stage_results_unique ON stage_results (stage_id, entry_id);

DO $$
DECLARE missing text;
BEGIN
  SELECT string_agg(name, ', ') INTO missing FROM unnest(ARRAY[
    'organization_users_member_unique', 'organization_vehicles_pair_unique', 'organization_devices_pair_unique',
    'events_slug_per_org_unique', 'classes_code_per_event_unique', 'entries_race_number_per_event_unique',
    'entry_crew_person_unique', 'entry_devices_device_unique', 'entry_segment_starts_unique',
    'entry_crossings_unique', 'stage_results_unique']) AS name
  WHERE to_regclass('public.' || name) IS NULL;
  IF missing IS NOT NULL THEN RAISE EXCEPTION '100_composite_uniques: missing %', missing; END IF;
END $$;
