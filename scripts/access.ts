// Roles, policies and permissions as files: `apply` writes config/access/ into the database at
// every boot (after the schema, whose collections the permissions name), `capture` writes the
// database back into the files, as `schema:snapshot` does for the schema. SQL rather than the
// Directus API because the boot applies them before Directus starts, so that no request is ever
// served with the policies missing. Everything but administrator policies (and their roles) is in
// the files; a policy's permissions are rewritten only when they differ from the file.
import pg from 'pg';
import path from 'node:path';
import { ROOT } from './lib/paths.ts';
import { connectionConfig, waitForDatabase } from './lib/db.ts';
import { clearPermissionCache } from './lib/permission-cache.ts';
import { type Access, type Permission, type Policy, type Role, readAccess, samePermissions, writeAccess } from './lib/access-files.ts';

const dir = process.env.ACCESS_DIR ?? path.join(ROOT, 'config', 'access');

const ADMIN_POLICIES = 'SELECT id FROM directus_policies WHERE admin_access';
const ADMIN_ROLES = `SELECT role FROM directus_access WHERE role IS NOT NULL AND policy IN (${ADMIN_POLICIES})`;

async function readDatabase(client: pg.Client): Promise<Access> {
  const policies = (await client.query<Policy>(
    `SELECT id, name, icon, description, ip_access, enforce_tfa, admin_access, app_access FROM directus_policies WHERE NOT admin_access`,
  )).rows;
  const roles = (await client.query<Role>(
    `SELECT r.id, r.name, r.icon, r.description, r.parent,
            coalesce(array_agg(a.policy::text ORDER BY a.sort NULLS LAST, a.policy) FILTER (WHERE a.policy IS NOT NULL), '{}') AS policies
       FROM directus_roles r LEFT JOIN directus_access a ON a.role = r.id AND a.user IS NULL
      WHERE r.id NOT IN (${ADMIN_ROLES}) GROUP BY r.id`,
  )).rows;
  const permissions = new Map<string, Permission[]>(policies.map((p) => [p.id, []]));
  const rows = await client.query<Permission & { policy: string; fields: string | null }>(
    `SELECT policy, collection, action, permissions, validation, presets, fields FROM directus_permissions
      WHERE policy NOT IN (${ADMIN_POLICIES})`,
  );
  for (const { policy, fields, ...row } of rows.rows) {
    permissions.get(policy)?.push({ ...row, fields: fields === null ? null : fields.split(',') });
  }
  return { roles, policies, permissions };
}

async function apply(client: pg.Client): Promise<void> {
  const files = readAccess(dir);
  const current = await readDatabase(client);
  const changed: string[] = [];
  await client.query('BEGIN');
  for (const p of files.policies) {
    const { rowCount } = await client.query(
      `INSERT INTO directus_policies (id, name, icon, description, ip_access, enforce_tfa, admin_access, app_access)
       VALUES ($1, $2, $3, $4, $5, $6, false, $7)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, icon = EXCLUDED.icon, description = EXCLUDED.description,
         ip_access = EXCLUDED.ip_access, enforce_tfa = EXCLUDED.enforce_tfa, app_access = EXCLUDED.app_access
       WHERE (directus_policies.name, directus_policies.icon, directus_policies.description, directus_policies.ip_access,
              directus_policies.enforce_tfa, directus_policies.app_access)
         IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.icon, EXCLUDED.description, EXCLUDED.ip_access, EXCLUDED.enforce_tfa, EXCLUDED.app_access)`,
      [p.id, p.name, p.icon, p.description, p.ip_access, p.enforce_tfa, p.app_access],
    );
    if (rowCount) changed.push(`policy ${p.name}`);
  }
  for (const r of files.roles) {
    const { rowCount } = await client.query(
      `INSERT INTO directus_roles (id, name, icon, description) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, icon = EXCLUDED.icon, description = EXCLUDED.description
       WHERE (directus_roles.name, directus_roles.icon, directus_roles.description) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.icon, EXCLUDED.description)`,
      [r.id, r.name, r.icon, r.description],
    );
    if (rowCount) changed.push(`role ${r.name}`);
  }
  // Parents after every role exists, so a file may list a child before its parent.
  for (const r of files.roles) {
    await client.query('UPDATE directus_roles SET parent = $2 WHERE id = $1 AND parent IS DISTINCT FROM $2', [r.id, r.parent]);
    const was = current.roles.find((c) => c.id === r.id)?.policies ?? [];
    if (was.join() === r.policies.join()) continue;
    await client.query('DELETE FROM directus_access WHERE role = $1 AND "user" IS NULL', [r.id]);
    for (const [i, policy] of r.policies.entries()) {
      await client.query('INSERT INTO directus_access (id, role, policy, sort) VALUES (gen_random_uuid(), $1, $2, $3)', [r.id, policy, i + 1]);
    }
    changed.push(`policies of ${r.name}`);
  }
  for (const p of files.policies) {
    const rows = files.permissions.get(p.id) ?? [];
    if (samePermissions(rows, current.permissions.get(p.id) ?? [])) continue;
    await client.query('DELETE FROM directus_permissions WHERE policy = $1', [p.id]);
    for (const row of rows) {
      await client.query(
        'INSERT INTO directus_permissions (policy, collection, action, permissions, validation, presets, fields) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [p.id, row.collection, row.action, JSON.stringify(row.permissions), JSON.stringify(row.validation), JSON.stringify(row.presets), row.fields?.join(',') ?? null],
      );
    }
    changed.push(`permissions of ${p.name}`);
  }
  await client.query('COMMIT');
  // Every time, not only on change: an earlier apply may have committed and then died before this.
  const cleared = await clearPermissionCache();

  const known = new Set([...files.roles, ...files.policies].map((x) => x.id));
  const extra = [...current.roles, ...current.policies].filter((x) => !known.has(x.id)).map((x) => x.name);
  const count = [...files.permissions.values()].reduce((n, rows) => n + rows.length, 0);
  console.log(`access: ${files.roles.length} roles, ${files.policies.length} policies, ${count} permissions; ` +
    (changed.length ? `changed: ${changed.join(', ')}` : 'no changes') +
    (cleared === null ? '' : `; cleared ${cleared} cached permission entries in Redis`));
  if (extra.length) {
    console.warn(`access: in the database but not in config/access (kept): ${extra.join(', ')}. ` +
      'Capture them with `npm run access:capture`, or delete them in the admin app.');
  }
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== 'apply' && mode !== 'capture') throw new Error('usage: access.ts apply|capture');
  const client = await waitForDatabase(connectionConfig(), Number(process.env.DB_WAIT_TIMEOUT ?? 60));
  try {
    if (mode === 'apply') {
      await apply(client);
    } else {
      writeAccess(dir, await readDatabase(client));
      console.log(`access: captured into ${path.relative(ROOT, dir) || dir}`);
    }
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
