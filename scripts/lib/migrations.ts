// The pure part of the db-init runner: which files exist, which must run, and which state is an
// error. Kept free of I/O so every rule is unit-tested.

export const PHASES = ['pre-schema', 'post-schema'] as const;
export type Phase = (typeof PHASES)[number];

export interface MigrationFile {
  phase: Phase;
  filename: string;
  checksum: string;
  /** No statement at all: empty, blank or only comments. */
  empty?: boolean;
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

/** True when the SQL holds nothing but whitespace, comments and semicolons. */
export function isEmptySql(sql: string): boolean {
  return sql.replace(/\/\*[\s\S]*?\*\//g, '').replace(/--[^\n]*/g, '').replace(/[\s;]/g, '') === '';
}

const numberOf = (filename: string): string => filename.slice(0, 3);

/**
 * The ledger is keyed on the file name, so a renamed file would look new and run a second time
 * (an INSERT twice). Like Flyway's versions, a number and a content belong to the one file that
 * applied them. Checked over both phases in every phase, before anything runs.
 */
function checkNewFiles(files: MigrationFile[], ledger: LedgerRow[]): string | undefined {
  const applied = new Set(ledger.map((row) => row.filename));
  const byNumber = new Map<string, string>();
  for (const file of files) {
    const other = byNumber.get(numberOf(file.filename));
    if (other) return `db-init: ${other} and ${file.phase}/${file.filename} share the number ${numberOf(file.filename)}; each number belongs to one file: renumber the newer one`;
    byNumber.set(numberOf(file.filename), `${file.phase}/${file.filename}`);
  }
  for (const file of files.filter((f) => !applied.has(f.filename))) {
    const name = `${file.phase}/${file.filename}`;
    const sameNumber = ledger.find((row) => numberOf(row.filename) === numberOf(file.filename));
    if (sameNumber) {
      return `db-init: ${name} has the number ${numberOf(file.filename)} of ${sameNumber.filename}, which is already applied; ` +
        `a renamed file would run a second time. Rename it back to ${sameNumber.filename}, or put a new change in a new file with the next free number`;
    }
    const sameContent = ledger.find((row) => row.checksum === file.checksum);
    if (sameContent) {
      return `db-init: ${name} has the same content (sha256 ${file.checksum.slice(0, 12)}…) as ${sameContent.filename}, which is already applied; ` +
        `a renamed file would run a second time. Rename it back to ${sameContent.filename} (or delete the copy), or, to run the same SQL again on purpose, add a comment saying why so it is a new file`;
    }
    if (file.empty) {
      return `db-init: ${name} has no SQL statement (empty or only comments); it would take its number for nothing. Write its SQL, or delete it`;
    }
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
  const refusal = checkNewFiles(files, ledger);
  if (refusal) return { ok: false, error: refusal };

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
