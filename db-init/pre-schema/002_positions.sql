-- Why: `positions` is the telemetry table the processor writes (one row per GPS fix). Its own
-- migration owns it; this is the identical mirror so that a business-plane database is complete
-- on its own. No primary key: Directus cannot register it and TimescaleDB forbids a key without
-- `ts`; rows are identified by the unique (device_id, ts). `device_id` is the IMEI, not devices.id.

CREATE TABLE IF NOT EXISTS positions (
  device_id   text             NOT NULL,
  ts          timestamptz      NOT NULL,
  latitude    double precision,
  longitude   double precision,
  altitude    real,
  angle       real,
  speed       real,
  satellites  smallint,
  priority    smallint,
  attributes  jsonb,
  codec       text,
  ingested_at timestamptz      NOT NULL DEFAULT now()
);

COMMENT ON COLUMN positions.device_id IS 'IMEI of the tracker (join through devices.imei)';
COMMENT ON COLUMN positions.speed IS 'km/h as reported by the tracker';
COMMENT ON COLUMN positions.priority IS '0 low, 1 high, 2 panic';

-- 1-day chunks: a day of a rally is the natural unit of queries and retention.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
    PERFORM create_hypertable('positions', 'ts', chunk_time_interval => interval '1 day',
                              if_not_exists => true);
  END IF;
END $$;

CREATE UNIQUE INDEX IF NOT EXISTS positions_device_id_ts_key ON positions (device_id, ts);
CREATE INDEX IF NOT EXISTS positions_ts_idx ON positions (ts DESC);

DO $$
BEGIN
  IF to_regclass('public.positions') IS NULL THEN
    RAISE EXCEPTION '002_positions: table positions is missing';
  END IF;
  IF to_regclass('public.positions_device_id_ts_key') IS NULL THEN
    RAISE EXCEPTION '002_positions: unique index positions_device_id_ts_key is missing';
  END IF;
END $$;
