// Shared by the Node tests: the built package (loaded by its own name, so the "exports"
// map is exercised too) and the repository's fixtures.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const packageDir = path.resolve(here, '..');
export const repo = path.resolve(packageDir, '../..');

const require = createRequire(import.meta.url);

if (!existsSync(path.join(packageDir, 'pkg/node/convener.js'))) {
  throw new Error('bindings/wasm/pkg/node is missing: build it first with scripts/build-wasm');
}

/** The package as Node resolves `require('convener')` (self-reference through "exports"). */
export const convener = require('convener');

export const read = (...parts) => readFileSync(path.join(repo, ...parts), 'utf8');
export const readJson = (...parts) => JSON.parse(read(...parts));

/** The conformance fixtures: `{name, input, options?, report}` with the files' texts. */
export function fixtures() {
  const dir = path.join(repo, 'tests/fixtures');
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const file = (f) => path.join(dir, name, f);
      return {
        name,
        input: readFileSync(file('input.json'), 'utf8'),
        options: existsSync(file('options.json')) ? readFileSync(file('options.json'), 'utf8') : undefined,
        report: readFileSync(file('report.json'), 'utf8'),
      };
    });
}

/** Issues without their messages (the expected files list codes and places only). */
export const places = (issues) => issues.map(({ message, ...place }) => place);

/** Calls `fn` and returns what it threw (failing when it does not throw). */
export function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

/**
 * Asserts two texts are equal byte for byte; on a difference, fails with the first line
 * that differs rather than the whole (reports are up to half a megabyte).
 */
export function assertSameText(actual, expected, label = 'text') {
  if (actual === expected) return;
  const a = String(actual).split('\n');
  const e = String(expected).split('\n');
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i++;
  throw new assert.AssertionError({
    message:
      `${label} differs at line ${i + 1} (${a.length} lines against ${e.length} expected):\n` +
      `  actual:   ${JSON.stringify(a[i])}\n  expected: ${JSON.stringify(e[i])}`,
    actual: a[i],
    expected: e[i],
    operator: 'strictEqual',
  });
}
