-- Why: the processor asks "which geofence / zone contains this fix" for every position; without a
-- GIST index each question scans every polygon of the event. The snapshot records these fields
-- as indexed (is_indexed), so on a fresh database schema apply first makes a plain btree index
-- (knex's <table>_<column>_index), useless for spatial queries: it is replaced here.

DROP INDEX IF EXISTS segments_route_index;
DROP INDEX IF EXISTS geofences_area_index;
DROP INDEX IF EXISTS waypoints_location_index;
DROP INDEX IF EXISTS speed_limit_zones_area_index;

CREATE INDEX IF NOT EXISTS segments_route_gist ON segments USING gist (route);
CREATE INDEX IF NOT EXISTS geofences_area_gist ON geofences USING gist (area);
CREATE INDEX IF NOT EXISTS waypoints_location_gist ON waypoints USING gist (location);
CREATE INDEX IF NOT EXISTS speed_limit_zones_area_gist ON speed_limit_zones USING gist (area);

DO $$
DECLARE n int;
BEGIN
  SELECT count(*) INTO n FROM pg_indexes
  WHERE indexname IN ('segments_route_gist', 'geofences_area_gist', 'waypoints_location_gist', 'speed_limit_zones_area_gist')
    AND indexdef LIKE '%USING gist%';
  IF n <> 4 THEN RAISE EXCEPTION '101_geometry_indexes: expected 4 GIST indexes, found %', n; END IF;
  SELECT count(*) INTO n FROM pg_indexes
  WHERE tablename IN ('segments', 'geofences', 'waypoints', 'speed_limit_zones') AND indexdef LIKE '%USING btree (%route)%'
     OR tablename IN ('geofences', 'speed_limit_zones') AND indexdef LIKE '%USING btree (area)%'
     OR tablename = 'waypoints' AND indexdef LIKE '%USING btree (location)%';
  IF n <> 0 THEN RAISE EXCEPTION '101_geometry_indexes: % btree index(es) left on geometry columns', n; END IF;
END $$;
