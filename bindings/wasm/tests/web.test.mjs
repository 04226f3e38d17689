// The browser build (pkg/web, an ES module) gives the same bytes as the Node build. Node
// cannot fetch a file: URL, so the module is instantiated with initSync from the bytes,
// as a page may do too; the glue is copied to a .mjs file because pkg/web has no
// package.json saying it is an ES module.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertSameText, convener, fixtures, packageDir } from './helpers.mjs';

let web;
before(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'convener-web-'));
  try {
    copyFileSync(path.join(packageDir, 'pkg/web/convener.js'), path.join(dir, 'convener.mjs'));
    web = await import(pathToFileURL(path.join(dir, 'convener.mjs')).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  web.initSync({ module: readFileSync(path.join(packageDir, 'pkg/web/convener_bg.wasm')) });
});

test('the web build exports the same functions plus init and initSync', () => {
  assert.equal(typeof web.default, 'function');
  assert.equal(typeof web.initSync, 'function');
  for (const name of Object.keys(convener)) assert.equal(typeof web[name], 'function', name);
  assert.equal(web.version(), convener.version());
});

test('the web build gives report.json for every fixture', () => {
  for (const f of fixtures()) assertSameText(web.analyzeJson(f.input, f.options), f.report, f.name);
});

test('the web build throws the same errors', () => {
  let e;
  try {
    web.analyze('{"format": "convener/1"}');
  } catch (err) {
    e = err;
  }
  assert.ok(e instanceof Error);
  assert.equal(e.code, 'document.invalid');
  assert.deepEqual(e.issues, convener.validate('{"format": "convener/1"}'));
});

test('the same wasm file serves both builds', () => {
  assert.deepEqual(
    readFileSync(path.join(packageDir, 'pkg/web/convener_bg.wasm')),
    readFileSync(path.join(packageDir, 'pkg/node/convener_bg.wasm')),
  );
});
