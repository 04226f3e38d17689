#!/usr/bin/env node
// WebAssembly in Node against native Rust on the benchmark initiative: a
// 300-partner synthetic initiative (`convener synth --partners 300 --seed 2025`).
//
//   node bench/wasm-vs-native.mjs [--runs N] [--no-build]     (from bindings/wasm)
//
// Needs the wasm build (scripts/build-wasm) and cargo. It builds the CLI and the native
// timing program (crates/convener/examples/time_analyze.rs) in release mode unless
// --no-build, writes the document once, then, after warm-up runs, takes the median of N
// runs (default 21, at least 15) of:
//   wasm    analyzeJson(text)                 read + analyse + report JSON, in Node
//   wasm    new Initiative(text).reportJson() analyse + report JSON, the document read once
//   native  Initiative::from_json + analyze + to_json, and analyze + to_json alone, with
//           rayon's default threads (the default `parallel` feature) and with one thread
// and prints the medians and the ratios wasm / native. Nothing is timed in the tests
// (a speed target); this is run by hand.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..');
const repo = path.resolve(packageDir, '../..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 21;
if (!Number.isInteger(runs) || runs < 15) {
  console.error('--runs must be a whole number of at least 15');
  process.exit(2);
}
const build = !args.includes('--no-build');

function sh(cmd, cmdArgs, options = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: repo, encoding: 'utf8', ...options });
  if (r.status !== 0) {
    console.error(`${cmd} ${cmdArgs.join(' ')} failed:\n${r.stdout ?? ''}${r.stderr ?? ''}`);
    process.exit(1);
  }
  return r.stdout;
}

if (!existsSync(path.join(packageDir, 'pkg/node/convener.js'))) {
  console.error('bindings/wasm/pkg/node is missing: run scripts/build-wasm first');
  process.exit(1);
}
if (build) {
  console.error('building the CLI and examples/time_analyze (release)...');
  sh('cargo', ['build', '--quiet', '--release', '--locked', '-p', 'convener-cli', '-p', 'convener', '--example', 'time_analyze'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
const cli = path.join(repo, 'target/release/convener');
const timer = path.join(repo, 'target/release/examples/time_analyze');
for (const bin of [cli, timer]) {
  if (!existsSync(bin)) {
    console.error(`${path.relative(repo, bin)} is missing: run without --no-build`);
    process.exit(1);
  }
}

// The document, written once.
const outDir = path.join(repo, 'target/bench');
mkdirSync(outDir, { recursive: true });
const docPath = path.join(outDir, 'synth-300-seed-2025.json');
sh(cli, ['synth', '--partners', '300', '--seed', '2025', '-o', docPath]);
const text = readFileSync(docPath, 'utf8');
const doc = JSON.parse(text);
const count = (k) => (Array.isArray(doc[k]) ? doc[k].length : 0);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
function time(work) {
  for (let i = 0; i < 3; i++) work();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

// wasm in Node.
const require = createRequire(import.meta.url);
const wasm = require(path.join(packageDir, 'pkg/node/convener.js'));
const wasmReport = wasm.analyzeJson(text);
const cliReport = sh(cli, ['analyze', docPath, '--format', 'json'], { maxBuffer: 1 << 30 });
const wasmFull = time(() => wasm.analyzeJson(text));
const initiative = new wasm.Initiative(text);
const wasmAnalyze = time(() => initiative.reportJson());
initiative.free();

// native.
const native = (env) => JSON.parse(sh(timer, [docPath, String(runs)], { env: { ...process.env, ...env } }).trim());
const nativeDefault = native({});
const nativeOne = native({ RAYON_NUM_THREADS: '1' });

const ms = (x) => `${x.toFixed(2).padStart(8)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const wasmSize = statSync(path.join(packageDir, 'pkg/node/convener_bg.wasm')).size;

console.log(
  `document: ${path.relative(repo, docPath)} (${count('partners')} partners, ${count('ties')} ties, ` +
    `${count('indicators')} indicators, ${count('measurements')} measurements, ${text.length} bytes)`,
);
console.log(`report: ${Buffer.byteLength(wasmReport)} bytes; wasm and CLI reports identical: ${wasmReport === cliReport}`);
console.log(`node ${process.version}, convener_bg.wasm ${wasmSize} bytes, median of ${runs} runs after 3 (wasm) / 2 (native) warm-ups`);
console.log('');
console.log(`                                            wasm         native (${nativeDefault.threads} threads)  native (1 thread)`);
console.log(
  `read + analyse + JSON (analyzeJson)   ${ms(wasmFull)}   ${ms(nativeDefault.load_and_analyze_ms)}        ${ms(nativeOne.load_and_analyze_ms)}`,
);
console.log(
  `analyse + JSON (document read once)   ${ms(wasmAnalyze)}   ${ms(nativeDefault.analyze_ms)}        ${ms(nativeOne.analyze_ms)}`,
);
console.log('');
console.log(
  `wasm / native, analyzeJson:  ${ratio(wasmFull, nativeDefault.load_and_analyze_ms)} ` +
    `(against one thread: ${ratio(wasmFull, nativeOne.load_and_analyze_ms)})`,
);
console.log(
  `wasm / native, analyse only: ${ratio(wasmAnalyze, nativeDefault.analyze_ms)} ` +
    `(against one thread: ${ratio(wasmAnalyze, nativeOne.analyze_ms)})   target: ≤ 2×`,
);
console.log(
  JSON.stringify({
    runs,
    wasm_analyze_json_ms: +wasmFull.toFixed(3),
    wasm_report_json_ms: +wasmAnalyze.toFixed(3),
    native: nativeDefault,
    native_one_thread: nativeOne,
    ratio_analyze_json: +(wasmFull / nativeDefault.load_and_analyze_ms).toFixed(3),
    ratio_analyze: +(wasmAnalyze / nativeDefault.analyze_ms).toFixed(3),
  }),
);
