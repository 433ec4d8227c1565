// The pure part of the db-init runner: which files exist, which must run, and which state is an
// error. Kept free of I/O so every rule is unit-tested.

export const PHASES = ['pre-schema', 'post-schema'] as const;
export type Phase = (typeof PHASES)[number];

export interface MigrationFile {
  phase: Phase;
  filename: string;
  checksum: string;
}

export interface LedgerRow {
  filename: string;
  checksum: string;
}

export type Plan =
  | { ok: true; apply: MigrationFile[]; skip: MigrationFile[]; orphans: string[] }
  | { ok: false; error: string };

const NAME = /^\d{3}_[a-z0-9_]+\.sql$/;
const TRANSACTION_CONTROL = /^\s*(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK)\s*;/im;

export function checkName(filename: string): string | undefined {
  if (!NAME.test(filename)) {
    return `db-init: ${filename} is not named NNN_name.sql (three digits, lower-case words joined by _)`;
  }
  return undefined;
}

export function checkSql(filename: string, sql: string): string | undefined {
  if (TRANSACTION_CONTROL.test(sql)) {
    return `db-init: ${filename} contains BEGIN/COMMIT/ROLLBACK; remove them, the runner wraps each file in one transaction`;
  }
  return undefined;
}

/** Decides what one phase does, given every file on disk (both phases) and the shared ledger. */
export function planPhase(phase: Phase, files: MigrationFile[], ledger: LedgerRow[]): Plan {
  const seen = new Map<string, Phase>();
  for (const file of files) {
    const other = seen.get(file.filename);
    if (other) return { ok: false, error: `db-init: ${file.filename} exists in both ${other}/ and ${file.phase}/; file names must be unique across phases` };
    seen.set(file.filename, file.phase);
  }

  const recorded = new Map(ledger.map((row) => [row.filename, row.checksum]));
  const mine = files.filter((f) => f.phase === phase).sort((a, b) => a.filename.localeCompare(b.filename));
  const lastApplied = mine.filter((f) => recorded.has(f.filename)).at(-1)?.filename;
  const apply: MigrationFile[] = [];
  const skip: MigrationFile[] = [];

  for (const file of mine) {
    const checksum = recorded.get(file.filename);
    if (checksum === undefined) {
      if (lastApplied && file.filename < lastApplied) {
        return { ok: false, error: `db-init: ${file.filename} is new but sorts before ${lastApplied}, which is already applied; renumber it after ${lastApplied}` };
      }
      apply.push(file);
    } else if (checksum !== file.checksum) {
      return { ok: false, error: `db-init: ${file.filename} changed after it was applied (recorded sha256 ${checksum.slice(0, 12)}…, file ${file.checksum.slice(0, 12)}…); applied files are immutable: revert the edit and add a new NNN_name.sql instead` };
    } else {
      skip.push(file);
    }
  }
  const orphans = ledger.map((row) => row.filename).filter((name) => !seen.has(name));
  return { ok: true, apply, skip, orphans };
}

/** 1-based line of a character offset, to point at the failing statement of a file. */
export function lineOf(sql: string, position: number): number {
  return sql.slice(0, Math.max(0, position - 1)).split('\n').length;
}
