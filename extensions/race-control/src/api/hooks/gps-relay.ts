// Runs the recompute outbox relay (../gps/relay.ts) in every Directus instance, every second.
// Several instances are safe (rows are locked while sent); a restart resumes from the table. Pass GPS_RELAY=off to leave it to other instances (or to tests).
import { defineHook } from '@directus/extensions-sdk';
import type { Knex } from 'knex';
import { redisFor, relayOnce } from '../gps/relay';

export default defineHook(({ init }, { database, env, logger }) => {
  const url = String((env as Record<string, unknown>).REDIS ?? '');
  if (!url || String((env as Record<string, unknown>).GPS_RELAY ?? 'on') === 'off') return;
  const db = database as unknown as Knex;
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let lastError: string | null = null;
  init('app.after', () => {
    const redis = redisFor(url);
    redis.on('error', () => undefined); // reported through the outbox rows, not the log every second
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
