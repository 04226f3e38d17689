// The hostile corpus (tests/hostile/cases.json) through the WebAssembly build: every
// malformed or extreme document and CSV folder is refused with exactly the code, places and
// count of the rest that the core and the command line give. Documents go in as bytes
// (Uint8Array, read as a file is) and, when their bytes are UTF-8, as a string too; CSV
// folders go in as text, so folders whose bytes are not UTF-8 and the missing-folder case
// (no file system here) belong to the byte-reading layers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { convener, places, repo, thrown } from './helpers.mjs';

const { analyzeJson, validate, fromCsv } = convener;

const dir = path.join(repo, 'tests/hostile');
const cases = JSON.parse(readFileSync(path.join(dir, 'cases.json'), 'utf8'));
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of `bytes` when they are UTF-8 (a byte-order mark kept), else null. */
function textOf(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** The case's document as bytes. */
function documentBytes(c) {
  if (c.input) return readFileSync(path.join(dir, c.input));
  return Buffer.from(c.generate.map(({ text, times }) => text.repeat(times)).join(''), 'utf8');
}

/** The case's CSV folder as {fileName: text}, or null when a file is not UTF-8. */
function folder(c) {
  const files = {};
  const root = path.join(dir, c.input);
  for (const name of readdirSync(root).sort()) {
    if (!name.toLowerCase().endsWith('.csv') || !statSync(path.join(root, name)).isFile()) continue;
    const text = textOf(readFileSync(path.join(root, name)));
    if (text === null) return null;
    files[name] = text;
  }
  return files;
}

/** What a call threw, as {error, issues, more} (issues without their messages). */
function outcome(fn) {
  const e = thrown(fn);
  assert.ok(e instanceof Error, 'a thrown error is an Error');
  assert.ok(Array.isArray(e.issues) && typeof e.more === 'number', `not a convener error: ${e}`);
  for (const i of e.issues) assert.ok(typeof i.message === 'string' && i.message.length > 0);
  return { error: e.code, issues: places(e.issues), more: e.more };
}

/** Asserts an outcome is the case's expectation (`listed`: the first issues of that many). */
function assertExpected(c, actual, how) {
  const label = `${c.name} (${how})`;
  assert.equal(actual.error, c.expect.error, label);
  assert.equal(actual.more, c.expect.more, label);
  assert.equal(actual.issues.length, c.listed ?? c.expect.issues.length, label);
  assert.deepEqual(actual.issues.slice(0, c.expect.issues.length), c.expect.issues, label);
}

test('the hostile corpus is there', () => assert.ok(cases.length >= 60, `${cases.length} cases`));

let ran = 0;
for (const c of cases) {
  const csv = c.input?.startsWith('csv/');
  if (c.exit === 3) {
    test(`${c.name}: an I/O case, for the layers that read files`, () => {
      assert.ok(!existsSync(path.join(dir, c.input)));
    });
    continue;
  }
  if (csv) {
    const files = folder(c);
    if (files === null) {
      test(`${c.name}: bytes a JavaScript string cannot carry, for the byte-reading layers`, () => {
        assert.ok(c.expect.issues.some((i) => i.code === 'encoding.invalid'));
      });
      continue;
    }
    test(`${c.name}: fromCsv gives the expected code, files, rows and columns`, () => {
      assertExpected(c, outcome(() => fromCsv(files, c.options)), 'fromCsv');
      ran++;
    });
    continue;
  }
  test(`${c.name}: the expected code and places, from bytes and from text`, () => {
    const bytes = documentBytes(c);
    const fromBytes = outcome(() => analyzeJson(bytes, c.options));
    assertExpected(c, fromBytes, 'analyzeJson(bytes)');
    const text = textOf(bytes);
    if (text !== null) {
      assertExpected(c, outcome(() => analyzeJson(text, c.options)), 'analyzeJson(text)');
      // validate lists the same issues without throwing (a lone limit issue throws).
      if (fromBytes.error === 'document.invalid') {
        assert.deepEqual(places(validate(text, c.options)), fromBytes.issues, `${c.name} (validate)`);
      }
    }
    ran++;
  });
}

test('most of the corpus ran here', () => assert.ok(ran >= 60, `only ${ran} cases ran`));
