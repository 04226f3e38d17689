// The npm package itself: what `require('convener')` resolves to, and what `npm pack` ships.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageDir } from './helpers.mjs';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));

test('Node resolves the package name to the CommonJS build', () => {
  assert.equal(require.resolve('convener'), path.join(packageDir, 'pkg/node/convener.js'));
  assert.equal(require('convener'), require('../pkg/node/convener.js'));
});

test('an ES module import of the package gives the same functions', async () => {
  const esm = await import('convener');
  assert.equal(typeof esm.analyze, 'function');
  assert.equal(esm.analyzeJson, require('convener').analyzeJson);
  assert.equal(typeof esm.Initiative, 'function');
});

test('every path the package.json names exists', () => {
  const targets = [];
  const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
  walk(pkg.exports);
  targets.push(pkg.main, pkg.types, pkg.browser);
  for (const t of targets) assert.ok(existsSync(path.join(packageDir, t)), `${t} is missing`);
  assert.equal(pkg.exports['.'].node.default, './pkg/node/convener.js');
  assert.equal(pkg.exports['.'].node.types, './index.d.ts');
  assert.equal(pkg.exports['.'].browser.default, './pkg/web/convener.js');
  assert.equal(pkg.exports['.'].default, './pkg/web/convener.js');
  assert.equal(pkg.exports['./convener_bg.wasm'].default, './pkg/web/convener_bg.wasm');
  assert.equal(pkg.exports['./convener_bg.wasm'].types, './wasm.d.ts');
});

test('devDependencies are pinned exactly and there are no run-time dependencies', () => {
  assert.equal(pkg.dependencies, undefined);
  for (const [name, version] of Object.entries(pkg.devDependencies)) {
    assert.match(version, /^\d+\.\d+\.\d+$/, `${name} is not pinned: ${version}`);
  }
  const lock = JSON.parse(readFileSync(path.join(packageDir, 'package-lock.json'), 'utf8'));
  assert.equal(lock.packages[''].version, pkg.version);
  assert.deepEqual(lock.packages[''].devDependencies, pkg.devDependencies);
});

test('npm pack ships the two builds, the declarations and the README, nothing else', () => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts', '--offline'], {
    cwd: packageDir,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /\bwarn/i, 'npm pack warned');
  const files = JSON.parse(r.stdout)[0].files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    'README.md',
    'index.d.ts',
    'package.json',
    'pkg/node/convener.js',
    'pkg/node/convener_bg.wasm',
    'pkg/node/package.json',
    'pkg/web/convener.js',
    'pkg/web/convener_bg.wasm',
    'pkg/web/package.json',
    'types/initiative.d.ts',
    'types/options.d.ts',
    'types/report.d.ts',
    'wasm.d.ts',
    'web.d.ts',
  ]);
});
