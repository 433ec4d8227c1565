// PostgreSQL connection from Directus's own variables, so db-init and Directus can never point at
// different databases.
import pg from 'pg';

export function connectionConfig(env: NodeJS.ProcessEnv = process.env): pg.ClientConfig {
  if (env.DB_CLIENT && env.DB_CLIENT !== 'pg' && env.DB_CLIENT !== 'postgres') {
    throw new Error(`DB_CLIENT=${env.DB_CLIENT}: this project runs on PostgreSQL only (DB_CLIENT=pg)`);
  }
  if (env.DB_CONNECTION_STRING) return { connectionString: env.DB_CONNECTION_STRING };
  return {
    host: env.DB_HOST ?? '127.0.0.1',
    port: Number(env.DB_PORT ?? 5432),
    database: env.DB_DATABASE ?? 'directus',
    user: env.DB_USER ?? 'postgres',
    password: env.DB_PASSWORD,
  };
}

export function describe(config: pg.ClientConfig): string {
  if (config.connectionString) return 'DB_CONNECTION_STRING';
  return `${config.user}@${config.host}:${config.port}/${config.database}`;
}

/** Connects, retrying until the database answers or `timeoutSeconds` pass. */
export async function waitForDatabase(config: pg.ClientConfig, timeoutSeconds: number): Promise<pg.Client> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    const client = new pg.Client(config);
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() >= deadline) {
        throw new Error(
          `database ${describe(config)} not reachable after ${timeoutSeconds}s ` +
            `(${(error as Error).message}). Is PostgreSQL running? Natively: scripts/stack.sh status; ` +
            `raise DB_WAIT_TIMEOUT to wait longer.`,
          { cause: error },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
