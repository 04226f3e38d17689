// The TypeScript declarations: generated types match the schemas, and a TypeScript
// program using every function type-checks (Node and browser resolution). Offline: the
// local typescript from devDependencies, never npx's download.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageDir } from './helpers.mjs';

const require = createRequire(import.meta.url);

function run(args, what) {
  const r = spawnSync(process.execPath, args, { cwd: packageDir, encoding: 'utf8' });
  assert.equal(r.status, 0, `${what} failed:\n${r.stdout}${r.stderr}`);
  return r;
}

test('types/*.d.ts are what the JSON Schemas give (else: npm run types)', () => {
  const r = spawnSync(process.execPath, ['scripts/gen-types.mjs', '--check'], { cwd: packageDir, encoding: 'utf8' });
  assert.equal(
    r.status,
    0,
    `${r.stderr}\nthe generated types drifted from crates/convener/schema: run\n` +
      `  cd bindings/wasm && node scripts/gen-types.mjs\nand commit types/`,
  );
});

const tsc = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin/tsc');

test('tests/consumer.ts type-checks against index.d.ts (Node, node16 resolution)', () => {
  assert.ok(existsSync(tsc), 'typescript is not installed: npm ci');
  run([tsc, '--noEmit', '-p', 'tests/tsconfig.json'], 'tsc -p tests/tsconfig.json');
});

test('tests/web/consumer.ts type-checks against web.d.ts (bundler resolution, default init)', () => {
  run([tsc, '--noEmit', '-p', 'tests/web/tsconfig.json'], 'tsc -p tests/web/tsconfig.json');
});

test('index.d.ts declares exactly what the package exports, and every method of Initiative', async () => {
  const ts = (await import('typescript')).default;
  const { convener } = await import('./helpers.mjs');
  const file = path.join(packageDir, 'index.d.ts');
  const source = ts.createSourceFile(file, (await import('node:fs')).readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
  const functions = [];
  const methods = [];
  for (const s of source.statements) {
    if (ts.isFunctionDeclaration(s) && s.name) functions.push(s.name.text);
    if (ts.isClassDeclaration(s) && s.name?.text === 'Initiative') {
      functions.push('Initiative');
      for (const m of s.members) if (ts.isMethodDeclaration(m)) methods.push(m.name.getText(source));
    }
  }
  const runtime = Object.keys(convener).sort();
  // An overloaded function is declared once per signature: compare the names.
  assert.deepEqual([...new Set(functions)].sort(), runtime, 'declare every export of pkg/node in index.d.ts (and nothing else)');
  const proto = Object.getOwnPropertyNames(convener.Initiative.prototype)
    .filter((m) => m !== 'constructor' && !m.startsWith('__'))
    .sort();
  assert.deepEqual([...new Set(methods)].sort(), proto, 'declare every method of Initiative in index.d.ts (and nothing else)');
});
