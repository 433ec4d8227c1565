-- Why: a low-zoom tile of a whole stage draws every tracker's line; merging and simplifying
-- thousands of track pieces per tile took most of a second. One simplified line per tracker and
-- stage (~30 m tolerance, finer than a pixel up to zoom 11) is kept beside the pieces of 107.
-- Derived data, rewritten with the pieces.

CREATE TABLE IF NOT EXISTS gps_track_lines (
  stage_id  uuid NOT NULL,
  device_id text NOT NULL,
  line      geometry(Geometry, 4326) NOT NULL,
  PRIMARY KEY (stage_id, device_id)
);
CREATE INDEX IF NOT EXISTS gps_track_lines_line_idx ON gps_track_lines USING gist (line);

DO $$
BEGIN
  IF to_regclass('public.gps_track_lines_line_idx') IS NULL THEN
    RAISE EXCEPTION '108_gps_track_lines: table or index missing';
  END IF;
END $$;
