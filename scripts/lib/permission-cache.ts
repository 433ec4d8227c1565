// Directus 11 keeps resolved permissions in Redis (namespace "permissions", no expiry) whenever
// Redis is configured, and clears them only when permissions change through its own API. The
// access files are written with SQL, so without this a restarted Directus would keep serving the
// permissions of before the deploy. Instances already running keep a small local copy as well:
// restart them after an apply.
import { Redis } from 'ioredis';

function connect(env: NodeJS.ProcessEnv): Redis | null {
  if (env.REDIS_ENABLED === 'false') return null;
  if (env.REDIS) return new Redis(env.REDIS, { lazyConnect: true, maxRetriesPerRequest: 2 });
  if (env.REDIS_HOST) {
    return new Redis({
      host: env.REDIS_HOST, port: Number(env.REDIS_PORT ?? 6379), username: env.REDIS_USERNAME, password: env.REDIS_PASSWORD,
      lazyConnect: true, maxRetriesPerRequest: 2,
    });
  }
  return null;
}

/** Removes Directus's cached permissions; returns how many keys went, or null without Redis. */
export async function clearPermissionCache(env: NodeJS.ProcessEnv = process.env): Promise<number | null> {
  const redis = connect(env);
  if (!redis) return null;
  const namespace = env.REDIS_PERMISSIONS_NAMESPACE ?? 'permissions';
  try {
    await redis.connect();
    let removed = 0;
    for await (const keys of redis.scanStream({ match: `${namespace}:*`, count: 500 })) {
      if ((keys as string[]).length) removed += await redis.unlink(...(keys as string[]));
    }
    return removed;
  } catch (error) {
    throw new Error(`access: cannot clear Directus's permission cache in Redis (${(error as Error).message}); ` +
      'is Redis running? Natively: scripts/stack.sh status', { cause: error });
  } finally {
    redis.disconnect();
  }
}
