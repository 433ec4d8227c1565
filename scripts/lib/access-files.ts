// The access files (config/access/): roles, policies and each policy's permissions, in one
// canonical form so that capture → apply → capture gives the same bytes. Administrator policies
// and the roles holding them are never in the files: the bootstrap makes them with random ids per
// database, and a deploy must not be able to lock the administrator out.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Policy {
  id: string;
  name: string;
  icon: string;
  description: string | null;
  ip_access: string | null;
  enforce_tfa: boolean;
  admin_access: false;
  app_access: boolean;
}

export interface Role {
  id: string;
  name: string;
  icon: string;
  description: string | null;
  parent: string | null;
  /** Policy ids in the order the admin app lists them. */
  policies: string[];
}

export type Action = 'create' | 'read' | 'update' | 'delete' | 'share';

export interface Permission {
  collection: string;
  action: Action;
  permissions: unknown;
  validation: unknown;
  presets: unknown;
  fields: string[] | null;
}

export interface Access {
  roles: Role[];
  policies: Policy[];
  /** Keyed by policy id. */
  permissions: Map<string, Permission[]>;
}

const ACTIONS: Action[] = ['create', 'read', 'update', 'delete', 'share'];

/** The file name of a policy's permissions: its name in kebab case ("Race director" → race-director). */
export function policyFile(policy: Policy): string {
  const slug = policy.name.replace(/^\$t:/, '').replace(/_label$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${slug}.json`;
}

export function sortPermissions(rows: Permission[]): Permission[] {
  return [...rows].sort((a, b) => a.collection.localeCompare(b.collection) || ACTIONS.indexOf(a.action) - ACTIONS.indexOf(b.action));
}

// Keys sorted at every depth, so that a filter typed in the app in another key order is the same file.
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export function writeAccess(dir: string, access: Access): void {
  mkdirSync(path.join(dir, 'permissions'), { recursive: true });
  const byName = <T extends { name: string; id: string }>(a: T, b: T) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  writeFileSync(path.join(dir, 'roles.json'), json([...access.roles].sort(byName)));
  writeFileSync(path.join(dir, 'policies.json'), json([...access.policies].sort(byName)));
  for (const file of readdirSync(path.join(dir, 'permissions'))) rmSync(path.join(dir, 'permissions', file));
  for (const policy of access.policies) {
    const rows = sortPermissions(access.permissions.get(policy.id) ?? []).map((row) => canonical(row));
    writeFileSync(path.join(dir, 'permissions', policyFile(policy)), json({ policy: policy.id, permissions: rows }));
  }
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new Error(`access: cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/** Reads the files and checks what the database would otherwise refuse half-way through a boot. */
export function readAccess(dir: string): Access {
  const roles = readJson<Role[]>(path.join(dir, 'roles.json'));
  const policies = readJson<Policy[]>(path.join(dir, 'policies.json'));
  const policyIds = new Set(policies.map((p) => p.id));
  const permissions = new Map<string, Permission[]>();
  const permissionDir = path.join(dir, 'permissions');
  for (const file of readdirSync(permissionDir).filter((f) => f.endsWith('.json')).sort()) {
    const { policy, permissions: rows } = readJson<{ policy: string; permissions: Permission[] }>(path.join(permissionDir, file));
    if (!policyIds.has(policy)) throw new Error(`access: permissions/${file} belongs to policy ${policy}, which policies.json does not list`);
    for (const row of rows) {
      if (!ACTIONS.includes(row.action)) throw new Error(`access: permissions/${file}: "${row.action}" on ${row.collection} is not an action (${ACTIONS.join(', ')})`);
    }
    permissions.set(policy, rows);
  }
  for (const policy of policies) {
    if (policy.admin_access) throw new Error(`access: policy "${policy.name}" has admin_access; administrator policies stay out of the files`);
  }
  for (const role of roles) {
    const unknown = role.policies.filter((id) => !policyIds.has(id));
    if (unknown.length) throw new Error(`access: role "${role.name}" lists policies that policies.json does not: ${unknown.join(', ')}`);
  }
  return { roles, policies, permissions };
}

/** Two permission lists are the same when their canonical files would be. */
export function samePermissions(a: Permission[], b: Permission[]): boolean {
  return json(sortPermissions(a).map(canonical)) === json(sortPermissions(b).map(canonical));
}
