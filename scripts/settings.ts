// `apply` writes config/settings.json into directus_settings (module bar, basemaps, project owner,
// …): the schema snapshot does not carry settings, and without them a fresh deploy hides our
// modules. `capture` writes the database's values of the same keys back into the file; keys whose
// value is an ${VAR} stay as they are, since they belong to the deploy, not to the project.
// Written with SQL rather than Directus's SettingsService because setting the project owner there
// posts it to Directus's compliance server, and the boot must not reach the network.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/paths.ts';
import { connectionConfig, waitForDatabase } from './lib/db.ts';

const file = process.env.SETTINGS_PATH ?? path.join(ROOT, 'config', 'settings.json');

function resolve(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.replace(/\$\{(\w+)\}/g, (_, name: string) => process.env[name] ?? '');
}

function readConfig(): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`settings: cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
}

async function capture(): Promise<void> {
  const config = readConfig();
  const client = await waitForDatabase(connectionConfig(), Number(process.env.DB_WAIT_TIMEOUT ?? 60));
  try {
    const { rows } = await client.query<Record<string, unknown>>('SELECT * FROM directus_settings LIMIT 1');
    const stored = rows[0] ?? {};
    for (const key of Object.keys(config)) {
      const template = typeof config[key] === 'string' && /\$\{\w+\}/.test(config[key] as string);
      if (key.startsWith('$') || template) continue;
      const value = stored[key];
      config[key] = typeof value === 'string' && /^[[{]/.test(value) ? JSON.parse(value) : value;
    }
  } finally {
    await client.end();
  }
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  console.log(`settings: captured into ${path.basename(file)}`);
}

async function apply(): Promise<void> {
  const config = readConfig();
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

const mode = process.argv[2] ?? 'apply';
(mode === 'capture' ? capture() : mode === 'apply' ? apply() : Promise.reject(new Error('usage: settings.ts apply|capture'))).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
