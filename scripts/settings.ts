// Applies config/settings.json to directus_settings (module bar, project owner, …): the schema
// snapshot does not carry settings, and without them a fresh deploy hides our modules.
// Written with SQL rather than Directus's SettingsService because setting the project owner there
// posts it to Directus's compliance server, and the boot must not reach the network.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/paths.ts';
import { connectionConfig, waitForDatabase } from './lib/db.ts';

const file = process.env.SETTINGS_PATH ?? path.join(ROOT, 'config', 'settings.json');

function resolve(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.replace(/\$\{(\w+)\}/g, (_, name: string) => process.env[name] ?? '');
}

async function main(): Promise<void> {
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`settings: cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  const entries = Object.entries(config)
    .filter(([key]) => !key.startsWith('$'))
    .map(([key, value]) => [key, resolve(value)] as const)
    .filter(([, value]) => value !== '');

  const client = await waitForDatabase(connectionConfig(), Number(process.env.DB_WAIT_TIMEOUT ?? 60));
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO directus_settings (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM directus_settings)');
    for (const [key, value] of entries) {
      const stored = typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
      try {
        await client.query(`UPDATE directus_settings SET ${client.escapeIdentifier(key)} = $1`, [stored]);
      } catch (error) {
        throw new Error(`settings: cannot set "${key}" from ${path.basename(file)}: ${(error as Error).message}`, { cause: error });
      }
    }
    await client.query('COMMIT');
    console.log(`settings: applied ${entries.map(([key]) => key).join(', ')}`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
