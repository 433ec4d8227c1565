-- Why: a flag must reach the processor on the Redis stream `recompute:requests` even when Redis or
-- Directus is down at that moment. The flag's transaction inserts one row here together with the
-- positions update and the position_flags row (all or nothing); the relay in the extension sends
-- committed unsent rows (FOR UPDATE SKIP LOCKED, so several Directus instances never send one row
-- at once), marks them sent, and retries with backoff. `message_id` is the message's `id` field,
-- the same on every retry, so the processor can drop a repeat.

CREATE TABLE IF NOT EXISTS recompute_outbox (
  seq             bigserial   PRIMARY KEY,
  message_id      uuid        NOT NULL UNIQUE,
  stream          text        NOT NULL DEFAULT 'recompute:requests',
  fields          jsonb       NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  attempts        integer     NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  sent_at         timestamptz,
  stream_entry_id text
);

COMMENT ON COLUMN recompute_outbox.fields IS 'stream field → value, sent in key order by XADD';

CREATE INDEX IF NOT EXISTS recompute_outbox_unsent_idx ON recompute_outbox (next_attempt_at, seq) WHERE sent_at IS NULL;

-- One row: what the relay last met, for the staff's status (pending counts come from the outbox).
CREATE TABLE IF NOT EXISTS recompute_relay_state (
  id            smallint    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  last_error    text,
  last_error_at timestamptz,
  last_sent_at  timestamptz
);
INSERT INTO recompute_relay_state (id) VALUES (1) ON CONFLICT (id) DO NOTHING;

DO $$
BEGIN
  IF to_regclass('public.recompute_outbox_unsent_idx') IS NULL OR to_regclass('public.recompute_relay_state') IS NULL THEN
    RAISE EXCEPTION '106_recompute_outbox: outbox or relay state missing';
  END IF;
END $$;
