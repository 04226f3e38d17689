// The browser page examples/web/ in headless Chromium, served from 127.0.0.1: loading the
// example shows the five conditions and the network; clicking a broker (or pressing Enter
// on it) runs a what-if and a score changes; the downloads are the core's own report; a
// folder of CSV files gives the same scorecard; problems are listed with where they are;
// names stay text; axe-core finds no serious or critical problem; no request leaves
// 127.0.0.1 and the page's security policy is never breached. Then the single-file build
// opened from file://, offline. Screenshots go to screenshots/web-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from './chromium.mjs';
import { serve } from './static-server.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SHOTS = join(import.meta.dirname, 'screenshots');
const PKG = join(ROOT, 'bindings', 'wasm', 'pkg');
const EXAMPLE = join(ROOT, 'examples', 'data', 'family-support.json');
const CSV_DIR = join(ROOT, 'examples', 'data', 'family-support');
const CONDITIONS = ['Common agenda', 'Shared measurement', 'Mutually reinforcing activities',
  'Continuous communication', 'Backbone support'];
const BROKER = 'eastbrae-family-centre';

// The page needs the wasm package; build it when it is missing (it is build output).
function ensureWasm() {
  if (!existsSync(join(PKG, 'web', 'convener_bg.wasm')) || !existsSync(join(PKG, 'node', 'convener.js'))) {
    execFileSync(join(ROOT, 'scripts', 'build-wasm'), { stdio: 'inherit', cwd: ROOT });
  }
}

let server;
let browser;

before(async () => {
  ensureWasm();
  mkdirSync(SHOTS, { recursive: true });
  server = await serve(ROOT);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// A fresh context and page that record every request, console error, uncaught error and
// breach of the Content-Security-Policy.
async function open(url, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
  return { context, page, requests, errors };
}

async function loadExample(page) {
  await page.getByRole('button', { name: 'Load the example' }).click();
  await page.locator('#scorecard-table').waitFor();
}

// The scorecard as {condition name: score text}.
async function scorecard(page) {
  const rows = page.locator('#scorecard-table tbody tr');
  const out = {};
  for (let i = 0; i < await rows.count(); i++) {
    const row = rows.nth(i);
    out[(await row.locator('th').innerText()).trim()] = (await row.locator('.score-value').innerText()).trim();
  }
  return out;
}

// axe-core, injected by evaluation: the page's Content-Security-Policy refuses injected
// <script> tags (as it should), so chromium.mjs's addScriptTag cannot be used here.
async function axe(page, impacts = ['serious', 'critical']) {
  const require = createRequire(import.meta.url);
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(async () => await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  return result.violations.filter((v) => impacts.includes(v.impact))
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
}

function assertLocal(requests, origin) {
  const away = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(away, [], `every request goes to ${origin}`);
}

async function assertClean(page, errors) {
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no Content-Security-Policy violation');
  assert.deepEqual(errors, [], 'no error in the page');
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('the example: scorecard, network, what-if, downloads, accessible, nothing leaves 127.0.0.1', async () => {
  const { context, page, requests, errors } = await open(`${server.url}/examples/web/index.html`);
  try {
    assert.equal(await page.locator('h1').innerText(), 'See your partnership');
    await page.screenshot({ path: join(SHOTS, 'web-start.png') });
    assert.deepEqual(await axe(page), [], 'axe on the empty page');

    await loadExample(page);
    assert.equal(await page.locator('#initiative-name').innerText(), 'Families Together Strathmorven');
    // The status is announced a moment after the report shows (so that a screen reader
    // hears it again when it repeats): wait for it rather than read it at once.
    await page.locator('#status').filter({ hasText: /Opened Families Together Strathmorven/ }).waitFor({ timeout: 5000 });
    assert.match(await page.locator('#status').innerText(), /Opened Families Together Strathmorven/);
    const before = await scorecard(page);
    assert.deepEqual(Object.keys(before), CONDITIONS, 'the five conditions in the scorecard');
    for (const name of CONDITIONS) {
      assert.ok(await page.getByRole('rowheader', { name }).first().isVisible(), `${name} in the scorecard`);
      assert.match(before[name], /^\d+$/, `${name} has a score`);
    }
    assert.equal(await page.evaluate(() => document.activeElement.id), 'initiative-name', 'the reader is taken to the report');
    await page.screenshot({ path: join(SHOTS, 'web-report.png') });
    // The evidence opens under each condition.
    await page.locator('#evidence-common_agenda summary').click();
    assert.ok(await page.getByRole('table', { name: /evidence behind the score of common agenda/i }).isVisible());

    const network = page.locator('svg.network');
    assert.ok(await network.isVisible(), 'the network picture');
    assert.equal(await network.locator('g.partner').count(), 25, 'every partner drawn');
    assert.ok(await network.locator('line').count() > 50, 'connections drawn');
    const broker = network.locator(`g.partner[data-partner="${BROKER}"]`);
    assert.equal(await broker.getAttribute('role'), 'button');
    assert.equal(await broker.getAttribute('tabindex'), '0');
    assert.match(await broker.getAttribute('aria-label'), /^Eastbrae Family Centre \(third sector\): 8 connections, betweenness 0\.125/);
    assert.match(await broker.locator('title').textContent(), /Eastbrae Family Centre/);
    assert.ok(await page.locator('svg.run-chart').count() >= 10, 'run charts');
    assert.ok(await page.locator('svg.run-chart path.signal').count() > 0, 'signals marked');
    assert.equal(await page.locator('ul.findings li.finding').count(), 20, 'every finding');

    // Hover shows the partner's measures; a click leaves it out and a score changes.
    await broker.hover();
    const panel = page.locator('#partner-panel');
    assert.match(await panel.innerText(), /Eastbrae Family Centre[\s\S]*Betweenness\s*0\.125[\s\S]*22 pairs cut off/);
    await broker.click();
    await page.locator('#scorecard-table td.after').first().waitFor();
    assert.match(await broker.getAttribute('class'), /removed/);
    const after = {};
    for (const name of CONDITIONS) {
      after[name] = (await page.getByRole('row', { name: new RegExp(`^${name}`) }).first().locator('.after-score').innerText()).trim();
    }
    assert.ok(CONDITIONS.some((n) => after[n] !== before[n]), `a score changes without the broker: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    assert.ok(await page.locator('#whatif-table').isVisible(), 'the what-if table beside the network');
    assert.match(await page.locator('#whatif-body').innerText(), /Our Voice Parents' Panel/, 'who is cut off');
    await page.waitForFunction(() => /Without Eastbrae Family Centre/.test(document.getElementById('whatif-status').textContent));
    assert.deepEqual(await axe(page), [], 'axe on the report with a what-if');
    await page.mouse.move(0, 0);
    await page.locator('section:has(#network-title)').screenshot({ path: join(SHOTS, 'web-network-whatif.png') });
    await page.locator('section:has(#conditions-title)').screenshot({ path: join(SHOTS, 'web-scorecard-whatif.png') });

    const whatIf = await download(page, 'Download this what-if (JSON)');
    assert.deepEqual(JSON.parse(whatIf.text).removed, [BROKER]);

    // Restore everyone; then the same by keyboard.
    await page.getByRole('button', { name: 'Restore everyone' }).click();
    assert.equal(await page.locator('#scorecard-table td.after').count(), 0);
    assert.doesNotMatch(await broker.getAttribute('class'), /removed/);
    assert.deepEqual(await scorecard(page), before);
    await broker.focus();
    await page.keyboard.press('Enter');
    await page.locator('#scorecard-table td.after').first().waitFor();
    assert.match(await broker.getAttribute('aria-label'), /left out of the what-if/);
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#scorecard-table td.after').count(), 0, 'Enter again brings it back');

    // The downloads are the core's own reports.
    const require = createRequire(import.meta.url);
    const core = require(join(PKG, 'node', 'convener.js'));
    const json = await download(page, 'Download the report (JSON)');
    assert.equal(json.name, 'families-together-report.json');
    assert.equal(json.text, core.analyzeJson(readFileSync(EXAMPLE, 'utf8')), 'the JSON report, byte for byte');
    const html = await download(page, 'Download the report (HTML page)');
    assert.equal(html.name, 'families-together-report.html');
    assert.equal(html.text, core.render(readFileSync(EXAMPLE, 'utf8'), 'html'), 'the HTML report, byte for byte');

    await page.screenshot({ path: join(SHOTS, 'web-full.png'), fullPage: true });
    assertLocal(requests, server.url);
    assert.ok(server.requests.includes('/bindings/wasm/pkg/web/convener_bg.wasm'), 'the wasm came from 127.0.0.1');
    await assertClean(page, errors);
  } finally {
    await context.close();
  }
});

test('a folder of CSV files gives the same scorecard as the JSON document', async () => {
  const { context, page, requests, errors } = await open(`${server.url}/examples/web/index.html`);
  try {
    await loadExample(page);
    const fromJson = await scorecard(page);
    const page2 = await context.newPage();
    page2.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page2.goto(`${server.url}/examples/web/index.html`);
    await page2.waitForSelector('html[data-ready="true"]');
    await page2.setInputFiles('#pick-folder', CSV_DIR);
    await page2.locator('#scorecard-table').waitFor();
    assert.deepEqual(await scorecard(page2), fromJson);
    assert.match(await page2.locator('#initiative-lede').innerText(), /Opened from the folder family-support/);
    assert.equal(await page2.locator('svg.network g.partner').count(), 25);
    await page2.screenshot({ path: join(SHOTS, 'web-csv.png') });

    // The same files dropped on the page (a drop of several CSV files).
    const page3 = await context.newPage();
    await page3.goto(`${server.url}/examples/web/index.html`);
    await page3.waitForSelector('html[data-ready="true"]');
    const files = readdirSync(CSV_DIR).map((name) => ({ name, text: readFileSync(join(CSV_DIR, name), 'utf8') }));
    const dt = await page3.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const f of list) transfer.items.add(new File([f.text], f.name, { type: 'text/csv' }));
      return transfer;
    }, files);
    await page3.dispatchEvent('#dropzone', 'drop', { dataTransfer: dt });
    await page3.locator('#scorecard-table').waitFor();
    assert.deepEqual(await scorecard(page3), fromJson);
    assertLocal(requests, server.url);
    await assertClean(page, errors);
  } finally {
    await context.close();
  }
});

test('problems are listed with where they are: a JSON pointer or file:row:column', async () => {
  const { context, page, requests, errors } = await open(`${server.url}/examples/web/index.html`);
  try {
    await page.setInputFiles('#pick-json', {
      name: 'broken.json', mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'convener/1', initiative: { id: 'x', name: 'X' }, partners: [{ id: 'a', name: 'A', sector: 'helth' }] })),
    });
    await page.locator('#problems').waitFor();
    assert.equal(await page.locator('#report').isVisible(), false);
    const first = await page.locator('#problem-list li').first().innerText();
    assert.match(first, /^\/partners\/0\/sector .*helth/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'problems-title', 'focus moves to the problems');
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: join(SHOTS, 'web-problems.png') });

    await page.setInputFiles('#pick-json', { name: 'syntax.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "convener/1",, }') });
    await page.locator('#problem-list li', { hasText: 'line 1, column' }).waitFor();

    // A CSV folder with a bad cell: file:row:column.
    const dir = mkdtempSync(join(tmpdir(), 'convener-web-csv-'));
    for (const name of readdirSync(CSV_DIR)) writeFileSync(join(dir, name), readFileSync(join(CSV_DIR, name)));
    const partners = readFileSync(join(dir, 'partners.csv'), 'utf8').split('\n');
    partners[1] = partners[1].replace(',statutory,', ',statutroy,');
    writeFileSync(join(dir, 'partners.csv'), partners.join('\n'));
    await page.setInputFiles('#pick-folder', dir);
    await page.locator('#problem-list li', { hasText: 'statutroy' }).waitFor();
    assert.match(await page.locator('#problem-list li').first().innerText(), /^partners\.csv:2:\d+ /);
    assertLocal(requests, server.url);
    await assertClean(page, errors);
  } finally {
    await context.close();
  }
});

test('names are text, never markup', async () => {
  const { context, page, errors } = await open(`${server.url}/examples/web/index.html`);
  try {
    const doc = {
      format: 'convener/1',
      initiative: { id: 'x', name: '<img src=x onerror="window.hacked = 1">' },
      partners: [
        { id: 'a', name: '<script>window.hacked = 2</script>', sector: 'health' },
        { id: 'b', name: '<img src=x onerror="window.hacked = 3">' },
      ],
      ties: [{ from: 'a', to: 'b', level: 'collaborate' }],
    };
    await page.setInputFiles('#pick-json', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await page.locator('#scorecard-table').waitFor();
    assert.equal(await page.locator('#initiative-name').innerText(), doc.initiative.name);
    assert.equal(await page.evaluate(() => window.hacked), undefined);
    assert.equal(await page.locator('main img, main script').count(), 0);
    assert.match(await page.locator('svg.network g.partner[data-partner="a"]').getAttribute('aria-label'), /^<script>window\.hacked = 2<\/script> \(health\)/);
    await page.locator('#partner-table-details summary').click();
    assert.ok(await page.getByRole('rowheader', { name: '<script>window.hacked = 2</script>' }).isVisible());
    await assertClean(page, errors);
  } finally {
    await context.close();
  }
});

test('the single-file build works from file://, offline', async () => {
  const out = join(ROOT, 'examples', 'web', 'dist', 'convener.html');
  execFileSync(process.execPath, [join(ROOT, 'examples', 'web', 'build-single.mjs'), out], { stdio: 'pipe' });
  const page0 = readFileSync(out, 'utf8');
  assert.doesNotMatch(page0, /<script[^>]+src=|<link[^>]+stylesheet|(src|href)=["']?(https?:|\/\/)/i, 'nothing loaded from elsewhere');
  assert.doesNotMatch(page0.match(/<style>([\s\S]*?)<\/style>/)[1], /url\(|@import/, 'the styles load nothing');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
  try {
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    const url = pathToFileURL(out).href;
    await page.goto(url);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
    await loadExample(page);
    assert.deepEqual(Object.keys(await scorecard(page)), CONDITIONS);
    assert.equal(await page.locator('svg.network g.partner').count(), 25);
    const before = await scorecard(page);
    await page.locator(`svg.network g.partner[data-partner="${BROKER}"]`).click();
    await page.locator('#scorecard-table td.after').first().waitFor();
    const changed = await page.locator('#scorecard-table td.after .after-score').allInnerTexts();
    assert.ok(changed.some((t, i) => t !== Object.values(before)[i]), 'a score changes in the single file too');
    await page.getByRole('button', { name: 'Restore everyone' }).click();
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, 'web-single-file.png') });
    assert.deepEqual(requests, [url], 'the page itself is the only thing loaded');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
