// Reading what the Directus schema CLI prints. Pure, so each rule is unit-tested.

// The CLI logs some failures (e.g. "Directus isn't installed on this database") and still exits 0.
const ERROR_LINE = /(^|\s)(ERROR|FATAL)\b|"level":\s*(50|60)\b/;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export interface DryRun {
  changes: boolean;
  /** `collection` or `collection.field` that the apply would delete. */
  deletions: string[];
}

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

export function errorLines(output: string): string[] {
  return stripAnsi(output).split('\n').filter((line) => ERROR_LINE.test(line));
}

export function parseDryRun(output: string): DryRun {
  const text = stripAnsi(output);
  if (/No changes to apply/.test(text)) return { changes: false, deletions: [] };
  const deletions: string[] = [];
  let section = '';
  for (const line of text.split('\n')) {
    const heading = /^(Collections|Fields|System Fields|Relations):\s*$/.exec(line.trim());
    if (heading) section = heading[1]!;
    const deletion = /^ {2}- Delete (\S+)/.exec(line);
    if (deletion && (section === 'Collections' || section === 'Fields')) deletions.push(deletion[1]!);
  }
  return { changes: /The following changes will be applied/.test(text), deletions };
}

/** db-init tables recorded as collections in a snapshot: they must never be there. */
export function ownedTablesIn(snapshotYaml: string, owned: string[]): string[] {
  const found = new Set<string>();
  for (const match of snapshotYaml.matchAll(/^\s*(?:- )?collection: (\S+)\s*$/gm)) {
    if (owned.includes(match[1]!)) found.add(match[1]!);
  }
  return [...found];
}
