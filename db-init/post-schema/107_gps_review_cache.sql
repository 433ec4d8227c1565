-- Why: the review queue of a stage and its map tiles must load in a screen's first second, but the
-- detectors read every point of 300 trackers (3.5 M rows on stage 1). The extension runs them in
-- the background per device and keeps the result here: the suspects (runs of points with one
-- reason) and the device's track cut into ~5-minute chunks with their time span, so a map tile
-- finds the devices and minutes it covers by a GIST search and reads only those positions through
-- their (device_id, ts) index. Derived data: it can be dropped and recomputed at any time.

CREATE TABLE IF NOT EXISTS gps_suspects (
  stage_id  uuid        NOT NULL,
  device_id text        NOT NULL,
  reason    text        NOT NULL,
  ts_from   timestamptz NOT NULL,
  ts_to     timestamptz NOT NULL,
  count     integer     NOT NULL,
  faulty    integer     NOT NULL DEFAULT 0,
  evidence  jsonb       NOT NULL DEFAULT '{}',
  impact    jsonb       NOT NULL DEFAULT '{}',
  score     smallint    NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS gps_suspects_stage_device_idx ON gps_suspects (stage_id, device_id, ts_from);

-- One row per device and stage: when it was computed and what the queue shows of it.
CREATE TABLE IF NOT EXISTS gps_device_reviews (
  stage_id      uuid        NOT NULL,
  device_id     text        NOT NULL,
  entry_id      uuid,
  points        integer     NOT NULL,
  faulty_points integer     NOT NULL,
  computed_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (stage_id, device_id)
);

CREATE TABLE IF NOT EXISTS gps_track_chunks (
  stage_id  uuid        NOT NULL,
  device_id text        NOT NULL,
  ts_from   timestamptz NOT NULL,
  ts_to     timestamptz NOT NULL,
  line      geometry(LineString, 4326) NOT NULL
);
CREATE INDEX IF NOT EXISTS gps_track_chunks_line_idx ON gps_track_chunks USING gist (line);
CREATE INDEX IF NOT EXISTS gps_track_chunks_stage_device_idx ON gps_track_chunks (stage_id, device_id);

DO $$
BEGIN
  IF to_regclass('public.gps_track_chunks_line_idx') IS NULL OR to_regclass('public.gps_device_reviews') IS NULL THEN
    RAISE EXCEPTION '107_gps_review_cache: tables missing';
  END IF;
END $$;
