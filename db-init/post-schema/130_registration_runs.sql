-- Why: a registration wizard run is one pass at the desk. Its row is the server-side draft (it
-- survives a reload and a change of computer) and the submit's idempotency key: the submit locks
-- the run, and a double click or a retried request finds it submitted and answers with the entry
-- it made instead of making a second one. Only the race-control endpoints read it, after proving
-- the caller may register entries of the event; no foreign keys, so deleting an entry or event is
-- never blocked by a stale draft (a run whose entry is gone is simply a draft again).

CREATE TABLE IF NOT EXISTS registration_runs (
  run_id     uuid PRIMARY KEY,
  event_id   uuid NOT NULL,
  user_id    uuid,
  entry_id   uuid,
  status     text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  step       text,
  draft      jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS registration_runs_event_user ON registration_runs (event_id, user_id, status);

DO $$
BEGIN
  IF to_regclass('public.registration_runs') IS NULL THEN
    RAISE EXCEPTION '130_registration_runs: table registration_runs is missing';
  END IF;
END $$;
