// The npm package `convener` as it is published: `npm pack` in bindings/wasm (after
// scripts/build-wasm) writes the tarball; it holds every file the package.json promises and
// nothing else, and stays small. Installed offline into a scratch project, it gives the
// example's report byte for byte from CommonJS, from an ES module, from its browser build
// imported by Node, and from a bundle made by esbuild, served on 127.0.0.1 and run in headless
// Chromium (the bundler recipe of bindings/wasm/README.md).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { launch } from '../browser/chromium.mjs';
import { serve } from '../browser/static-server.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PACKAGE = join(ROOT, 'bindings', 'wasm');
const EXAMPLE = join(ROOT, 'examples', 'data', 'family-support.json');
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'family-support');
const MAX_TARBALL = 1_500_000; // bytes, gzipped
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const ESBUILD = join(dirname(createRequire(import.meta.url).resolve('esbuild/package.json')), 'bin', 'esbuild');

const pkg = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8'));
const report = readFileSync(join(FIXTURE, 'report.json'), 'utf8');
const summary = readFileSync(join(FIXTURE, 'outputs', 'summary.txt'), 'utf8');

let scratch; // the temporary folder: the tarball and the project that installs it
let project;
let tarball; // {file, bytes, files: Map(path inside the package -> Buffer)}

function run(command, args, cwd, what) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, `${what} failed (${r.error ?? `exit ${r.status}`}):\n${r.stdout}${r.stderr}`);
  return r;
}

// The regular files of a .tgz, by path without npm's leading `package/`.
function untar(gz) {
  const tar = gunzipSync(gz);
  const files = new Map();
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from, to) => header.subarray(from, to).toString('utf8').replace(/\0[^]*$/, '');
    const name = [field(345, 500), field(0, 100)].filter(Boolean).join('/');
    const size = parseInt(field(124, 136).trim() || '0', 8);
    const type = field(156, 157) || '0';
    at += 512;
    assert.equal(type, '0', `${name}: entry of type ${type}, not a regular file`);
    assert.ok(name.startsWith('package/'), `${name} is outside package/`);
    files.set(name.slice('package/'.length), tar.subarray(at, at + size));
    at += Math.ceil(size / 512) * 512;
  }
  return files;
}

// Fails with the first differing offset rather than printing two long texts whole.
function assertSameText(actual, expected, label) {
  if (actual === expected) return;
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  assert.fail(
    `${label} differs at character ${i} (${actual.length} characters against ${expected.length}):\n` +
      `  actual:   ${JSON.stringify(String(actual).slice(i, i + 80))}\n` +
      `  expected: ${JSON.stringify(expected.slice(i, i + 80))}`,
  );
}

before(() => {
  for (const f of ['pkg/node/convener.js', 'pkg/web/convener_bg.wasm']) {
    assert.ok(existsSync(join(PACKAGE, f)), `bindings/wasm/${f} is missing: run scripts/build-wasm first`);
  }
  scratch = mkdtempSync(join(tmpdir(), 'convener-npm-'));
  // Exactly what `npm publish` would upload; warnings go to standard error.
  const packed = run(NPM, ['pack', '--json', '--loglevel=warn', '--pack-destination', scratch], PACKAGE, 'npm pack');
  const [{ filename }] = JSON.parse(packed.stdout);
  const file = join(scratch, filename);
  const bytes = readFileSync(file);
  tarball = { file, bytes, files: untar(bytes), stderr: packed.stderr };
});

after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('npm pack names the package by its version and warns about nothing', () => {
  assert.equal(tarball.file, join(scratch, `convener-${pkg.version}.tgz`));
  assert.equal(tarball.stderr.trim(), '', 'npm pack warned');
});

test('package.json points at the repository of the workspace', () => {
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const url = cargo.match(/^repository = "([^"]+)"$/m)?.[1];
  assert.ok(url, 'no repository in Cargo.toml');
  assert.equal(pkg.homepage, url);
  assert.deepEqual(pkg.repository, { type: 'git', url, directory: 'bindings/wasm' });
  assert.equal(pkg.license, cargo.match(/^license = "([^"]+)"$/m)?.[1]);
});

test('the tarball holds every file package.json promises, and nothing else', () => {
  const promised = new Set(['package.json']);
  for (const entry of pkg.files) {
    if (!entry.includes('*')) {
      promised.add(entry);
      continue;
    }
    const dir = dirname(entry);
    const pattern = new RegExp(`^${entry.slice(dir.length + 1).replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`);
    const matched = readdirSync(join(PACKAGE, dir)).filter((n) => pattern.test(n));
    assert.ok(matched.length > 0, `"files" entry ${entry} matches nothing`);
    for (const n of matched) promised.add(`${dir}/${n}`);
  }
  const targets = [pkg.main, pkg.types, pkg.browser];
  const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
  walk(pkg.exports);
  for (const t of targets) {
    const inside = t.replace(/^\.\//, '');
    assert.ok(promised.has(inside), `${t} is exported but not in "files"`);
  }
  const shipped = [...tarball.files.keys()].sort();
  assert.deepEqual(shipped, [...promised].sort());
  for (const f of [
    'package.json', 'README.md', 'index.d.ts', 'web.d.ts', 'wasm.d.ts',
    'types/initiative.d.ts', 'types/options.d.ts', 'types/report.d.ts',
    'pkg/node/convener.js', 'pkg/node/convener_bg.wasm', 'pkg/node/package.json',
    'pkg/web/convener.js', 'pkg/web/convener_bg.wasm', 'pkg/web/package.json',
  ]) {
    assert.ok(tarball.files.has(f), `${f} is not in the tarball`);
  }
  for (const f of shipped) {
    assert.doesNotMatch(f, /(^|\/)(node_modules|tests?|src|scripts|bench|target[^/]*)\//, `${f} should not ship`);
    assert.doesNotMatch(f, /\.(rs|mjs|cjs|map|tsbuildinfo)$|(?<!\.d)\.ts$|\.test\./, `${f} should not ship`);
    assert.doesNotMatch(f, /(^|\/)(Cargo\.(toml|lock)|package-lock\.json|tsconfig\.json|\.gitignore)$/, `${f} should not ship`);
  }
});

test('the shipped files are the built ones, and every declaration imports a shipped file', () => {
  for (const [f, bytes] of tarball.files) {
    if (f === 'package.json') continue;
    assert.ok(bytes.equals(readFileSync(join(PACKAGE, f))), `${f} in the tarball differs from bindings/wasm/${f}`);
  }
  assert.deepEqual(JSON.parse(tarball.files.get('package.json')), pkg);
  assert.deepEqual(JSON.parse(tarball.files.get('pkg/node/package.json')), { type: 'commonjs' });
  assert.deepEqual(JSON.parse(tarball.files.get('pkg/web/package.json')), { type: 'module' });
  for (const [f, bytes] of tarball.files) {
    if (!f.endsWith('.d.ts')) continue;
    for (const [, spec] of bytes.toString('utf8').matchAll(/\bfrom '(\.[^']+)'/g)) {
      const target = join(dirname(f), `${spec}.d.ts`);
      assert.ok(tarball.files.has(target), `${f} imports ${spec}, and ${target} is not shipped`);
    }
  }
});

test(`the tarball is at most ${MAX_TARBALL} bytes gzipped`, (t) => {
  let unpacked = 0;
  for (const [f, bytes] of [...tarball.files].sort()) {
    t.diagnostic(`${String(bytes.length).padStart(9)}  ${f}`);
    unpacked += bytes.length;
  }
  t.diagnostic(`convener-${pkg.version}.tgz: ${tarball.bytes.length} bytes gzipped, ` +
    `${unpacked} bytes unpacked, ${tarball.files.size} files`);
  assert.ok(tarball.bytes.length <= MAX_TARBALL, `the tarball is ${tarball.bytes.length} bytes`);
});

test('the tarball installs offline into a scratch project, bringing nothing else', () => {
  project = join(scratch, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'scratch', version: '1.0.0', private: true }, null, 2)}\n`);
  const r = run(NPM, ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=warn', tarball.file], project, 'npm install');
  assert.equal(r.stderr.trim(), '', 'npm install warned');
  const installed = JSON.parse(readFileSync(join(project, 'node_modules/convener/package.json'), 'utf8'));
  assert.equal(installed.version, pkg.version);
  assert.deepEqual(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.')), ['convener']);
  assert.match(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).dependencies.convener, /^file:.*\.tgz$/);
});

// Runs a script in the scratch project with the example's path; returns what it printed as
// JSON. Nothing may be written on standard error (Node's warnings go there).
function useFrom(name, source, nodeArgs = []) {
  assert.ok(project, 'the tarball is not installed');
  writeFileSync(join(project, name), source);
  const r = run(process.execPath, [...nodeArgs, name, EXAMPLE], project, `node ${name}`);
  assert.equal(r.stderr, '', `node ${name} warned`);
  return JSON.parse(r.stdout);
}

const installed = (...parts) => join(project, 'node_modules', 'convener', ...parts);

test('CommonJS: require("convener") gives the report byte for byte, and renders', () => {
  const out = useFrom('use.cjs', `const c = require('convener');
const doc = require('node:fs').readFileSync(process.argv[2], 'utf8');
process.stdout.write(JSON.stringify({
  resolved: require.resolve('convener'),
  json: c.analyzeJson(doc),
  report: c.analyze(doc),
  summary: c.render(doc, 'summary.txt'),
}));
`);
  assert.equal(out.resolved, installed('pkg/node/convener.js'));
  assertSameText(out.json, report, 'analyzeJson');
  assert.deepEqual(out.report, JSON.parse(report));
  assertSameText(out.summary, summary, "render(doc, 'summary.txt')");
});

test('ES module: import { analyzeJson, render } from "convener" gives the same bytes', () => {
  const out = useFrom('use.mjs', `import { analyzeJson, render } from 'convener';
import { readFileSync } from 'node:fs';
const doc = readFileSync(process.argv[2], 'utf8');
process.stdout.write(JSON.stringify({
  resolved: import.meta.resolve('convener'),
  json: analyzeJson(doc),
  summary: render(doc, 'summary.txt'),
}));
`);
  assert.equal(fileURLToPath(out.resolved), installed('pkg/node/convener.js'));
  assertSameText(out.json, report, 'analyzeJson');
  assertSameText(out.summary, summary, "render(doc, 'summary.txt')");
});

// Without module syntax detection (Node 18 has none; later versions guess from the syntax),
// pkg/web/convener.js is an ES module only because pkg/web/package.json says so.
const NO_DETECTION = process.allowedNodeEnvironmentFlags.has('--no-experimental-detect-module')
  ? ['--no-experimental-detect-module']
  : [];

test('the browser build is a declared ES module: Node imports it by its path and runs it from the exported wasm', () => {
  const out = useFrom('use-browser.mjs', `import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
const require = createRequire(import.meta.url);
const web = pathToFileURL(require.resolve('convener/package.json').replace(/package\\.json$/, 'pkg/web/convener.js'));
const { default: init, initSync, analyzeJson } = await import(web);
const wasm = import.meta.resolve('convener/convener_bg.wasm');
initSync({ module: readFileSync(new URL(wasm)) });
process.stdout.write(JSON.stringify({
  wasm,
  init: typeof init,
  json: analyzeJson(readFileSync(process.argv[2], 'utf8')),
}));
`, NO_DETECTION);
  assert.equal(fileURLToPath(out.wasm), installed('pkg/web/convener_bg.wasm'));
  assert.equal(out.init, 'function');
  assertSameText(out.json, report, 'analyzeJson (browser build)');
});

test('an esbuild bundle importing the package and its .wasm gives the same bytes in Chromium', async () => {
  assert.ok(project, 'the tarball is not installed');
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'src', 'main.js'), `import init, { analyzeJson } from 'convener';
import wasmUrl from 'convener/convener_bg.wasm';

window.result = (async () => {
  await init({ module_or_path: wasmUrl });
  const doc = await (await fetch('./family-support.json')).text();
  return { wasmUrl, json: analyzeJson(doc) };
})();
`);
  // The command of the README's bundler section; warnings and errors only.
  const built = run(ESBUILD, ['src/main.js', '--bundle', '--format=esm', '--loader:.wasm=file', '--outdir=dist', '--log-level=warning'], project, 'esbuild');
  assert.equal(built.stderr.trim(), '', 'esbuild warned');
  const dist = join(project, 'dist');
  const wasm = readdirSync(dist).filter((n) => n.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `esbuild wrote ${wasm.join(', ') || 'no .wasm file'}`);
  assert.ok(readFileSync(join(dist, wasm[0])).equals(readFileSync(installed('pkg/web/convener_bg.wasm'))), `${wasm[0]} is not the browser build's wasm`);
  writeFileSync(join(dist, 'index.html'), '<!doctype html>\n<meta charset="utf-8">\n<title>convener bundle</title>\n<link rel="icon" href="data:,">\n<script type="module" src="./main.js"></script>\n');
  copyFileSync(EXAMPLE, join(dist, 'family-support.json'));

  const server = await serve(dist);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const requests = [];
    const errors = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} (${m.location().url})`));
    await page.goto(`${server.url}/index.html`);
    const result = await page.evaluate(() => window.result);
    assertSameText(result.json, report, 'analyzeJson in Chromium');
    assert.equal(new URL(result.wasmUrl, `${server.url}/`).pathname, `/${wasm[0]}`);
    assert.deepEqual(errors, []);
    assert.ok(server.requests.includes(`/${wasm[0]}`), `${wasm[0]} was not fetched: ${server.requests.join(', ')}`);
    for (const url of requests) assert.ok(url.startsWith(`${server.url}/`), `a request left the server: ${url}`);
  } finally {
    await browser.close();
    await server.close();
  }
});
