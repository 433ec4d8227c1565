// Runs the recompute outbox relay (../gps/relay.ts) in every Directus instance, every second.
// Several instances are safe (rows are locked while sent); a restart resumes from the table. Pass GPS_RELAY=off to leave it to other instances (or to tests).
import { defineHook } from '@directus/extensions-sdk';
import type { Knex } from 'knex';
import { redisFor, relayOnce } from '../gps/relay';

/**
 * Directus's own Redis clients (cache, messenger) reject queued commands with
 * MaxRetriesPerRequestError when Redis goes away, and with nobody catching them Node ends the
 * process: a Redis outage would take race control down with it, the very case the outbox is for.
 * Those rejections only are logged; any other unhandled rejection still ends the process as before.
 */
function surviveRedisOutage(logger: { warn(m: string): void }): void {
  process.on('unhandledRejection', (reason) => {
    const e = reason as { name?: string; code?: string; message?: string };
    const redisGone = e?.name === 'MaxRetriesPerRequestError' || (e?.code === 'ECONNREFUSED' && /6\d{3}|redis/i.test(String(e?.message))) || /Connection is closed|Stream isn't writeable/.test(String(e?.message));
    if (!redisGone) throw reason;
    logger.warn(`Redis unreachable: ${e?.message ?? String(reason)}`);
  });
}

export default defineHook(({ init }, { database, env, logger }) => {
  surviveRedisOutage(logger);
  const url = String((env as Record<string, unknown>).REDIS ?? '');
  if (!url || String((env as Record<string, unknown>).GPS_RELAY ?? 'on') === 'off') return;
  const db = database as unknown as Knex;
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let lastError: string | null = null;
  init('app.after', () => {
    const redis = redisFor(url);
    redis.on('error', () => undefined); // reported through the outbox rows, not the log every second
    // Back after an outage: what waits its backoff goes now rather than up to a minute later.
    redis.on('ready', () => void db.raw('UPDATE recompute_outbox SET next_attempt_at = now() WHERE sent_at IS NULL AND next_attempt_at > now()').catch(() => undefined));
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        const { error } = await relayOnce(db, redis);
        if (error && error !== lastError) logger.warn(`recompute relay: ${error} (retrying with backoff)`);
        if (!error && lastError) logger.info('recompute relay: stream reachable again');
        lastError = error;
      } catch (e) {
        // The database itself is away (e.g. during a restart): try again on the next tick.
        logger.warn(`recompute relay: ${(e as Error).message}`);
      } finally {
        running = false;
      }
    };
    timer = setInterval(() => void tick(), 1000);
    timer.unref();
    void tick();
  });
  process.once('SIGTERM', () => timer && clearInterval(timer));
});
