// npm run seed: Rally Albania 2026 into a running stack. Business data goes through the Directus
// API (so every validation and rule applies to it); positions go in bulk with COPY. A second run
// changes nothing. Needs PUBLIC_URL, ADMIN_EMAIL, ADMIN_PASSWORD, DEMO_PASSWORD and DB_* (the
// native stack provides them: scripts/stack.sh seed). SEED_POSITIONS=none skips the positions.
import { authentication, createDirectus, rest } from '@directus/sdk';
import { loadBusiness } from '../seed/load/business.ts';
import { loadCourse } from '../seed/load/course.ts';
import { type Tally, printTallies } from '../seed/load/items.ts';
import { loadPositions } from '../seed/load/positions.ts';
import { rallyAlbaniaCourse } from '../seed/rally-albania-2026/course/index.ts';
import { rallyAlbaniaRoster } from '../seed/rally-albania-2026/roster.ts';
import { DEMO_PARTICIPANT_RACE_NUMBER, STAFF } from '../seed/rally-albania-2026/staff.ts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`seed: ${name} is not set. Run the seed through the native stack: scripts/stack.sh seed (or npm run seed)`);
    process.exit(1);
  }
  return value;
}

async function main(): Promise<void> {
  const started = Date.now();
  const demoPassword = required('DEMO_PASSWORD');
  // No token refresh timer: it would keep the process alive after the seed is done.
  const api = createDirectus(required('PUBLIC_URL')).with(authentication('json', { autoRefresh: false })).with(rest());
  await api.login({ email: required('ADMIN_EMAIL'), password: required('ADMIN_PASSWORD') });

  const tallies: Tally[] = [];
  const roster = rallyAlbaniaRoster();
  const drawn = rallyAlbaniaCourse();
  const business = await loadBusiness(api, roster, demoPassword, tallies);
  await loadCourse(api, business, drawn, roster, tallies);
  if (process.env.SEED_POSITIONS !== 'none') tallies.push(await loadPositions(roster, drawn));
  printTallies(tallies);

  const participant = roster.find((e) => e.race_number === DEMO_PARTICIPANT_RACE_NUMBER)!.crew[0]!.person.email;
  console.log(`seed: Rally Albania 2026 ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`Demo logins, password ${demoPassword} (this stack only):`);
  for (const s of STAFF) console.log(`  ${s.role.padEnd(14)} ${s.email}`);
  console.log(`  ${'participant'.padEnd(14)} ${participant} (#${DEMO_PARTICIPANT_RACE_NUMBER})`);
}

main().catch((error: Error & { errors?: { message: string }[] }) => {
  console.error(`seed: failed: ${error.errors?.map((e) => e.message).join('; ') ?? error.message}`);
  process.exit(1);
});
