// Measures what scripts/bench-access.sh describes. One club with an event of 250 entries, each
// with its own vehicle and a crew of one or two; the same list request is timed for each caller,
// callers taking turns within every round so that a slow moment hits them alike. A fourth caller,
// "unscoped", holds a policy that reads the same collections with no filter at all: what Directus's
// permission machinery costs before any tenant rule.
import { authentication, createDirectus, createItem, createItems, createPermissions, createPolicy, createRole, createUsers, readRoles, rest } from '@directus/sdk';
import { randomBytes } from 'node:crypto';
import { orgRoleOf } from '../extensions/race-control/src/domain/org-roles.ts';

const ENTRIES = 250;
const rounds = Number(process.argv[2] ?? 40);
const base = `http://127.0.0.1:${process.env.PORT}`;
const LIST = '/items/entries?limit=-1&fields=race_number,status,vehicle_id.make,vehicle_id.model,class_id.code,crew.role,crew.user_id.first_name,crew.user_id.last_name';

async function signIn(email: string, password: string) {
  // No refresh timer: it would keep the process alive after the figures are printed.
  const client = createDirectus(base).with(authentication('json', { autoRefresh: false })).with(rest());
  await client.login({ email, password });
  return client;
}

async function build() {
  const admin = await signIn(process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!);
  const roles = (await admin.request(readRoles({ fields: ['id', 'name'] }))) as { id: string; name: string }[];
  const role = (orgRole: string) => roles.find((r) => orgRoleOf(r.name) === orgRole)!.id;
  const org = await admin.request(createItem('organizations', { name: 'Bench club', slug: 'bench' }));
  const event = await admin.request(createItem('events', {
    organization_id: org.id, name: 'Bench rally', slug: 'bench-rally', discipline: 'rally', starts_at: '2026-06-06T06:00:00Z', ends_at: '2026-06-13T18:00:00Z',
  }));
  const classes = await admin.request(createItems('classes', [0, 1, 2, 3, 4].map((i) => ({
    event_id: event.id, code: `B-${i}`, name: `Bench ${i}`, race_number_from: i * 100 + 1, race_number_to: i * 100 + 99,
  }))));
  const password = randomBytes(9).toString('hex');
  const unscoped = await admin.request(createPolicy({ name: 'Bench unscoped', app_access: true, admin_access: false }));
  await admin.request(createPermissions(['entries', 'vehicles', 'classes', 'entry_crew', 'directus_users'].map((collection) => ({
    policy: unscoped.id, collection, action: 'read', permissions: {}, fields: ['*'],
  })) as never));
  const unscopedRole = await admin.request(createRole({ name: 'Bench unscoped', policies: { create: [{ policy: unscoped.id }] } } as never));
  await admin.request(createUsers([{ email: 'unscoped@bench.example.org', password, first_name: 'Bench', last_name: 'unscoped', role: unscopedRole.id, status: 'active' }]));
  const staff = await admin.request(createUsers(['registrar', 'marshal'].map((r) => ({
    email: `${r}@bench.example.org`, password, first_name: 'Bench', last_name: r, role: role(r), status: 'active',
  }))));
  const people: Record<string, unknown>[] = [];
  for (let i = 0; i < ENTRIES * 1.5; i += 50) {
    people.push(...(await admin.request(createUsers(Array.from({ length: 50 }, (_, k) => ({ email: `rider${i + k}@bench.example.org`, first_name: 'Rider', last_name: `${i + k}` }))))));
  }
  await admin.request(createItems('organization_users', [
    ...staff.map((u) => ({ organization_id: org.id, user_id: u.id, role: String(u.email).split('@')[0] })),
    ...people.map((u) => ({ organization_id: org.id, user_id: u.id, role: 'participant' })),
  ]));
  for (let i = 0; i < ENTRIES; i += 50) {
    await admin.request(createItems('entries', Array.from({ length: 50 }, (_, k) => {
      const n = i + k;
      const crew = n % 2 === 0 ? [people[n]!, people[ENTRIES + n / 2]!] : [people[n]!];
      return {
        event_id: event.id, class_id: classes[n % 5]!.id, race_number: (n % 5) * 100 + 1 + Math.floor(n / 5), status: 'registered',
        vehicle_id: { kind: 'moto', make: 'KTM', model: `450 Rally ${n}`, organizations: [{ organization_id: org.id }] },
        crew: crew.map((p, c) => ({ user_id: p.id as string, role: c === 0 ? 'pilot' : 'co-pilot' })),
      };
    }) as never));
  }
  return { admin, password };
}

async function timeList(token: string): Promise<number> {
  const start = process.hrtime.bigint();
  const res = await fetch(base + LIST, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { data?: unknown[] };
  if (body.data?.length !== ENTRIES) throw new Error(`bench: expected ${ENTRIES} entries, got ${body.data?.length ?? JSON.stringify(body)}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)]!;

const { admin, password } = await build();
const tokens: Record<string, string> = {
  admin: (await admin.getToken())!,
  registrar: (await (await signIn('registrar@bench.example.org', password)).getToken())!,
  marshal: (await (await signIn('marshal@bench.example.org', password)).getToken())!,
  unscoped: (await (await signIn('unscoped@bench.example.org', password)).getToken())!,
};
const callers = Object.keys(tokens);
const times: Record<string, number[]> = Object.fromEntries(callers.map((c) => [c, []]));
for (let round = -5; round < rounds; round++) {
  for (let k = 0; k < callers.length; k++) {
    const caller = callers[(round + 5 + k) % callers.length]!;
    const ms = await timeList(tokens[caller]!);
    if (round >= 0) times[caller]!.push(ms);
  }
}
const baseline = median(times.admin!);
console.log(`entry list of ${ENTRIES} entries with vehicle, class and crew; ${rounds} rounds after 5 warm-up rounds`);
for (const caller of callers) {
  console.log(`  ${caller.padEnd(10)} median ${median(times[caller]!).toFixed(1).padStart(7)} ms  p90 ${p90(times[caller]!).toFixed(1).padStart(7)} ms  ` +
    `${(median(times[caller]!) / baseline).toFixed(2)}× the admin's (goal ≤ 2×)`);
}
