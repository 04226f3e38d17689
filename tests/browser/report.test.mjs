// The HTML report in headless Chromium: the five conditions, the network picture and the
// run charts are visible, axe-core finds no serious or critical accessibility problem,
// a partner called <script> stays text, and nothing is fetched from anywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, axe } from './chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = process.env.CONVENER_BIN || join(ROOT, 'target', 'release', 'convener');
const SHOTS = join(import.meta.dirname, 'screenshots');

function render(input) {
  const dir = mkdtempSync(join(tmpdir(), 'convener-html-'));
  const out = join(dir, 'report.html');
  execFileSync(BIN, ['analyze', input, '--format', 'html', '-o', out]);
  return out;
}

async function open(browser, file) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file://')) requests.push(r.url()); });
  await page.goto('file://' + file);
  return { page, requests };
}

test('the example report shows the scorecard, the network and run charts, and passes axe', async () => {
  const browser = await launch();
  try {
    const { page, requests } = await open(browser, render(join(ROOT, 'examples/data/family-support.json')));
    for (const name of ['Common agenda', 'Shared measurement', 'Mutually reinforcing activities',
      'Continuous communication', 'Backbone support']) {
      assert.ok(await page.getByRole('rowheader', { name }).first().isVisible(), `${name} in the scorecard`);
      assert.ok(await page.getByRole('heading', { name, level: 3 }).isVisible(), `${name} heading`);
    }
    const network = page.locator('svg.network');
    assert.ok(await network.isVisible(), 'the network picture');
    assert.ok(await network.locator('g.partner').count() > 20, 'partners drawn');
    const charts = page.locator('svg.run-chart');
    assert.ok(await charts.count() >= 5, 'run charts');
    assert.ok(await charts.first().isVisible(), 'a run chart is visible');
    assert.ok(await page.locator('svg.run-chart path.signal').count() > 0, 'signals marked');
    const violations = await axe(page);
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), []);
    assert.deepEqual(requests, [], 'no request leaves the page');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'report.png'), fullPage: false });
    await page.screenshot({ path: join(SHOTS, 'report-full.png'), fullPage: true });
  } finally {
    await browser.close();
  }
});

test('a partner called <script> renders as text', async () => {
  const doc = {
    format: 'convener/1',
    initiative: { id: 'x', name: '<script>window.hacked = 1</script>' },
    partners: [
      { id: 'a', name: '<script>window.hacked = 2</script>', sector: 'health' },
      { id: 'b', name: '<img src=x onerror="window.hacked = 3">' },
    ],
    ties: [{ from: 'a', to: 'b', level: 'collaborate' }],
  };
  const dir = mkdtempSync(join(tmpdir(), 'convener-xss-'));
  const input = join(dir, 'doc.json');
  writeFileSync(input, JSON.stringify(doc));
  const browser = await launch();
  try {
    const { page, requests } = await open(browser, render(input));
    assert.equal(await page.evaluate(() => window.hacked), undefined);
    assert.equal(await page.locator('h1').textContent(), '<script>window.hacked = 1</script>');
    assert.ok(await page.getByRole('rowheader', { name: '<script>window.hacked = 2</script>' }).first().isVisible());
    assert.equal(await page.locator('body script').count(), 0);
    assert.deepEqual(requests, []);
  } finally {
    await browser.close();
  }
});
