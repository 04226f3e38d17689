#!/usr/bin/env node
// Builds examples/web/dist/convener.html: the whole page in one file that works when opened
// straight from disk (file://), offline. A file:// page can load neither ES modules nor
// fetches, so everything is inlined:
//   - the stylesheet, in a <style>;
//   - the wasm-bindgen glue (bindings/wasm/pkg/web/convener.js), with its ES exports turned
//     into a local scope and its one use of `import.meta.url` removed;
//   - the WebAssembly, gzip-compressed and base64-encoded, handed to the glue's `init` as
//     bytes (decompressed in the browser with DecompressionStream);
//   - app.js, its import line replaced by the inlined glue;
//   - the bundled example (examples/data/family-support.json), as a JSON data block.
// A Content-Security-Policy with the hashes of the inline script and style lets nothing
// else run and nothing be fetched.
//
// Usage: node examples/web/build-single.mjs [OUT]   (no dependencies; build the wasm
// package first with scripts/build-wasm)
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const PKG = join(ROOT, 'bindings', 'wasm', 'pkg', 'web');
const OUT = resolve(process.argv[2] || join(HERE, 'dist', 'convener.html'));

function read(path, encoding = 'utf8') {
  try {
    return readFileSync(path, encoding);
  } catch (e) {
    const hint = path.startsWith(PKG) ? ' (build the wasm package first: scripts/build-wasm)' : '';
    throw new Error(`cannot read ${path}${hint}: ${e.message}`);
  }
}

// Replaces exactly one occurrence of `pattern` (a string or a regular expression).
function replaceOnce(text, pattern, replacement, what) {
  const count = typeof pattern === 'string'
    ? text.split(pattern).length - 1
    : (text.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)) || []).length;
  if (count !== 1) throw new Error(`expected one ${what}, found ${count}`);
  return text.replace(pattern, () => replacement);
}

// The glue as a function body: `export` keywords dropped, and the names it exported
// returned as an object (`default` is the init function).
function inlineGlue(glue) {
  const names = [];
  let body = glue.replace(/^export (class|function|async function|const|let) ([A-Za-z_$][\w$]*)/gm, (_, kind, name) => {
    names.push(name);
    return `${kind} ${name}`;
  });
  const list = body.match(/^export \{([^}]*)\};?\s*$/m);
  if (!list) throw new Error('the glue has no final export list');
  body = body.replace(list[0], '');
  const exported = names.map((n) => `${n}: ${n}`);
  for (const item of list[1].split(',').map((x) => x.trim()).filter(Boolean)) {
    const [local, as] = item.split(/\s+as\s+/);
    exported.push(`${as || local}: ${local}`);
  }
  // The default location of the .wasm file: never used, since the bytes are given.
  body = body.replace(/new URL\('convener_bg\.wasm', import\.meta\.url\)/g, 'undefined');
  for (const bad of [/\bimport\.meta\b/, /^\s*export\s/m, /^\s*import\s/m]) {
    if (bad.test(body)) throw new Error(`the glue still has ${bad} after inlining`);
  }
  return `(() => {\n${body}\nreturn { ${exported.join(', ')} };\n})()`;
}

function inlineApp(app) {
  const importLine = /^import init, \{([^}]*)\} from '[^']*convener\.js';$/m;
  const match = app.match(importLine);
  if (!match) throw new Error('app.js must start with one line: import init, { ... } from \'.../convener.js\';');
  const names = match[1].split(',').map((x) => x.trim()).filter(Boolean);
  const body = app.replace(importLine, `const { default: init, ${names.join(', ')} } = __convener;`);
  for (const bad of [/\bimport\.meta\b/, /^\s*export\s/m, /^\s*import\s/m]) {
    if (bad.test(body)) throw new Error(`app.js has ${bad}: it cannot be inlined`);
  }
  return body;
}

const glue = read(join(PKG, 'convener.js'));
const wasm = read(join(PKG, 'convener_bg.wasm'), null);
const app = read(join(HERE, 'app.js'));
const css = read(join(HERE, 'style.css'));
let html = read(join(HERE, 'index.html'));
const example = read(join(ROOT, 'examples', 'data', 'family-support.json'));
JSON.parse(example); // fails loudly on a broken example

const wasmGz = gzipSync(wasm, { level: 9 }).toString('base64');

const script = `"use strict";
// convener, inlined for a page opened from disk: the wasm-bindgen glue, the WebAssembly
// (gzip, base64) and the app. Nothing is fetched.
(() => {
const __glue = ${inlineGlue(glue)};
const WASM_GZIP_BASE64 = "${wasmGz}";
async function wasmBytes() {
  const binary = atob(WASM_GZIP_BASE64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
const __convener = { ...__glue, default: async () => __glue.default({ module_or_path: await wasmBytes() }) };
${inlineApp(app)}
})();
`;

// Nothing inlined may end the <script> or <style> element early.
for (const [what, text] of [['the script', script], ['the stylesheet', css]]) {
  if (/<\/(script|style)/i.test(text) || /<!--/.test(text)) throw new Error(`${what} contains an HTML end tag or comment opener`);
}
const exampleBlock = example.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = `default-src 'none'; script-src ${sha(script)} 'wasm-unsafe-eval'; style-src ${sha(css)}; `
  + "img-src data: blob:; connect-src 'none'; base-uri 'none'; form-action 'none'";

html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
  `<meta http-equiv="Content-Security-Policy" content="${csp}">`, 'Content-Security-Policy meta');
html = replaceOnce(html, /\n?<!--[\s\S]*?-->/, '', 'comment before the policy');
html = replaceOnce(html, '<link rel="stylesheet" href="style.css">', `<style>${css}</style>`, 'stylesheet link');
html = replaceOnce(html, '<script type="module" src="app.js"></script>',
  `<script type="application/json" id="convener-example">${exampleBlock}</script>\n<script>${script}</script>`, 'app script');
html = replaceOnce(html, '<html lang="en">', '<html lang="en" data-build="single-file">', 'html element');

mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, html);
const kb = (n) => `${Math.round(n / 1024)} KiB`;
console.log(`wrote ${OUT}: ${kb(Buffer.byteLength(html))} (wasm ${kb(wasm.length)}, gzip+base64 ${kb(wasmGz.length)})`);
