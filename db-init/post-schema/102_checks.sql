-- Why: rules of the sport that a single row must satisfy, kept in the database so that every
-- writer (admin app, API, processor, SQL) meets them. Constraint names are the rule's name; the
-- extension turns each into words (extensions/race-control/src/domain/rules.ts).

-- IMEI: 15 digits, the last a Luhn check digit over the first 14.
CREATE OR REPLACE FUNCTION imei_is_valid(imei text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT imei ~ '^[0-9]{15}$' AND (
    SELECT sum(CASE WHEN i % 2 = 0 THEN (d * 2) / 10 + (d * 2) % 10 ELSE d END) % 10 = 0
    FROM (SELECT i, substr(imei, 16 - i, 1)::int AS d FROM generate_series(1, 15) AS i) AS digits
  )
$$;

DO $$
DECLARE
  checks text[][] := ARRAY[
    ['devices', 'devices_imei_valid', 'imei_is_valid(imei)'],
    ['events', 'events_ends_after_start', 'ends_at > starts_at'],
    ['classes', 'classes_race_number_range_valid', 'race_number_from IS NULL OR race_number_to IS NULL OR race_number_from <= race_number_to'],
    ['classes', 'classes_race_numbers_positive', 'coalesce(race_number_from, 1) > 0 AND coalesce(race_number_to, 1) > 0'],
    ['entries', 'entries_race_number_positive', 'race_number IS NULL OR race_number > 0'],
    ['waypoints', 'waypoints_tolerance_positive', 'tolerance_meters > 0'],
    ['waypoints', 'waypoints_open_radius_covers_tolerance', 'open_radius_meters IS NULL OR open_radius_meters >= tolerance_meters'],
    ['speed_limit_zones', 'speed_limit_zones_limit_positive', 'speed_limit_kmh > 0'],
    ['speed_limit_zones', 'speed_limit_zones_area_valid', 'ST_IsValid(area)'],
    ['geofences', 'geofences_area_valid', 'ST_IsValid(area)'],
    ['segments', 'segments_durations_valid', 'coalesce(target_duration_seconds, 0) >= 0 AND coalesce(max_duration_seconds, 0) >= 0'],
    ['stages', 'stages_start_interval_valid', 'start_interval_seconds IS NULL OR start_interval_seconds >= 0'],
    ['penalty_formulas', 'penalty_formulas_bracket_valid', 'offence_min IS NULL OR offence_max IS NULL OR offence_min < offence_max'],
    ['penalty_formulas', 'penalty_formulas_penalty_valid', 'penalty IS NULL OR penalty >= 0']
  ];
  c text[];
BEGIN
  FOREACH c SLICE 1 IN ARRAY checks LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = c[2]) THEN
      EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (%s)', c[1], c[2], c[3]);
    END IF;
  END LOOP;
END $$;

DO $$
BEGIN
  IF NOT imei_is_valid('490154203237518') OR imei_is_valid('490154203237517') THEN
    RAISE EXCEPTION '102_checks: imei_is_valid gives wrong answers';
  END IF;
  IF (SELECT count(*) FROM pg_constraint WHERE contype = 'c' AND conname IN (
        'devices_imei_valid', 'events_ends_after_start', 'classes_race_number_range_valid',
        'classes_race_numbers_positive', 'entries_race_number_positive', 'waypoints_tolerance_positive',
        'waypoints_open_radius_covers_tolerance', 'speed_limit_zones_limit_positive',
        'speed_limit_zones_area_valid', 'geofences_area_valid', 'segments_durations_valid',
        'stages_start_interval_valid', 'penalty_formulas_bracket_valid', 'penalty_formulas_penalty_valid')) <> 14 THEN
    RAISE EXCEPTION '102_checks: not every check constraint is in place';
  END IF;
END $$;
