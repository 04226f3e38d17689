// convener in the browser: a coordinator opens a JSON document or a folder of CSV files (or
// the bundled example) and sees the five conditions, the partner network (with a what-if
// on click), the run charts and the findings. Everything runs here, in WebAssembly: no
// file is uploaded and nothing is fetched from anywhere but this page's own folder.
//
// The single-file build (build-single.mjs) replaces the import line below with the inlined
// glue; keep it one line, and keep this file free of exports and of other imports (and of
// the module-only meta object).
import init, { analyzeJson, render, fromCsv, version, Initiative } from '../../bindings/wasm/pkg/web/convener.js';

const CONDITIONS = [
  'common_agenda', 'shared_measurement', 'mutually_reinforcing_activities',
  'continuous_communication', 'backbone_support',
];
// The four sector groups and their colours, as in the HTML report (svg.rs): the Okabe–Ito
// palette, darkened where needed for 3:1 against white.
const GROUPS = [
  { id: 'statutory', colour: '#0072B2', name: 'public services' },
  { id: 'third_sector', colour: '#B35900', name: 'third sector' },
  { id: 'community', colour: '#007A5E', name: 'communities and families' },
  { id: 'other', colour: '#6B6B6B', name: 'others' },
];
const SECTOR_GROUP = {
  statutory: 'statutory', health: 'statutory', education: 'statutory', police_justice: 'statutory',
  third_sector: 'third_sector', community: 'community', family_voice: 'community',
};
const SVG_NS = 'http://www.w3.org/2000/svg';

const state = {
  initiative: null, // the wasm Initiative
  source: null, // what was opened: JSON text or a document object (from CSV)
  doc: null, // the document as an object (the core's own JSON)
  report: null, // the full report
  removed: new Set(), // partner ids left out of the what-if
  whatIf: null, // {removed, delta, report} when partners are left out
  names: new Map(), // partner id → name
  activities: new Map(), // activity id → name
  label: '', // where the data came from, for messages
};

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------------------------------
// Small DOM helpers: every text goes in as a text node, never as markup.

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.setAttribute('class', v);
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

function fill(id, ...children) {
  const el = $(id);
  el.replaceChildren();
  append(el, children);
  return el;
}

// ---------------------------------------------------------------------------------------
// Numbers as the HTML report writes them.

const num = (v, digits = 0) => (v === null || v === undefined ? '–' : Number(v).toFixed(digits));
const value = (v) => {
  if (v === null || v === undefined) return '–';
  const a = Math.abs(v);
  return Number(v).toLocaleString('en-GB', { maximumFractionDigits: a >= 1000 ? 0 : a >= 10 ? 1 : 2 });
};
const pct = (v) => (v === null || v === undefined ? '–' : `${Math.round(v * 100)}%`);
const words = (id) => String(id ?? '').replaceAll('_', ' ');
const groupOf = (sector) => SECTOR_GROUP[sector] ?? 'other';
const colourOf = (sector) => GROUPS.find((g) => g.id === groupOf(sector)).colour;
const partnerName = (id) => state.names.get(id) ?? id;
const activityName = (id) => state.activities.get(id) ?? id;

function signed(v, digits = 1) {
  const text = Math.abs(v).toFixed(digits);
  if (Number(text) === 0) return '±0';
  return (v > 0 ? '+' : '−') + text;
}

function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function sectorText(p) {
  const sector = words(p.sector ?? 'unknown');
  const group = GROUPS.find((g) => g.id === groupOf(p.sector)).name;
  const parts = [sector];
  if (group !== sector) parts.push(group);
  if (p.id === state.doc.backbone?.partner) parts.push('the backbone');
  return parts.join(' · ');
}

function listText(items) {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function announce(text, region = 'status') {
  // Clear first so that the same message twice is still read out.
  const status = $(region);
  status.textContent = '';
  window.setTimeout(() => { status.textContent = text; }, 30);
}

// ---------------------------------------------------------------------------------------
// Opening data.

async function openJsonText(text, label) {
  await openSource(text, label);
}

async function openCsvFiles(files, label) {
  // files: [{name, text}] — the name of each file within its folder.
  const map = {};
  for (const f of files) map[f.name] = f.text;
  let doc;
  try {
    doc = fromCsv(map);
  } catch (e) {
    showProblems(e, label);
    return;
  }
  await openSource(doc, label);
}

async function openSource(source, label) {
  let initiative;
  try {
    initiative = new Initiative(source);
  } catch (e) {
    showProblems(e, label);
    return;
  }
  let report;
  try {
    report = initiative.report();
  } catch (e) {
    initiative.free();
    showProblems(e, label);
    return;
  }
  if (state.initiative) state.initiative.free();
  state.initiative = initiative;
  state.source = source;
  state.doc = JSON.parse(initiative.toJson());
  state.report = report;
  state.removed = new Set();
  state.whatIf = null;
  state.label = label;
  state.names = new Map(state.doc.partners.map((p) => [p.id, p.name]));
  state.activities = new Map((state.doc.activities ?? []).map((a) => [a.id, a.name]));
  $('problems').hidden = true;
  renderReport();
  $('report').hidden = false;
  // Take the reader to what they opened.
  $('initiative-name').focus({ preventScroll: true });
  $('initiative-name').scrollIntoView({ block: 'start' });
  const i = report.initiative;
  announce(`Opened ${i.name} from ${label}: ${i.partners} partners, ${i.indicators} indicators, ${report.findings.length} findings.`);
}

function issueWhere(issue) {
  if (issue.pointer !== undefined && issue.pointer !== null) return issue.pointer === '' ? 'the whole document' : issue.pointer;
  if (issue.file) {
    let at = `${issue.file}:${issue.row}`;
    if (issue.column !== null && issue.column !== undefined) at += `:${issue.column}`;
    return at;
  }
  if (issue.line) return `line ${issue.line}, column ${issue.column}`;
  return '';
}

function showProblems(error, label, extra = []) {
  const issues = Array.isArray(error?.issues) && error.issues.length
    ? error.issues
    : [{ code: error?.code ?? 'error', message: error?.message ?? String(error) }];
  const all = [...issues, ...extra];
  const more = error?.more ? ` and ${error.more} more` : '';
  const n = all.length;
  const still = state.report ? ` The report below is still that of ${state.report.initiative.name}.` : '';
  fill('problems-lede', `${label}: ${n} problem${n === 1 ? '' : 's'}${more}. Fix ${n === 1 ? 'it' : 'them'} in your data and open it again.${still}`);
  fill('problem-list', all.map((i) => h('li', {},
    issueWhere(i) ? h('code', { class: 'where', text: issueWhere(i) }) : null,
    issueWhere(i) ? ' ' : null,
    h('span', { text: i.message }),
    i.code ? h('span', { class: 'code', text: ` [${i.code}]` }) : null)));
  $('problems').hidden = false;
  $('problems-title').focus();
  announce(`${label} could not be read: ${n} problem${n === 1 ? '' : 's'}${more}.`);
}

function problem(message, label) {
  showProblems({ code: 'input', message, issues: [] }, label);
}

const isCsv = (name) => /\.csv$/i.test(name);
const isJson = (name) => /\.json$/i.test(name);

// Files given by the pickers or a drop: one JSON document, or CSV files (a folder's worth).
async function openFiles(entries, label) {
  // entries: [{name, path, file}]
  const json = entries.filter((e) => isJson(e.name));
  const csv = entries.filter((e) => isCsv(e.name));
  if (json.length === 1 && csv.length === 0) {
    announce(`Reading ${json[0].name}…`);
    await openJsonText(await json[0].file.text(), json[0].name);
    return;
  }
  if (csv.length > 0 && json.length === 0) {
    // A folder may hold copies further down: keep the shallowest file of each name.
    const byName = new Map();
    for (const e of csv) {
      const depth = (e.path || e.name).split('/').length;
      const seen = byName.get(e.name);
      if (!seen || depth < seen.depth) byName.set(e.name, { ...e, depth });
    }
    const files = await Promise.all([...byName.values()].map(async (e) => ({ name: e.name, text: await e.file.text() })));
    announce(`Reading ${files.length} CSV files…`);
    await openCsvFiles(files, label || `${files.length} CSV files`);
    return;
  }
  if (json.length > 1) problem('Several JSON files: open one document at a time.', label || 'The files');
  else if (json.length && csv.length) problem('Both JSON and CSV files: open either one JSON document or the CSV files of one partnership.', label || 'The files');
  else problem('No JSON or CSV file found: convener reads a .json document or a folder of .csv files.', label || 'The files');
}

function fromFileList(list) {
  return [...list].map((file) => ({ name: file.name, path: file.webkitRelativePath || file.name, file }));
}

// Walks a dropped folder (one level of subfolders is enough for an export).
async function entriesOf(entry, depth = 0) {
  if (entry.isFile) {
    const file = await new Promise((ok, fail) => entry.file(ok, fail));
    return [{ name: file.name, path: entry.fullPath.replace(/^\//, ''), file }];
  }
  if (!entry.isDirectory || depth > 2) return [];
  const reader = entry.createReader();
  const children = [];
  for (;;) {
    const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
    if (!batch.length) break;
    children.push(...batch);
  }
  const nested = await Promise.all(children.map((c) => entriesOf(c, depth + 1)));
  return nested.flat();
}

async function onDrop(event) {
  event.preventDefault();
  $('dropzone').classList.remove('dragging');
  const dt = event.dataTransfer;
  if (!dt) return;
  // Entries must be taken before the first await.
  const entries = dt.items ? [...dt.items].map((i) => (i.kind === 'file' && i.webkitGetAsEntry ? i.webkitGetAsEntry() : null)) : [];
  let files;
  if (entries.length && entries.every(Boolean)) {
    const folder = entries.length === 1 && entries[0].isDirectory ? entries[0].name : '';
    files = (await Promise.all(entries.map((e) => entriesOf(e)))).flat();
    await openFiles(files, folder ? `the folder ${folder}` : '');
  } else {
    files = fromFileList(dt.files);
    await openFiles(files, '');
  }
}

async function loadExample() {
  announce('Loading the example…');
  // The single-file build carries the example in the page; otherwise it sits beside it.
  const inline = document.getElementById('convener-example');
  let text;
  if (inline) {
    text = inline.textContent;
  } else {
    try {
      const response = await fetch(new URL('../data/family-support.json', document.baseURI));
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      text = await response.text();
    } catch (e) {
      problem(`The example could not be loaded (${e.message}).`, 'The example');
      return;
    }
  }
  await openJsonText(text, 'the example');
}

// ---------------------------------------------------------------------------------------
// Downloads, as Blob URLs: the data stays on the machine.

function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function fileStem() {
  return String(state.report?.initiative?.id || 'partnership').replace(/[^A-Za-z0-9_.-]+/g, '-');
}

function downloadJson() {
  try {
    download(analyzeJson(state.source), `${fileStem()}-report.json`, 'application/json');
    announce('The report was saved as JSON.');
  } catch (e) { showProblems(e, 'The report'); }
}

function downloadHtml() {
  try {
    download(render(state.source, 'html'), `${fileStem()}-report.html`, 'text/html');
    announce('The report was saved as an HTML page.');
  } catch (e) { showProblems(e, 'The report'); }
}

function downloadWhatIf() {
  if (!state.whatIf) return;
  download(`${JSON.stringify(state.whatIf, null, 2)}\n`, `${fileStem()}-what-if.json`, 'application/json');
  announce('The what-if was saved as JSON.', 'whatif-status');
}

// ---------------------------------------------------------------------------------------
// The report.

function renderReport() {
  const r = state.report;
  const i = r.initiative;
  fill('initiative-name', i.name);
  const where = [i.place, r.as_of ? `as of ${r.as_of}` : null].filter(Boolean).join(', ');
  fill('initiative-lede',
    where ? `${where}. ` : '',
    `${i.partners} partners, ${i.ties} ties, ${i.indicators} indicators, ${i.activities} activities. Opened from ${state.label}.`);
  renderScorecard();
  renderEvidence();
  renderNetwork();
  renderWhatIf();
  renderMeasurement();
  renderFindings();
}

function conditionOf(report, key) {
  return report?.conditions?.[key];
}

function scoreCell(c) {
  const score = c.score ?? 0;
  const bar = h('span', { class: 'bar' });
  bar.style.width = `${Math.max(0, Math.min(100, score))}%`;
  return h('td', { class: 'num score' },
    h('span', { class: 'bar-track', 'aria-hidden': 'true' }, bar),
    h('span', { class: 'score-value', text: num(c.score, 0) }));
}

function afterCell(before, after) {
  if (!after) return h('td', { class: 'after', text: '–' });
  const change = (after.score ?? 0) - (before.score ?? 0);
  const dir = Math.abs(change) < 0.05 ? 'same' : change < 0 ? 'down' : 'up';
  const stage = after.stage !== before.stage ? h('span', { class: 'stage-change', text: ` now ${after.stage}` }) : null;
  return h('td', { class: `after ${dir}`, 'data-condition': after.condition },
    h('span', { class: 'after-score', text: num(after.score, 0) }), ' ',
    h('span', { class: 'change', text: `(${signed(change)})` }), stage);
}

function renderScorecard() {
  const r = state.report;
  const w = state.whatIf?.report;
  const without = w ? listText(state.whatIf.removed.map(partnerName)) : '';
  const head = h('tr', {},
    h('th', { scope: 'col', text: 'Condition' }),
    h('th', { scope: 'col', class: 'num', text: 'Score (of 100)' }),
    h('th', { scope: 'col', text: 'Stage' }),
    h('th', { scope: 'col', class: 'num', text: 'Confidence' }),
    w ? h('th', { scope: 'col', class: 'after-head' }, 'Without ', h('span', { class: 'who', text: without })) : null);
  const rows = CONDITIONS.map((key) => {
    const c = conditionOf(r, key);
    return h('tr', { 'data-condition': key },
      h('th', { scope: 'row' }, h('a', { href: `#evidence-${key}`, text: c.name, onclick: () => openEvidence(key) })),
      scoreCell(c),
      h('td', { class: 'stage' }, h('span', { class: `stage-pill stage-${c.stage}`, text: c.stage })),
      h('td', { class: 'num', text: pct(c.confidence) }),
      w ? afterCell(c, conditionOf(w, key)) : null);
  });
  fill('scorecard', h('div', { class: 'table-scroll' }, h('table', { class: 'scorecard', id: 'scorecard-table' },
    h('caption', { text: w ? `Scorecard, now and without ${without}` : 'Scorecard' }),
    h('thead', {}, head), h('tbody', {}, rows))));
}

function openEvidence(key) {
  const d = $(`evidence-${key}`);
  if (d) d.open = true;
}

function subMeasureValue(sm) {
  if (sm.value === null || sm.value === undefined) return sm.weight === 0 ? 'not applicable' : 'not collected';
  return `${Math.round(sm.value * 100)}%`;
}

function renderEvidence() {
  const r = state.report;
  const w = state.whatIf?.report;
  const blocks = CONDITIONS.map((key) => {
    const c = conditionOf(r, key);
    const after = conditionOf(w, key);
    const afterSubs = new Map((after?.sub_measures ?? []).map((m) => [m.id, m]));
    const wasOpen = $(`evidence-${key}`)?.open ?? false;
    const rows = c.sub_measures.map((sm) => {
      const a = afterSubs.get(sm.id);
      const changed = a && subMeasureValue(a) !== subMeasureValue(sm);
      return h('tr', { class: changed ? 'changed' : null },
        h('th', { scope: 'row', text: sm.name }),
        h('td', { class: 'num', text: subMeasureValue(sm) }),
        w ? h('td', { class: 'num', text: a ? subMeasureValue(a) : '–' }) : null,
        h('td', { class: 'num', text: String(sm.weight) }),
        h('td', {}, sm.explanation, w && a && changed ? h('span', { class: 'muted block', text: `Without: ${a.explanation}` }) : null));
    });
    const p = c.perception;
    const perception = p ? h('p', {},
      `Partners' view (survey ${p.survey}, ${p.date}): ${p.respondents} respondents, mean ${num(p.mean, 2)} of 5`,
      p.band ? ` (${p.band})` : '', `, agreement ${pct(p.agreement)}`,
      p.group_gap !== null && p.group_gap !== undefined ? `, gap between sector groups ${num(p.group_gap, 2)} points` : '', '.') : null;
    const mine = r.findings.filter((f) => f.condition === key);
    return h('details', { id: `evidence-${key}`, class: 'evidence', open: wasOpen },
      h('summary', {}, h('span', { class: 'summary-name', text: c.name }),
        h('span', { class: 'summary-meta', text: ` · ${num(c.score, 0)} of 100, ${c.stage}, confidence ${pct(c.confidence)}` })),
      h('p', { class: 'muted', text: c.description }),
      c.stage_note ? h('p', { text: `The stage is ${c.stage_note}.` }) : null,
      c.absent_because ? h('p', {}, h('strong', { text: 'Absent: ' }), `${c.absent_because}.`) : null,
      c.missing?.length ? h('p', { text: `Not yet collected: ${c.missing.join(', ')}.` }) : null,
      h('div', { class: 'table-scroll' }, h('table', {},
        h('caption', { text: `The evidence behind the score of ${c.name.toLowerCase()}` }),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', text: 'Evidence' }),
          h('th', { scope: 'col', class: 'num', text: 'Value' }),
          w ? h('th', { scope: 'col', class: 'num', text: 'Without' }) : null,
          h('th', { scope: 'col', class: 'num', text: 'Weight' }),
          h('th', { scope: 'col', text: 'How it was reached' }))),
        h('tbody', {}, rows))),
      perception,
      mine.length ? h('p', { class: 'muted', text: `${mine.length} finding${mine.length === 1 ? '' : 's'} on ${c.name.toLowerCase()} below.` }) : null);
  });
  fill('evidence', blocks);
}

// ---------------------------------------------------------------------------------------
// The network: positions and connections come from the core (the same layout as the HTML
// report's picture), so the page draws exactly what the report does.

function partnerLabel(p, m) {
  return `${p.name} (${words(p.sector ?? 'unknown')}): ${m?.degree ?? '–'} connections, betweenness ${num(m?.betweenness, 3)}`;
}

function renderNetwork() {
  const r = state.report;
  const net = r.network;
  const sm = net.summary;
  fill('network-summary',
    `${sm.partners} partners and ${sm.connections} connections (ties at ${net.min_level} or above); `
    + `density ${num(sm.density, 2)}, ${sm.components} component${sm.components === 1 ? '' : 's'} `
    + `(the largest holds ${pct(sm.largest_component_share)} of partners), ${sm.isolates} isolated. `
    + `Reciprocity ${pct(sm.reciprocity)}, trust ${net.trust?.percent !== null && net.trust?.percent !== undefined ? `${Math.round(net.trust.percent)}%` : '–'} of the top of the scale.`);
  renderLegend();
  renderPartnerTable();
  renderKeyPlayers();
  const figure = $('network-figure');
  figure.replaceChildren();
  const doc = state.doc;
  const n = doc.partners.length;
  // null when there is nothing to draw, or too many partners to draw legibly.
  const drawing = n === 0 ? null : state.initiative.drawing();
  if (!drawing) {
    figure.append(h('p', { class: 'muted', text: `The network has ${n} partners: ${n ? 'too many to draw legibly' : 'nothing to draw'}. The table lists every partner.` }));
    $('partner-table-details').open = true;
    return;
  }
  const W = drawing.width;
  const H = drawing.height;
  const xy = drawing.positions;
  const edges = drawing.connections;
  const metrics = new Map(net.partners.map((m) => [m.partner, m]));
  const maxB = Math.max(0, ...net.partners.map((m) => m.betweenness ?? 0));
  const backbone = doc.backbone?.partner;

  const svg = s('svg', {
    class: 'network', viewBox: `0 0 ${W} ${H}`, role: 'group',
    'aria-labelledby': 'network-svg-title', 'aria-describedby': 'network-svg-desc network-help',
  });
  svg.append(
    s('title', { id: 'network-svg-title', text: 'The partner network' }),
    s('desc', { id: 'network-svg-desc', text: `${n} partners as circles coloured by sector group and sized by betweenness, joined by ${edges.length} connections at ${net.min_level} or above. Each partner is a button: press Enter to see the partnership without it. The table after the picture lists every partner's measures.` }));
  const lines = s('g', { class: 'edges', 'aria-hidden': 'true' });
  for (const [a, b] of edges) {
    lines.append(s('line', {
      x1: xy[a][0].toFixed(1), y1: xy[a][1].toFixed(1), x2: xy[b][0].toFixed(1), y2: xy[b][1].toFixed(1),
      'data-a': doc.partners[a].id, 'data-b': doc.partners[b].id,
    }));
  }
  svg.append(lines);
  const nodes = s('g', { class: 'nodes' });
  doc.partners.forEach((p, i) => {
    const m = metrics.get(p.id);
    const [x, y] = xy[i];
    const r = 5 + (maxB > 0 ? (11 * (m?.betweenness ?? 0)) / maxB : 0);
    const fillColour = colourOf(p.sector);
    const g = s('g', {
      class: 'partner', 'data-partner': p.id, tabindex: 0, role: 'button',
      'aria-label': `${partnerLabel(p, m)}. Press Enter to see the partnership without it.`,
    });
    g.append(s('title', { text: partnerLabel(p, m) }));
    // A larger, invisible target so that small partners are easy to point at.
    g.append(s('circle', { class: 'hit', cx: x.toFixed(1), cy: y.toFixed(1), r: Math.max(r + 4, 12).toFixed(1) }));
    g.append(s('circle', { class: 'focus-ring', cx: x.toFixed(1), cy: y.toFixed(1), r: (r + 7).toFixed(1) }));
    if (p.id === backbone) {
      g.append(s('rect', {
        class: 'node', x: (x - r).toFixed(1), y: (y - r).toFixed(1), width: (2 * r).toFixed(1), height: (2 * r).toFixed(1),
        fill: fillColour, stroke: '#1A1A1A', 'stroke-width': 2,
      }));
    } else {
      g.append(s('circle', { class: 'node', cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), fill: fillColour, stroke: '#FFFFFF', 'stroke-width': 1 }));
    }
    if (m?.articulation_point) {
      g.append(s('circle', { class: 'articulation', cx: x.toFixed(1), cy: y.toFixed(1), r: (r + 4).toFixed(1), fill: 'none', stroke: '#1A1A1A', 'stroke-width': 2, 'stroke-dasharray': '3 2' }));
    }
    // Shown when the partner is left out of the what-if.
    g.append(s('path', { class: 'cross', d: `M${(x - 5).toFixed(1)} ${(y - 5).toFixed(1)} L${(x + 5).toFixed(1)} ${(y + 5).toFixed(1)} M${(x + 5).toFixed(1)} ${(y - 5).toFixed(1)} L${(x - 5).toFixed(1)} ${(y + 5).toFixed(1)}` }));
    g.addEventListener('click', () => toggleRemoved(p.id));
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggleRemoved(p.id); }
    });
    g.addEventListener('pointerenter', () => showPartner(p.id));
    g.addEventListener('focus', () => showPartner(p.id));
    g.addEventListener('pointerleave', () => highlight(null));
    g.addEventListener('blur', () => highlight(null));
    nodes.append(g);
  });
  svg.append(nodes);
  svg.append(networkLabels(doc, net, xy, backbone, W));
  figure.append(svg, h('figcaption', { class: 'visually-hidden', text: 'The partner network. The legend follows; the table after it gives every partner\'s measures.' }));
  updateNetworkState();
}

function networkLabels(doc, net, xy, backbone, W) {
  const n = doc.partners.length;
  const ranked = [...Array(n).keys()].filter((i) => (net.partners[i]?.betweenness ?? 0) > 0);
  ranked.sort((a, b) => (net.partners[b].betweenness - net.partners[a].betweenness) || a - b);
  ranked.splice(6);
  const b = doc.partners.findIndex((p) => p.id === backbone);
  if (b >= 0 && !ranked.includes(b)) ranked.push(b);
  const g = s('g', { class: 'labels', 'aria-hidden': 'true' });
  const placed = [];
  for (const i of ranked) {
    const [x, y] = xy[i];
    const full = doc.partners[i].name;
    const chars = [...full];
    const name = chars.length > 26 ? `${chars.slice(0, 25).join('')}…` : full;
    const half = [...name].length * 3.4;
    for (const ty of [y - 18, y + 28]) {
      const bx = [Math.max(x - half, 2), ty - 11, Math.min(x + half, W - 2), ty + 3];
      if (placed.some((p) => bx[0] < p[2] && p[0] < bx[2] && bx[1] < p[3] && p[1] < bx[3])) continue;
      placed.push(bx);
      g.append(s('text', { x: Math.min(Math.max(x, half), W - half).toFixed(1), y: ty.toFixed(1), 'text-anchor': 'middle', 'data-partner': doc.partners[i].id, text: name }));
      break;
    }
  }
  return g;
}

function renderLegend() {
  const dot = (colour) => h('span', { class: 'swatch', 'aria-hidden': 'true' }, (() => {
    const svg = s('svg', { width: 14, height: 14, focusable: 'false' }, s('circle', { cx: 7, cy: 7, r: 6, fill: colour }));
    return svg;
  })());
  fill('network-legend',
    GROUPS.map((g) => h('li', {}, dot(g.colour), g.name)),
    h('li', {}, h('span', { class: 'swatch', 'aria-hidden': 'true' }, s('svg', { width: 14, height: 14, focusable: 'false' },
      s('rect', { x: 1, y: 1, width: 12, height: 12, fill: '#6B6B6B', stroke: '#1A1A1A', 'stroke-width': 2 }))), 'the backbone'),
    h('li', {}, h('span', { class: 'swatch', 'aria-hidden': 'true' }, s('svg', { width: 18, height: 18, focusable: 'false' },
      s('circle', { cx: 9, cy: 9, r: 7, fill: 'none', stroke: '#1A1A1A', 'stroke-width': 2, 'stroke-dasharray': '3 2' }))), 'the only link between parts of the network'),
    h('li', {}, h('span', { class: 'swatch', 'aria-hidden': 'true' }, s('svg', { width: 14, height: 14, focusable: 'false' },
      s('circle', { cx: 7, cy: 7, r: 6, fill: '#FFFFFF', stroke: '#4D4D4D', 'stroke-width': 1.5, 'stroke-dasharray': '2 2' }),
      s('path', { d: 'M4 4 L10 10 M10 4 L4 10', stroke: '#4D4D4D', 'stroke-width': 1.5 }))), 'left out of the what-if'),
    h('li', { text: 'larger: more of the shortest paths between others run through the partner' }));
}

function renderPartnerTable() {
  const net = state.report.network;
  const rows = net.partners.map((p) => h('tr', {},
    h('th', { scope: 'row', text: p.name }),
    h('td', { text: words(p.sector) }),
    h('td', { class: 'num', text: p.degree ?? '–' }),
    h('td', { class: 'num', text: num(p.betweenness, 3) }),
    h('td', { class: 'num', text: num(p.closeness, 3) }),
    h('td', { class: 'num', text: p.community ?? '–' }),
    h('td', { class: 'num', text: num(p.trust, 2) }),
    h('td', { text: p.articulation_point ? 'yes' : 'no' })));
  fill('partner-table', h('table', {},
    h('caption', { text: 'Partners and their place in the network' }),
    h('thead', {}, h('tr', {}, ['Partner', 'Sector', 'Connections', 'Betweenness', 'Closeness', 'Community', 'Trust (1–4)', 'Only link between parts']
      .map((t, i) => h('th', { scope: 'col', class: i >= 2 && i <= 6 ? 'num' : null, text: t })))),
    h('tbody', {}, rows)));
}

function renderKeyPlayers() {
  const kp = state.report.network.key_players ?? [];
  if (!kp.length) { fill('key-players'); return; }
  const rows = kp.slice(0, 5).map((k) => h('tr', {},
    h('th', { scope: 'row', text: partnerName(k.partner) }),
    h('td', { class: 'num', text: k.pairs_disconnected }),
    h('td', { class: 'num', text: k.cascade_partners }),
    h('td', { class: 'num', text: k.cascade_activities }),
    h('td', {}, h('button', {
      type: 'button', class: 'small secondary', 'data-partner': k.partner,
      onclick: () => toggleRemoved(k.partner, true),
    }, keyPlayerButtonText(k.partner)))));
  fill('key-players',
    h('h3', { text: 'Partners the network can least afford to lose' }),
    h('div', { class: 'table-scroll' }, h('table', {},
      h('caption', { text: 'Key players, by the damage of their loss' }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', text: 'Partner' }),
        h('th', { scope: 'col', class: 'num', text: 'Pairs cut off' }),
        h('th', { scope: 'col', class: 'num', text: 'Partners losing a provider' }),
        h('th', { scope: 'col', class: 'num', text: 'Activities hit' }),
        h('th', { scope: 'col', text: 'What if' }))),
      h('tbody', {}, rows))));
}

// The visible words, and the partner's name for screen readers (the accessible name
// starts with the visible text).
function keyPlayerButtonText(id) {
  const out = state.removed.has(id);
  return [out ? 'Bring back' : 'See without', h('span', { class: 'visually-hidden', text: ` ${partnerName(id)}` })];
}

function highlight(id) {
  for (const line of document.querySelectorAll('svg.network line')) {
    line.classList.toggle('near', id !== null && (line.dataset.a === id || line.dataset.b === id));
  }
}

function showPartner(id) {
  highlight(id);
  const p = state.doc.partners.find((x) => x.id === id);
  const m = state.report.network.partners.find((x) => x.partner === id);
  if (!p || !m) return;
  const kp = (state.report.network.key_players ?? []).find((k) => k.partner === id);
  const leads = (state.doc.activities ?? []).filter((a) => a.lead === id).map((a) => a.name);
  const row = (name, value) => [h('dt', { text: name }), h('dd', { text: value })];
  const removed = state.removed.has(id);
  fill('partner-panel-body',
    h('p', { class: 'partner-name' },
      h('span', { class: 'swatch', 'aria-hidden': 'true' }, s('svg', { width: 12, height: 12, focusable: 'false' }, s('circle', { cx: 6, cy: 6, r: 6, fill: colourOf(p.sector) }))),
      h('strong', { text: p.name })),
    h('p', { class: 'muted', text: sectorText(p) }),
    h('dl', { class: 'measures' },
      row('Connections', m.degree ?? '–'),
      row('Betweenness', num(m.betweenness, 3)),
      row('Closeness', num(m.closeness, 3)),
      row('Community', m.community ?? '–'),
      row('Trust (1–4)', num(m.trust, 2)),
      row('Only link between parts', m.articulation_point ? 'yes' : 'no'),
      kp ? row('If it left', `${plural(kp.pairs_disconnected, 'pair')} cut off, ${plural(kp.cascade_partners, 'partner')} losing a provider, ${plural(kp.cascade_activities, 'activity', 'activities')} hit`) : null,
      leads.length ? row('Leads', leads.join('; ')) : null),
    h('p', { class: 'muted small', text: removed ? 'Left out of the what-if: click or press Enter to bring it back.' : 'Click or press Enter to see the partnership without it.' }));
}

function updateNetworkState() {
  for (const g of document.querySelectorAll('svg.network g.partner')) {
    const id = g.dataset.partner;
    const out = state.removed.has(id);
    g.classList.toggle('removed', out);
    const p = state.doc.partners.find((x) => x.id === id);
    const m = state.report.network.partners.find((x) => x.partner === id);
    g.setAttribute('aria-label', out
      ? `${p.name}: left out of the what-if. Press Enter to bring it back.`
      : `${partnerLabel(p, m)}. Press Enter to see the partnership without it.`);
  }
  for (const line of document.querySelectorAll('svg.network line')) {
    line.classList.toggle('gone', state.removed.has(line.dataset.a) || state.removed.has(line.dataset.b));
  }
  for (const t of document.querySelectorAll('svg.network .labels text')) {
    t.classList.toggle('gone', state.removed.has(t.dataset.partner));
  }
  for (const b of document.querySelectorAll('#key-players button[data-partner]')) {
    b.replaceChildren(...keyPlayerButtonText(b.dataset.partner));
  }
}

// ---------------------------------------------------------------------------------------
// What-if.

function toggleRemoved(id, fromTable = false) {
  if (state.removed.has(id)) state.removed.delete(id);
  else state.removed.add(id);
  runWhatIf();
  if (state.doc.partners.some((p) => p.id === id)) showPartner(id);
  if (fromTable) $('whatif-panel').scrollIntoView({ block: 'nearest' });
}

function restoreEveryone() {
  state.removed.clear();
  runWhatIf();
  // The button is gone with the what-if: keep the reader where they were.
  $('whatif-title').focus({ preventScroll: true });
}

function runWhatIf() {
  if (state.removed.size === 0) {
    state.whatIf = null;
  } else {
    // The core checks the ids: send them in document order.
    const ids = state.doc.partners.map((p) => p.id).filter((id) => state.removed.has(id));
    try {
      state.whatIf = state.initiative.whatIf(ids);
    } catch (e) {
      state.whatIf = null;
      state.removed.clear();
      announce(`The what-if could not be computed: ${e.message}`, 'whatif-status');
    }
  }
  renderScorecard();
  renderEvidence();
  renderWhatIf();
  updateNetworkState();
  announce(whatIfSentence(), 'whatif-status');
}

function whatIfSentence() {
  if (!state.whatIf) return 'Everyone is back: the scores are those of the whole partnership.';
  const who = listText(state.whatIf.removed.map(partnerName));
  const changes = CONDITIONS.map((key) => {
    const before = conditionOf(state.report, key);
    const after = conditionOf(state.whatIf.report, key);
    return { name: before.name.toLowerCase(), before: before.score ?? 0, after: after?.score ?? 0 };
  }).filter((c) => Math.round(c.before) !== Math.round(c.after));
  const text = changes.length
    ? changes.map((c) => `${c.name} ${num(c.before, 0)} to ${num(c.after, 0)}`).join(', ')
    : 'no score changes by a whole point';
  return `Without ${who}: ${text}.`;
}

function renderWhatIf() {
  const body = $('whatif-body');
  body.replaceChildren();
  if (!state.whatIf) {
    append(body, [
      h('p', { text: 'Click a partner in the picture, or focus it and press Enter, to see the five conditions and the network without it. You can leave out several.' }),
    ]);
    return;
  }
  const w = state.whatIf;
  const d = w.delta;
  const who = listText(w.removed.map(partnerName));
  const rows = CONDITIONS.map((key) => {
    const before = conditionOf(state.report, key);
    const after = conditionOf(w.report, key);
    const change = (after?.score ?? 0) - (before.score ?? 0);
    const dir = Math.abs(change) < 0.05 ? 'same' : change < 0 ? 'down' : 'up';
    return h('tr', { 'data-condition': key },
      h('th', { scope: 'row', text: before.name }),
      h('td', { class: 'num', text: num(before.score, 0) }),
      h('td', { class: 'num', text: num(after?.score, 0) }),
      h('td', { class: `num ${dir}`, text: signed(change) }));
  });
  const changeLine = (label, c, format) => (c && format(c.before) !== format(c.after) ? h('li', { text: `${label}: ${format(c.before)} → ${format(c.after)}` }) : null);
  const consequences = [
    changeLine('Separate parts of the network', d.components, (v) => String(v)),
    changeLine('Partners in the largest connected part', d.largest_component_share, pct),
    changeLine('Pairs of partners who cannot reach each other', d.fragmentation, pct),
    changeLine('Partners within two steps of the backbone', d.backbone_reach, pct),
    d.newly_isolated?.length ? h('li', { text: `Left with no connection: ${listText(d.newly_isolated.map(partnerName))}` }) : null,
    d.cascade?.partners?.length ? h('li', { text: `Partners losing a provider: ${listText(d.cascade.partners.map(partnerName))}` }) : null,
    d.activities_without_lead?.length ? h('li', { text: `Activities left without their lead: ${listText(d.activities_without_lead.map(activityName))}` }) : null,
    d.cascade?.activities?.length ? h('li', { text: `Activities hit: ${d.cascade.activities.length}` }) : null,
  ].filter(Boolean);
  const count = (findings, sev) => findings.filter((f) => f.severity === sev).length;
  const findingsLine = ['risk', 'warning'].map((sev) => {
    const [a, b] = [count(state.report.findings, sev), count(w.report.findings, sev)];
    return a === b ? null : `${sev === 'risk' ? 'risks' : 'warnings'} ${a} → ${b}`;
  }).filter(Boolean);
  append(body, [
    h('p', { class: 'whatif-who' }, 'Without ', h('strong', { text: who }), ':'),
    h('table', { class: 'compact', id: 'whatif-table' },
      h('caption', { class: 'visually-hidden', text: `The five conditions now and without ${who}` }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', text: 'Condition' }),
        h('th', { scope: 'col', class: 'num', text: 'Now' }),
        h('th', { scope: 'col', class: 'num', text: 'Without' }),
        h('th', { scope: 'col', class: 'num', text: 'Change' }))),
      h('tbody', {}, rows)),
    consequences.length ? [h('p', { class: 'small-head', text: 'In the network' }), h('ul', { class: 'consequences' }, consequences)] : null,
    findingsLine.length ? h('p', { class: 'small' }, h('strong', { text: 'Findings: ' }), `${findingsLine.join(', ')}. `, 'Download the what-if for the full report without them.') : null,
    h('div', { class: 'button-row' },
      h('button', { type: 'button', id: 'restore', onclick: restoreEveryone, text: 'Restore everyone' }),
      h('button', { type: 'button', class: 'secondary', id: 'download-whatif', onclick: downloadWhatIf, text: 'Download this what-if (JSON)' })),
  ]);
}

// ---------------------------------------------------------------------------------------
// Shared measurement: run charts of the pooled series, as the HTML report draws them.

function shortNumber(v) {
  const a = Math.abs(v);
  if (a >= 100000) return `${(v / 1000).toFixed(0)}k`;
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

function longestRunIndices(points, offset, len, centre) {
  if (centre === null || centre === undefined) return [];
  let best = [];
  let current = [];
  let side = 0;
  for (let i = offset; i < Math.min(offset + len, points.length); i++) {
    const v = points[i].value;
    if (v === null || v === undefined) continue;
    const sgn = v > centre ? 1 : v < centre ? -1 : 0;
    if (sgn === 0) continue;
    if (sgn !== side) { current = []; side = sgn; }
    current.push(i);
    if (current.length > best.length) best = [...current];
  }
  return best;
}

function runChart(id, title, points, phases, target) {
  const shown = points.map((p, i) => [i, p.value]).filter(([, v]) => v !== null && v !== undefined);
  if (!shown.length) return null;
  const [W, H] = [640, 240];
  const [left, right, top, bottom] = [56, 16, 16, 36];
  let lo = Math.min(...shown.map((p) => p[1]));
  let hi = Math.max(...shown.map((p) => p[1]));
  for (const v of [...phases.map((p) => p.centre), target]) {
    if (v === null || v === undefined) continue;
    lo = Math.min(lo, v); hi = Math.max(hi, v);
  }
  if (hi - lo < 1e-9) { hi += 1; lo -= 1; }
  const span = hi - lo;
  lo -= span * 0.08; hi += span * 0.08;
  const n = Math.max(points.length, 2);
  const x = (i) => left + ((W - left - right) * i) / (n - 1);
  const y = (v) => top + (H - top - bottom) * (1 - (v - lo) / (hi - lo));
  const signal = phases.some((p) => p.runs_signal || p.shift || p.trend);
  const first = points[0]?.period ?? '';
  const last = points[points.length - 1]?.period ?? '';
  const svg = s('svg', { class: 'run-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc` },
    s('title', { id: `${id}-title`, text: `Run chart: ${title}` }),
    s('desc', { id: `${id}-desc`, text: `${shown.length} points from ${first} to ${last}; ${signal ? 'a signal of non-random variation is marked' : 'no signal of non-random variation'}. The table with the chart gives every value.` }));
  const axes = s('g', { class: 'axes' },
    s('line', { x1: left, y1: H - bottom, x2: W - right, y2: H - bottom }),
    s('line', { x1: left, y1: top, x2: left, y2: H - bottom }));
  for (const v of [lo + (hi - lo) * 0.1, (lo + hi) / 2, hi - (hi - lo) * 0.1]) {
    axes.append(s('line', { class: 'grid', x1: left, y1: y(v).toFixed(1), x2: W - right, y2: y(v).toFixed(1) }));
    axes.append(s('text', { x: left - 6, y: (y(v) + 4).toFixed(1), 'text-anchor': 'end', text: shortNumber(v) }));
  }
  axes.append(s('text', { x: left, y: H - 10, text: first }), s('text', { x: W - right, y: H - 10, 'text-anchor': 'end', text: last }));
  svg.append(axes);
  let start = 0;
  for (const ph of phases) {
    if (ph.centre !== null && ph.centre !== undefined) {
      svg.append(s('line', { class: 'centre', x1: x(start).toFixed(1), y1: y(ph.centre).toFixed(1), x2: x(start + Math.max(ph.n - 1, 0)).toFixed(1), y2: y(ph.centre).toFixed(1) }));
    }
    start += ph.n;
  }
  if (target !== null && target !== undefined) {
    svg.append(s('line', { class: 'target', x1: left, y1: y(target).toFixed(1), x2: W - right, y2: y(target).toFixed(1) }));
  }
  svg.append(s('polyline', { class: 'data', points: shown.map(([i, v]) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ') }));
  let offset = 0;
  for (const ph of phases) {
    const flagged = ph.runs_signal || ph.shift;
    const inRun = new Set(flagged ? longestRunIndices(points, offset, ph.n, ph.centre) : []);
    for (let i = offset; i < Math.min(offset + ph.n, points.length); i++) {
      const v = points[i].value;
      if (v === null || v === undefined) continue;
      const [px, py] = [x(i), y(v)];
      if (inRun.has(i)) {
        svg.append(s('path', { class: 'signal', d: `M${px.toFixed(1)} ${(py - 6).toFixed(1)} L${(px + 6).toFixed(1)} ${py.toFixed(1)} L${px.toFixed(1)} ${(py + 6).toFixed(1)} L${(px - 6).toFixed(1)} ${py.toFixed(1)} Z` }));
      } else {
        svg.append(s('circle', { class: 'point', cx: px.toFixed(1), cy: py.toFixed(1), r: 3.5 }));
      }
    }
    offset += ph.n;
  }
  return svg;
}

function phaseText(ph) {
  const parts = [
    `${ph.phase !== null && ph.phase !== undefined ? `Phase ${ph.phase} from ${ph.from}` : 'Run chart'}: ${ph.n} points, median ${num(ph.centre, 2)}`,
    `longest run ${ph.longest_run ?? '–'} (a signal above ${ph.longest_run_max ?? '–'})`,
    `${ph.n_crossings ?? '–'} crossings (a signal below ${ph.n_crossings_min ?? '–'})`,
  ];
  const signals = [ph.runs_signal ? 'non-random variation' : null, ph.shift ? 'a shift' : null, ph.trend ? 'a trend' : null].filter(Boolean);
  return `${parts.join(', ')}${signals.length ? `; ${signals.join(', ')}` : ''}.`;
}

function seriesSignal(series) {
  const phases = series.phases ?? [];
  const kinds = [];
  if (phases.some((p) => p.shift)) kinds.push('a shift');
  if (phases.some((p) => p.trend)) kinds.push('a trend');
  if (!kinds.length && phases.some((p) => p.runs_signal)) kinds.push('non-random variation');
  return kinds;
}

function renderMeasurement() {
  const m = state.report.measurement;
  fill('measurement-summary',
    `${m.indicators.length} indicator${m.indicators.length === 1 ? '' : 's'}, as of ${m.as_of ?? '–'}`,
    m.suppress_below ? `; counts below ${m.suppress_below} are hidden` : '',
    '. Each run chart shows an indicator over time with its median (the solid line); points in a run that signals real change are drawn as orange diamonds; a dashed green line marks the target.');
  const cards = m.indicators.map((ind, k) => {
    const pooled = ind.series.filter((x) => x.partner === null || x.partner === undefined);
    const reporters = ind.series.filter((x) => x.partner !== null && x.partner !== undefined).length;
    const polarity = String(ind.polarity ?? '').replace('_is_better', '').replaceAll('_', ' ');
    const figures = pooled.map((series, j) => {
      const label = series.group ? `${ind.name}, ${series.group}` : ind.name;
      const chart = runChart(`chart-${k}-${j}`, label, series.points, series.phases ?? [], series.target_value);
      const signal = seriesSignal(series);
      const table = h('details', { class: 'values' },
        h('summary', { text: 'The values behind the chart' }),
        h('div', { class: 'table-scroll' }, h('table', { class: 'compact' },
          h('caption', { text: label }),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Period' }), h('th', { scope: 'col', class: 'num', text: 'Value' }))),
          h('tbody', {}, series.points.map((p) => h('tr', {}, h('th', { scope: 'row', text: p.period }), h('td', { class: 'num', text: num(p.value, 2) })))))),
        (series.phases ?? []).map((ph) => h('p', { class: 'small', text: phaseText(ph) })));
      return h('figure', { class: 'chart' },
        series.group ? h('p', { class: 'chart-group', text: series.group }) : null,
        chart ?? h('p', { class: 'muted', text: 'No values to draw yet.' }),
        h('figcaption', {},
          `Latest ${value(series.latest_value)} in ${series.latest_period ?? '–'}`,
          series.percent_of_target !== null && series.percent_of_target !== undefined ? `, ${Math.round(series.percent_of_target)}% of target` : '',
          '. ',
          signal.length ? h('span', { class: 'signal-text', text: `Signal: ${signal.join(' and ')}.` }) : 'No signal of real change.'),
        table);
    });
    return h('article', { class: 'indicator', 'aria-labelledby': `indicator-${k}` },
      h('h3', { id: `indicator-${k}`, text: ind.name }),
      h('p', { class: 'muted small', text: `${ind.unit} · reported ${ind.frequency} by ${reporters} partner${reporters === 1 ? '' : 's'} · ${polarity} is better · reporting ${pct(ind.completeness)} complete` }),
      figures.length ? h('div', { class: pooled.length > 1 ? 'chart-grid' : null }, figures) : h('p', { class: 'muted', text: 'No measurements yet.' }));
  });
  fill('indicators', cards.length ? cards : h('p', { class: 'muted', text: 'The document has no indicators yet.' }));
}

// ---------------------------------------------------------------------------------------
// Findings.

const SEVERITY_ORDER = { risk: 0, warning: 1, info: 2 };

function renderFindings() {
  const r = state.report;
  const findings = [...r.findings].sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3));
  const count = (sev) => r.findings.filter((f) => f.severity === sev).length;
  fill('findings-summary', r.findings.length
    ? `${plural(r.findings.length, 'finding')}: ${plural(count('risk'), 'risk')}, ${plural(count('warning'), 'warning')} and ${count('info')} for information. Each ends with a next step.`
    : 'Nothing to report.');
  const groups = [['risk', 'Risks'], ['warning', 'Warnings'], ['info', 'For information']];
  fill('findings', groups.map(([sev, title]) => {
    const mine = findings.filter((f) => f.severity === sev);
    if (!mine.length) return null;
    return [
      h('h3', { id: `findings-${sev}`, text: `${title} (${mine.length})` }),
      h('ul', { class: 'findings', 'aria-labelledby': `findings-${sev}` }, mine.map((f) => h('li', { class: `finding ${f.severity}` },
        h('p', { class: 'finding-head' },
          h('span', { class: 'severity', text: f.severity }),
          f.condition ? h('span', { class: 'muted', text: ` · ${r.conditions[f.condition]?.name ?? words(f.condition)}` }) : null,
          h('span', { class: 'muted code', text: ` · ${f.code}` })),
        h('p', { text: f.message }),
        h('p', { class: 'next' }, h('strong', { text: 'Next step: ' }), f.next_step)))),
    ];
  }));
}

// ---------------------------------------------------------------------------------------
// Start.

function wire() {
  $('pick-json').addEventListener('change', async (e) => {
    const files = fromFileList(e.target.files);
    if (files.length) await openFiles(files, files[0].name);
    e.target.value = '';
  });
  $('pick-folder').addEventListener('change', async (e) => {
    const files = fromFileList(e.target.files);
    const folder = files[0]?.path?.split('/')[0];
    if (files.length) await openFiles(files, folder ? `the folder ${folder}` : '');
    e.target.value = '';
  });
  $('load-example').addEventListener('click', loadExample);
  $('download-json').addEventListener('click', downloadJson);
  $('download-html').addEventListener('click', downloadHtml);
  const zone = $('dropzone');
  // Dropping anywhere on the page opens the files (instead of the browser opening them).
  document.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('dragging'); });
  document.addEventListener('dragleave', (e) => { if (!e.relatedTarget) zone.classList.remove('dragging'); });
  document.addEventListener('drop', (e) => { onDrop(e).catch((err) => problem(err.message, 'The dropped files')); });
}

async function main() {
  const buttons = [$('load-example'), $('pick-json'), $('pick-folder')];
  buttons.forEach((b) => { b.disabled = true; });
  try {
    await init();
  } catch (e) {
    $('starting').remove();
    problem(`convener could not start in this browser (${e.message}). It needs a browser with WebAssembly.`, 'convener');
    return;
  }
  buttons.forEach((b) => { b.disabled = false; });
  $('starting').remove();
  $('version').textContent = ` ${version()}`;
  wire();
  document.documentElement.dataset.ready = 'true';
}

main();
