// First-run benchmark: a fresh clone of a commit, then `scripts/stack.sh up` in it, timed by step
// (OS packages, npm, native addons, database, extension build, Directus boot, seed). The baseline
// commit (default main) runs first in the same session, so the ratios compare like with like on a
// loaded machine. The steps are read from what the run prints and from what an observer sees
// (the Directus log appearing, /server/health answering), so older commits split the same way.
//   scripts/bench-first-run.sh [REV=HEAD]   BASELINE=<rev>|'' PORT= PG_PORT= REDIS_PORT= KEEP=1
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from './lib/paths.ts';

const STEPS = ['OS packages', 'npm packages', 'native addons', 'database', 'extension build', 'Directus boot', 'seed'] as const;
type Step = (typeof STEPS)[number];

// Lines that start a step; the `-->` lines are today's, the `setup:` ones those of 952ef69.
const MARKERS: [RegExp, Step][] = [
  [/^setup: installing OS packages/, 'OS packages'],
  [/^setup: installing npm packages/, 'npm packages'],
  [/^setup: rebuilding isolated-vm/, 'native addons'],
  [/^setup: ok/, 'database'],
  [/^building the race-control extension/, 'extension build'],
];
const END = /^Directus is running at/;

interface Run { rev: string; total: number; steps: Map<Step, number>; outside: number; log: string }

function sh(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

async function firstRun(rev: string, privateFolder: boolean): Promise<Run> {
  const dir = mkdtempSync(path.join(tmpdir(), 'first-run-'));
  // 952ef69 and older cannot run from a private folder (the issue this benchmark came with).
  if (!privateFolder) chmodSync(dir, 0o755);
  const repo = path.join(dir, 'repo');
  const commit = sh('git', ['rev-parse', '--short', rev], ROOT);
  sh('git', ['clone', '-q', '--no-checkout', ROOT, repo], dir);
  sh('git', ['checkout', '-q', commit], repo);
  console.log(`\n== ${rev} (${commit}) in ${dir} (mode ${privateFolder ? '700' : '755'})`);

  // The clone's own .stack/dev, never the caller's STACK_DIR.
  const env = { ...process.env, STACK_DIR: path.join(repo, '.stack', 'dev'), PORT: process.env.PORT ?? '8090', PG_PORT: process.env.PG_PORT ?? '55490', REDIS_PORT: process.env.REDIS_PORT ?? '56490' };
  const stackDir = env.STACK_DIR;
  const started = performance.now();
  const at = () => (performance.now() - started) / 1000;
  const marks: [number, Step][] = [];
  const ends = new Map<Step, number>();
  const lines: string[] = [];
  let end = 0;

  const child = spawn('scripts/stack.sh', ['up'], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const read = (stream: NodeJS.ReadableStream) => createInterface({ input: stream }).on('line', (line) => {
    const t = at();
    lines.push(`${t.toFixed(1).padStart(7)} ${line}`);
    process.stdout.write(`${t.toFixed(0).padStart(5)}s ${line}\n`);
    const stepLine = /^--> ([^:]+):/.exec(line);
    if (stepLine && (STEPS as readonly string[]).includes(stepLine[1]!)) marks.push([t, stepLine[1] as Step]);
    else for (const [re, step] of MARKERS) if (re.test(line)) marks.push([t, step]);
    const done = /^ {4}(.+) done in \d+s$/.exec(line);
    if (done && (STEPS as readonly string[]).includes(done[1]!)) ends.set(done[1] as Step, t);
    if (END.test(line)) end = t;
  });
  read(child.stdout);
  read(child.stderr);

  // What the older scripts do not print: Directus starting (its log appears) and answering.
  let sawLog = false;
  let sawHealthy = false;
  const observer = setInterval(async () => {
    if (!sawLog && existsSync(path.join(stackDir, 'logs', 'directus.log'))) { sawLog = true; marks.push([at(), 'Directus boot']); }
    if (sawLog && !sawHealthy) {
      const ok = await fetch(`http://127.0.0.1:${env.PORT}/server/health`).then((r) => r.ok, () => false);
      if (ok && !sawHealthy) { sawHealthy = true; marks.push([at(), 'seed']); }
    }
  }, 250);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(observer);
  const total = end || at();
  const log = path.join(tmpdir(), `first-run-${commit}.log`);
  writeFileSync(log, lines.join('\n') + '\n');

  if (process.env.KEEP !== '1') {
    // `wipe` also removes a cluster kept outside the clone; older commits only have `down`.
    const wipe = readFileSync(path.join(repo, 'scripts', 'stack.sh'), 'utf8').includes('  wipe)');
    spawnSync('scripts/stack.sh', [wipe ? 'wipe' : 'down'], { cwd: repo, env, stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
  if (status !== 0 || !end) throw new Error(`stack.sh up failed for ${rev} (exit ${status}); its output: ${log}`);

  // A step lasts from its first mark to its `done in` line, or else to the next step's mark (or
  // the end). Steps that run side by side (the native addon) overlap, so they add up to more.
  const firsts = new Map<Step, number>();
  for (const [t, step] of marks.sort((a, b) => a[0] - b[0])) if (!firsts.has(step)) firsts.set(step, t);
  const ordered = [...firsts.entries()].sort((a, b) => a[1] - b[1]);
  const steps = new Map<Step, number>();
  ordered.forEach(([step, t], i) => steps.set(step, (ends.get(step) ?? ordered[i + 1]?.[1] ?? total) - t));
  // Time inside no step: setup's checks, stack.env, starting Redis, printing the logins.
  let covered = 0;
  let reach = 0;
  for (const [step, t] of ordered) {
    const stop = t + steps.get(step)!;
    if (stop > reach) { covered += stop - Math.max(t, reach); reach = stop; }
  }
  return { rev: `${rev} (${commit})`, total, steps, outside: total - covered, log };
}

function report(runs: Run[]): void {
  const [base, current] = runs.length === 2 ? runs : [undefined, runs[0]!];
  const col = (s: string) => s.padStart(12);
  console.log(`\nfirst run, seconds by step${base ? `; ratio = ${current!.rev} / ${base.rev}` : ''}`);
  console.log('step'.padEnd(16) + (base ? col('baseline') : '') + col('current') + (base ? col('ratio') : ''));
  const row = (name: string, b: number | undefined, c: number) =>
    console.log(name.padEnd(16) + (base ? col(b === undefined ? '-' : b.toFixed(1)) : '') + col(c.toFixed(1)) + (base ? col(b ? (c / b).toFixed(2) : '-') : ''));
  for (const step of STEPS) {
    if (!base?.steps.has(step) && !current!.steps.has(step)) continue;
    row(step, base?.steps.get(step) ?? (base ? 0 : undefined), current!.steps.get(step) ?? 0);
  }
  row('in no step', base?.outside, current!.outside);
  row('total', base?.total, current!.total);
  console.log('Steps that run side by side (native addons with database and extension build) overlap: the total is the wall time.');
  console.log(`logs: ${runs.map((r) => r.log).join(', ')}\nThe machine's npm cache is shared by both runs; a machine with an empty cache adds download time to npm packages.`);
}

const rev = process.argv[2] ?? 'HEAD';
const baseline = process.env.BASELINE ?? 'main';
const runs: Run[] = [];
if (baseline) runs.push(await firstRun(baseline, false));
runs.push(await firstRun(rev, true));
report(runs);
