-- Why: PostGIS stores the course (routes, waypoints, geofences, speed-limit zones). TimescaleDB
-- turns `positions` into a hypertable in production; these machines cannot install it, so it is
-- created only where the server offers it and is preloaded, and skipped with a NOTICE otherwise.

CREATE EXTENSION IF NOT EXISTS postgis;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
    RETURN;
  ELSIF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')
        AND current_setting('shared_preload_libraries') LIKE '%timescaledb%' THEN
    CREATE EXTENSION IF NOT EXISTS timescaledb;
  ELSE
    RAISE NOTICE 'timescaledb is not available on this server: positions stays a plain table';
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis') THEN
    RAISE EXCEPTION '001_extensions: the postgis extension is missing after CREATE EXTENSION';
  END IF;
END $$;
