-- Why: marshals flag faulty fixes instead of deleting them (the raw track stays auditable), and
-- every processor read filters `WHERE NOT faulty`; the partial index serves exactly that read.

ALTER TABLE positions ADD COLUMN IF NOT EXISTS faulty boolean NOT NULL DEFAULT false;

COMMENT ON COLUMN positions.faulty IS 'set only by operators through the race-control extension';

CREATE INDEX IF NOT EXISTS positions_good_device_ts_idx
  ON positions (device_id, ts DESC) WHERE NOT faulty;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                 WHERE table_name = 'positions' AND column_name = 'faulty'
                   AND data_type = 'boolean' AND is_nullable = 'NO') THEN
    RAISE EXCEPTION '003_positions_faulty: column positions.faulty is missing or nullable';
  END IF;
  IF to_regclass('public.positions_good_device_ts_idx') IS NULL THEN
    RAISE EXCEPTION '003_positions_faulty: partial index positions_good_device_ts_idx is missing';
  END IF;
END $$;
