import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The lint rule that keeps src/engine pure must keep firing: this is the mutant for it. */
describe('engine purity lint rule', () => {
  const eslint = new ESLint({ cwd: join(import.meta.dirname, '..', '..') });
  const lint = async (code: string, file: string) =>
    (await eslint.lintText(code, { filePath: file }))[0].messages.map((m) => m.ruleId);

  it.each([
    ['Math.random()', 'no-restricted-properties'],
    ['Date.now()', 'no-restricted-properties'],
    ['new Date()', 'no-restricted-syntax'],
    ['setTimeout(() => 0, 1)', 'no-restricted-globals'],
    ['performance.now()', 'no-restricted-globals'],
    ['document.title', 'no-restricted-globals'],
    ['postMessage(1)', 'no-restricted-globals'],
  ])('forbids %s under src/engine', async (expr, rule) => {
    expect(await lint(`export const x = ${expr};\n`, 'src/engine/sim/example.ts')).toContain(rule);
  });

  it('forbids importing the UI or I/O into the engine', async () => {
    expect(await lint(`import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n`, 'src/engine/sim/example.ts')).toContain('no-restricted-imports');
  });

  it('allows the same code outside the engine', async () => {
    expect(await lint('export const x = Date.now();\n', 'src/ui/example.ts')).toEqual([]);
  });
});
