import { describe, expect, it } from 'vitest';
import { checkName, checkSql, isEmptySql, lineOf, planPhase, type MigrationFile } from '../../scripts/lib/migrations.ts';

const file = (filename: string, checksum = `sum-${filename}`, phase: MigrationFile['phase'] = 'pre-schema'): MigrationFile => ({ phase, filename, checksum });
const row = (f: MigrationFile) => ({ filename: f.filename, checksum: f.checksum });

describe('db-init plan', () => {
  const a = file('001_a.sql');
  const b = file('002_b.sql');
  const c = file('003_c.sql');

  it('applies every file of a fresh database in lexical order', () => {
    const plan = planPhase('pre-schema', [c, a, b], []);
    expect(plan.ok && plan.apply.map((f) => f.filename)).toEqual(['001_a.sql', '002_b.sql', '003_c.sql']);
  });

  it('skips recorded files with the same checksum and applies only new ones', () => {
    const plan = planPhase('pre-schema', [a, b, c], [row(a), row(b)]);
    expect(plan.ok && plan.apply.map((f) => f.filename)).toEqual(['003_c.sql']);
    expect(plan.ok && plan.skip.length).toBe(2);
  });

  it('refuses an applied file whose checksum changed, naming it', () => {
    const plan = planPhase('pre-schema', [a, file('002_b.sql', 'edited'), c], [row(a), row(b)]);
    expect(plan).toMatchObject({ ok: false });
    expect(!plan.ok && plan.error).toMatch(/002_b\.sql changed after it was applied/);
  });

  it('refuses a new file that sorts before an applied one, naming both', () => {
    const plan = planPhase('pre-schema', [a, file('002_b.sql'), c], [row(a), row(c)]);
    expect(!plan.ok && plan.error).toMatch(/002_b\.sql is new but sorts before 003_c\.sql/);
  });

  it('keeps phases apart but shares the ledger', () => {
    const post = file('101_post.sql', 'p', 'post-schema');
    const pre = planPhase('pre-schema', [a, post], []);
    expect(pre.ok && pre.apply.map((f) => f.filename)).toEqual(['001_a.sql']);
    // A new pre-schema file is fine even though a post-schema file with a higher number is applied.
    const later = planPhase('pre-schema', [a, b, post], [row(a), row(post)]);
    expect(later.ok && later.apply.map((f) => f.filename)).toEqual(['002_b.sql']);
  });

  it('refuses the same file name in both phases', () => {
    const plan = planPhase('pre-schema', [a, file('001_a.sql', 'x', 'post-schema')], []);
    expect(!plan.ok && plan.error).toMatch(/001_a\.sql exists in both/);
  });

  it('reports ledger rows that match no file', () => {
    const plan = planPhase('pre-schema', [a], [row(a), { filename: '009_gone.sql', checksum: 'x' }]);
    expect(plan.ok && plan.orphans).toEqual(['009_gone.sql']);
  });
});

describe('db-init refuses a file that would run what already ran', () => {
  const made = file('001_make_t.sql', 'sum-t');
  const post = file('101_make_u.sql', 'sum-u', 'post-schema');
  const ledger = [row(made), row(post)];

  it('refuses an applied file renamed under its number, naming both, in either phase', () => {
    for (const phase of ['pre-schema', 'post-schema'] as const) {
      const plan = planPhase(phase, [file('001_create_t.sql', 'sum-t'), post], ledger);
      expect(!plan.ok && plan.error).toMatch(/pre-schema\/001_create_t\.sql has the number 001 of 001_make_t\.sql, which is already applied.*Rename it back to 001_make_t\.sql, or put a new change in a new file/);
    }
    const renamedPost = planPhase('post-schema', [made, file('101_create_u.sql', 'sum-u', 'post-schema')], ledger);
    expect(!renamedPost.ok && renamedPost.error).toMatch(/post-schema\/101_create_u\.sql has the number 101 of 101_make_u\.sql/);
  });

  it('refuses a new file under an applied number even when its content differs', () => {
    const plan = planPhase('pre-schema', [file('001_other.sql', 'other'), post], ledger);
    expect(!plan.ok && plan.error).toMatch(/001_other\.sql has the number 001 of 001_make_t\.sql/);
  });

  it('refuses applied content under a new number, naming both', () => {
    const plan = planPhase('pre-schema', [file('004_make_t.sql', 'sum-t'), post], ledger);
    expect(!plan.ok && plan.error).toMatch(/pre-schema\/004_make_t\.sql has the same content \(sha256 sum-t…\) as 001_make_t\.sql, which is already applied.*Rename it back to 001_make_t\.sql/);
  });

  it('refuses two files on disk with one number', () => {
    const plan = planPhase('pre-schema', [file('002_a.sql'), file('002_b.sql')], []);
    expect(!plan.ok && plan.error).toMatch(/pre-schema\/002_a\.sql and pre-schema\/002_b\.sql share the number 002/);
  });

  it('refuses a new file with no statement, but keeps skipping one applied long ago', () => {
    const empty = { ...file('002_empty.sql'), empty: true };
    const plan = planPhase('pre-schema', [made, empty, post], ledger);
    expect(!plan.ok && plan.error).toMatch(/pre-schema\/002_empty\.sql has no SQL statement \(empty or only comments\).*Write its SQL, or delete it/);
    const old = planPhase('pre-schema', [made, empty, post], [...ledger, row(empty)]);
    expect(old.ok && old.skip.map((f) => f.filename)).toEqual(['001_make_t.sql', '002_empty.sql']);
  });

  it('still only warns about a ledger row whose file was deleted', () => {
    const plan = planPhase('pre-schema', [post], ledger);
    expect(plan.ok && plan.orphans).toEqual(['001_make_t.sql']);
  });
});

describe('db-init file rules', () => {
  it('tells a file without statements from one with SQL', () => {
    for (const empty of ['', '\n  \n', '-- later\n', '/* a\n b */ ;\n-- c']) expect(isEmptySql(empty)).toBe(true);
    for (const sql of ['SELECT 1', '-- why\nCREATE TABLE t (id int);', "SELECT '--';"]) expect(isEmptySql(sql)).toBe(false);
  });

  it('accepts NNN_name.sql only', () => {
    expect(checkName('001_extensions.sql')).toBeUndefined();
    for (const bad of ['1_x.sql', '001-x.sql', '001_X.sql', '001_x.SQL', '0001_x.sql']) expect(checkName(bad)).toMatch(/not named NNN_name\.sql/);
  });

  it('refuses transaction control inside a file', () => {
    expect(checkSql('001_x.sql', 'BEGIN;\nCREATE TABLE x();\nCOMMIT;')).toMatch(/BEGIN\/COMMIT/);
    expect(checkSql('001_x.sql', 'DO $$ BEGIN PERFORM 1; END $$;')).toBeUndefined();
  });

  it('turns an error position into a line number', () => {
    expect(lineOf('select 1;\nselect bad;\n', 14)).toBe(2);
  });
});
