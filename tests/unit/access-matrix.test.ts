import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAccess } from '../../scripts/lib/access-files.ts';
import { renderMatrix } from '../../scripts/lib/access-matrix.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const access = () => readAccess(path.join(ROOT, 'config', 'access'));

describe('the access matrix in docs/', () => {
  it('is up to date with config/access (run npm run access:matrix after a capture)', () => {
    expect(readFileSync(path.join(ROOT, 'docs', 'access-matrix.md'), 'utf8')).toBe(renderMatrix(access()));
  });

  it('shows no read, update or delete without a filter', () => {
    expect(renderMatrix(access())).not.toMatch(/^\|.* ANY.*\|$/m);
  });

  it('marks a rule without a filter, so a reviewer sees one slip in', () => {
    const files = access();
    const viewer = files.policies.find((p) => p.name === 'Viewer')!;
    files.permissions.get(viewer.id)!.find((r) => r.collection === 'entries' && r.action === 'read')!.permissions = {};
    expect(renderMatrix(files)).toMatch(/\| entries \|.* R ANY/);
  });

  it('names each policy by the clubs it reaches', () => {
    expect(renderMatrix(access())).toContain('| Registrar | clubs where the person is registrar |');
    expect(renderMatrix(access())).toContain("| Participant | the person's own entries and their events |");
  });
});
