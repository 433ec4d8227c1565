// The extension's layering is enforced by lint: prove the rule fires, or a refactor could silently
// let views import Directus adapters.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const src = (p: string) => path.join(ROOT, 'extensions/race-control/src', p);

async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: ROOT }).lintText(code, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rule', () => {
  it('keeps domain/ free of Directus, Vue, I/O and the other layers', async () => {
    expect(await violations(src('domain/x.ts'), "import { defineHook } from '@directus/extensions-sdk';\nexport const a = defineHook;\n")).toHaveLength(1);
    expect(await violations(src('domain/x.ts'), "import { ref } from 'vue';\nexport const a = ref;\n")).toHaveLength(1);
    expect(await violations(src('domain/x.ts'), "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toHaveLength(1);
    expect(await violations(src('domain/x.ts'), "import { accountabilityOf } from '../api/accountability';\nexport const a = accountabilityOf;\n")).toHaveLength(1);
  });

  it('keeps app/ and api/ apart but lets both use domain/', async () => {
    expect(await violations(src('app/modules/x.ts'), "import { accountabilityOf } from '../../api/accountability';\nexport const a = accountabilityOf;\n")).toHaveLength(1);
    expect(await violations(src('api/x.ts'), "import View from '../app/modules/race-control/overview-view.vue';\nexport const a = View;\n")).toHaveLength(1);
    expect(await violations(src('app/modules/x.ts'), "import { checkImei } from '../../domain/imei';\nexport const a = checkImei;\n")).toEqual([]);
    expect(await violations(src('api/x.ts'), "import { checkImei } from '../domain/imei';\nexport const a = checkImei;\n")).toEqual([]);
  });
});
