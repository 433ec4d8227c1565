// The outbox relay: sends committed, unsent recompute_outbox rows to their Redis stream and marks
// them sent. At least once: the row stays locked (FOR UPDATE SKIP LOCKED) from read to mark, so two
// Directus instances never send one row at the same time and neither skips one; a crash between
// XADD and the mark resends it with the same `id`. While Redis is away each row waits its backoff.
import type { Knex } from 'knex';
import { Redis } from 'ioredis';
import { backoffSeconds } from '../../domain/gps/backoff.ts';

export interface RelayOptions {
  batch?: number;
}

export function redisFor(url: string): Redis {
  // Fail fast while Redis is down (no offline queue, no retries per command): the outbox is the queue.
  return new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 2000, commandTimeout: 3000, retryStrategy: (n) => Math.min(5000, n * 500) });
}

interface OutboxRow {
  seq: string;
  message_id: string;
  stream: string;
  fields: Record<string, string>;
  attempts: number;
}

/** One pass: sends what is due, oldest first. Returns how many were sent, and the error that stopped it. */
export async function relayOnce(db: Knex, redis: Redis, opts: RelayOptions = {}): Promise<{ sent: number; error: string | null }> {
  let sent = 0;
  for (;;) {
    const result = await db.transaction(async (trx) => {
      const { rows } = await trx.raw(
        `SELECT seq, message_id, stream, fields, attempts FROM recompute_outbox
         WHERE sent_at IS NULL AND next_attempt_at <= now() ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED`, [opts.batch ?? 100]);
      let done = 0;
      for (const row of rows as OutboxRow[]) {
        try {
          if (redis.status === 'wait' || redis.status === 'end') await redis.connect().catch(() => undefined);
          const args = Object.keys(row.fields).sort((a, b) => (a === 'id' ? -1 : b === 'id' ? 1 : 0)).flatMap((k) => [k, String(row.fields[k])]);
          const entryId = await redis.xadd(row.stream, '*', ...args);
          await trx.raw('UPDATE recompute_outbox SET sent_at = now(), stream_entry_id = ?, attempts = attempts + 1, last_error = NULL WHERE seq = ?', [entryId, row.seq]);
          await trx.raw('UPDATE position_flags SET emitted_at = now() WHERE message_id = ?', [row.message_id]);
          done++;
        } catch (e) {
          const error = `${row.stream}: ${(e as Error).message}`;
          await trx.raw(`UPDATE recompute_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = now() + make_interval(secs => ?) WHERE seq = ?`, [error, backoffSeconds(row.attempts + 1), row.seq]);
          await trx.raw('UPDATE recompute_relay_state SET last_error = ?, last_error_at = now() WHERE id = 1', [error]);
          return { done, error, more: false };
        }
      }
      if (done) await trx.raw('UPDATE recompute_relay_state SET last_sent_at = now() WHERE id = 1');
      return { done, error: null, more: rows.length === (opts.batch ?? 100) };
    });
    sent += result.done;
    if (result.error) return { sent, error: result.error };
    if (!result.more) return { sent, error: null };
  }
}

export async function relayState(db: Knex) {
  const { rows } = await db.raw(`
    SELECT (SELECT count(*)::int FROM recompute_outbox WHERE sent_at IS NULL) AS pending,
           (SELECT extract(epoch FROM now() - min(created_at))::float8 FROM recompute_outbox WHERE sent_at IS NULL) AS oldest_pending_age_s,
           (SELECT attempts FROM recompute_outbox WHERE sent_at IS NULL ORDER BY seq LIMIT 1) AS attempts_of_oldest,
           s.last_error, s.last_error_at, s.last_sent_at
    FROM recompute_relay_state s WHERE s.id = 1`);
  const r = rows[0] ?? {};
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return {
    stream: 'recompute:requests',
    pending: r.pending ?? 0,
    oldest_pending_age_s: r.oldest_pending_age_s === null || r.oldest_pending_age_s === undefined ? null : Math.round(r.oldest_pending_age_s),
    attempts_of_oldest: r.attempts_of_oldest ?? null,
    last_error: r.last_error ?? null,
    last_error_at: iso(r.last_error_at),
    last_sent_at: iso(r.last_sent_at),
  };
}
