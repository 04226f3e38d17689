// The JavaScript API of the WebAssembly build: what each function returns and throws.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { convener, fixtures, packageDir, places, read, readJson, repo, thrown } from './helpers.mjs';

const { analyze, analyzeJson, render, validate, schema, fromCsv, exportGraph, version, Initiative } = convener;

const exampleText = read('examples/data/family-support.json');
const example = JSON.parse(exampleText);

/** Asserts the error shape every function throws and returns the error. */
function convenerError(fn, code) {
  const e = thrown(fn);
  assert.ok(e instanceof Error, 'a thrown error is an Error');
  assert.equal(typeof e.message, 'string');
  assert.ok(e.message.length > 0);
  assert.equal(e.code, code, e.message);
  assert.ok(Array.isArray(e.issues), 'issues is an array');
  assert.equal(typeof e.more, 'number');
  return e;
}

test('version is the package version', () => {
  const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  assert.equal(version(), pkg.version);
  const cargo = read('Cargo.toml');
  assert.match(cargo, new RegExp(`^version = "${pkg.version.replace(/\./g, '\\.')}"$`, 'm'));
});

test('the package exports exactly the documented functions', () => {
  assert.deepEqual(Object.keys(convener).sort(), [
    'Initiative', 'analyze', 'analyzeJson', 'exportGraph', 'fromCsv', 'render', 'schema', 'validate', 'version',
  ]);
});

describe('whatIf', () => {
  test('returns {removed, delta, report}', () => {
    const doc = new Initiative(example);
    try {
      const ids = example.partners.map((p) => p.id);
      // Asked out of order: the answer lists them in document order.
      const answer = doc.whatIf([ids[3], ids[1]]);
      assert.deepEqual(Object.keys(answer), ['removed', 'delta', 'report']);
      assert.deepEqual(answer.removed, [ids[1], ids[3]]);
      assert.deepEqual(Object.keys(answer.delta), [
        'components', 'largest_component_share', 'fragmentation', 'backbone_reach',
        'newly_isolated', 'cascade', 'activities_without_lead',
      ]);
      for (const k of ['components', 'largest_component_share', 'fragmentation', 'backbone_reach']) {
        assert.deepEqual(Object.keys(answer.delta[k]), ['before', 'after'], k);
      }
      assert.deepEqual(Object.keys(answer.delta.cascade), ['partners', 'activities']);
      assert.equal(answer.report.format, 'convener-report/1');
      assert.equal(answer.report.initiative.partners, ids.length - 2);
      assert.equal(answer.report.network.partners.length, ids.length - 2);
      assert.ok(!answer.report.network.partners.some((p) => answer.removed.includes(p.partner)));
      // The analysis period stays that of the whole initiative.
      assert.equal(answer.report.as_of, doc.report().as_of);
      // Nobody removed: nothing changes.
      const none = doc.whatIf([]);
      assert.deepEqual(none.removed, []);
      assert.equal(none.delta.components.before, none.delta.components.after);
      assert.deepEqual(none.report, doc.report());
    } finally {
      doc.free();
    }
  });

  test('the delta follows the network: removing the middle of a chain isolates both ends', () => {
    const doc = new Initiative({
      format: 'convener/1',
      initiative: { id: 'x', name: 'X' },
      partners: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }, { id: 'c', name: 'C' }],
      ties: [{ from: 'a', to: 'b', level: 'collaborate' }, { from: 'b', to: 'c', level: 'collaborate' }],
    });
    try {
      const { delta } = doc.whatIf(['b']);
      assert.deepEqual(delta.components, { before: 1, after: 2 });
      assert.deepEqual(delta.newly_isolated, ['a', 'c']);
      assert.equal(delta.fragmentation.after, 1);
    } finally {
      doc.free();
    }
  });

  test('an unknown partner is argument.unknown_partner', () => {
    const doc = new Initiative(example);
    try {
      const e = convenerError(() => doc.whatIf(['no-such-partner']), 'argument.unknown_partner');
      assert.match(e.message, /no-such-partner/);
    } finally {
      doc.free();
    }
  });
});

describe('validate', () => {
  test('[] for every valid document', () => {
    assert.deepEqual(validate(exampleText), []);
    assert.deepEqual(validate(example), []);
    for (const f of fixtures()) assert.deepEqual(validate(f.input), [], f.name);
  });

  // Every case of tests/invalid whose text a JavaScript string can carry: the encoding
  // cases are about bytes (invalid UTF-8, UTF-16, a byte-order mark), which a JS string
  // cannot hold as such, so they belong to the byte-reading layers.
  const dir = path.join(repo, 'tests/invalid');
  const bytesOnly = new Set([
    'encoding-invalid-latin1-byte.json',
    'encoding-invalid-utf16.json',
    'json-syntax-after-utf8-bom.json',
  ]);
  const cases = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'));
  test('the invalid corpus is there', () => assert.ok(cases.length > 100));
  for (const file of cases.filter((f) => !bytesOnly.has(f))) {
    test(`tests/invalid/${file}: the expected codes and places, thrown the same by analyze`, () => {
      const expected = JSON.parse(readFileSync(path.join(dir, file.replace(/\.json$/, '.expected.json')), 'utf8'));
      const text = readFileSync(path.join(dir, file), 'utf8');
      const issues = validate(text);
      assert.deepEqual(places(issues), expected.issues);
      for (const i of issues) assert.ok(typeof i.message === 'string' && i.message.length > 0);
      const e = convenerError(() => analyzeJson(text), expected.error);
      assert.deepEqual(e.issues, issues);
      assert.equal(e.more, 0);
    });
  }
});

describe('errors', () => {
  test('an invalid document: document.invalid with every issue and its pointer', () => {
    const doc = structuredClone(example);
    doc.ties[3].to = 'hub2';
    doc.ties[5].from = 'nobody';
    const e = convenerError(() => analyze(doc), 'document.invalid');
    assert.deepEqual(places(e.issues), [
      { code: 'reference.unknown_partner', pointer: '/ties/3/to' },
      { code: 'reference.unknown_partner', pointer: '/ties/5/from' },
    ]);
    assert.equal(e.more, 0);
    assert.match(e.message, /not valid/);
    // Every entry point that reads a document throws the same.
    for (const fn of [
      () => analyzeJson(doc),
      () => render(doc, 'markdown'),
      () => exportGraph(doc, 'dot'),
      () => new Initiative(doc),
    ]) {
      assert.deepEqual(convenerError(fn, 'document.invalid').issues, e.issues);
    }
  });

  test('JSON syntax errors give line and column', () => {
    const e = convenerError(() => analyze('{\n  "format": "convener/1",\n  oops\n}'), 'document.invalid');
    assert.deepEqual(places(e.issues), [{ code: 'json.syntax', line: 3, column: 3 }]);
  });

  test('more counts the issues beyond the limit', () => {
    const text = read('tests/invalid/many-structural-problems-at-once.json');
    const all = validate(text);
    assert.ok(all.length > 5);
    const e = convenerError(() => analyze(text, { limits: { max_issues: 2 } }), 'document.invalid');
    assert.equal(e.issues.length, 2);
    assert.deepEqual(e.issues, all.slice(0, 2));
    assert.equal(e.more, all.length - 2);
  });

  test('a limit: limit.exceeded with its place', () => {
    const e = convenerError(() => analyze(exampleText, { limits: { max_document_bytes: 1000 } }), 'limit.exceeded');
    assert.equal(e.issues.length, 1);
    assert.equal(e.issues[0].code, 'limit.exceeded');
  });

  test('unknown options: options.invalid with options.unknown issues', () => {
    for (const options of [{ bogus: 1, min_level: 'cooperate' }, '{"bogus": 1}']) {
      const e = convenerError(() => analyze(example, options), 'options.invalid');
      assert.deepEqual(places(e.issues), [{ code: 'options.unknown', pointer: '/bogus' }]);
    }
    const nested = convenerError(() => analyze(example, { limits: { max_isues: 3 } }), 'options.invalid');
    assert.deepEqual(places(nested.issues), [{ code: 'options.unknown', pointer: '/limits/max_isues' }]);
    for (const fn of [
      () => analyzeJson(example, { bogus: 1 }),
      () => render(example, 'html', { bogus: 1 }),
      () => exportGraph(example, 'dot', { bogus: 1 }),
    ]) {
      convenerError(fn, 'options.invalid');
    }
    const doc = new Initiative(example);
    try {
      for (const fn of [
        () => doc.report({ bogus: 1 }),
        () => doc.reportJson({ bogus: 1 }),
        () => doc.network({ bogus: 1 }),
        () => doc.indicators({ bogus: 1 }),
        () => doc.whatIf([], { bogus: 1 }),
      ]) {
        convenerError(fn, 'options.invalid');
      }
    } finally {
      doc.free();
    }
  });

  test('bad option values and option text that does not parse: options.invalid', () => {
    const value = convenerError(() => analyze(example, { min_level: 'friendly' }), 'options.invalid');
    assert.equal(value.issues[0].pointer, '/min_level');
    const syntax = convenerError(() => analyze(example, '{"min_level": '), 'options.invalid');
    assert.equal(syntax.issues[0].code, 'json.syntax');
  });

  test('arguments that are not documents, formats or schemas', () => {
    for (const bad of [undefined, () => 1, 10n]) convenerError(() => analyze(bad), 'argument.invalid');
    const cyclic = {};
    cyclic.self = cyclic;
    convenerError(() => analyze(cyclic), 'argument.invalid');
    convenerError(() => render(example, 'pdf'), 'argument.unknown_output');
    const graph = convenerError(() => exportGraph(example, 'svg'), 'argument.unknown_format');
    assert.match(graph.message, /svg/);
    convenerError(() => schema('nope'), 'argument.unknown_schema');
    convenerError(() => fromCsv('partners.csv'), 'argument.invalid');
    convenerError(() => fromCsv({ 'partners.csv': 42 }), 'argument.invalid');
  });
});

describe('fromCsv', () => {
  const readFolder = (dir) =>
    Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

  test('the family-support CSV folder is the family-support JSON document', () => {
    const doc = fromCsv(readFolder(path.join(repo, 'examples/data/family-support')));
    assert.deepStrictEqual(doc, example);
    assert.equal(analyzeJson(doc), analyzeJson(exampleText));
  });

  const dir = path.join(repo, 'tests/invalid/csv');
  const bytesOnly = new Set(['encoding-invalid-latin1-byte']); // bytes a JS string cannot carry
  const cases = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  test('the invalid CSV corpus is there', () => assert.ok(cases.length > 40));
  for (const name of cases.filter((n) => !bytesOnly.has(n))) {
    test(`tests/invalid/csv/${name}: the expected codes, files, rows and columns`, () => {
      const expected = JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), 'utf8'));
      const e = convenerError(() => fromCsv(readFolder(path.join(dir, name))), expected.error);
      assert.deepEqual(places(e.issues), expected.issues);
    });
  }
});

describe('exportGraph', () => {
  const ids = example.partners.map((p) => p.id);
  const checks = {
    graphml: (t) => assert.match(t, /^<\?xml[^>]*>\s*<graphml /),
    gexf: (t) => assert.match(t, /^<\?xml[^>]*>\s*<gexf /),
    dot: (t) => assert.match(t, /^(di)?graph "/),
    kumu: (t) => {
      const k = JSON.parse(t);
      assert.ok(Array.isArray(k.elements) && Array.isArray(k.connections));
      assert.equal(k.elements.length, ids.length);
    },
  };
  for (const [format, check] of Object.entries(checks)) {
    test(`${format}: every partner, the same from text, objects and an Initiative's JSON`, () => {
      const out = exportGraph(exampleText, format);
      check(out);
      for (const id of ids) assert.ok(out.includes(id), `${format} lacks ${id}`);
      assert.equal(exportGraph(example, format), out);
      assert.equal(exportGraph(example, format, {}), out);
    });
  }
  test('options change the network exported', () => {
    const all = exportGraph(example, 'kumu');
    const strong = exportGraph(example, 'kumu', { min_level: 'integrate' });
    assert.ok(JSON.parse(strong).connections.length <= JSON.parse(all).connections.length);
    assert.match(exportGraph(example, 'dot', { min_level: 'integrate' }), /min_level="integrate"/);
  });
});

describe('render', () => {
  const hostile = structuredClone(example);
  hostile.partners[0].name = '<script>alert(1)</script>';
  hostile.partners[1].name = 'Tom & Jerry\'s "Family" Hub';

  test('markdown names every partner, with HTML escaped', () => {
    const md = render(hostile, 'markdown');
    assert.ok(md.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!md.includes('<script>'));
    assert.ok(md.includes('Tom &amp; Jerry'));
    for (const p of example.partners.slice(2)) assert.ok(md.includes(p.name), p.name);
    assert.equal(render(exampleText, 'markdown'), render(example, 'markdown'));
  });

  test('html names every partner, escaped, in one page with no script from the data', () => {
    const html = render(hostile, 'html');
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!html.includes('<script>alert'));
    assert.ok(html.includes('Tom &amp; Jerry&#39;s &quot;Family&quot; Hub') || html.includes('Tom &amp; Jerry'));
    for (const p of example.partners.slice(2)) {
      const escaped = p.name.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
      assert.ok(html.includes(escaped), p.name);
    }
  });

  test('options reach the rendered report', () => {
    const md = render(example, 'markdown', { as_of: '2024-Q4' });
    assert.ok(md.includes('2024-Q4'));
    assert.notEqual(md, render(example, 'markdown'));
  });
});

describe('schema', () => {
  for (const name of ['initiative', 'options', 'report']) {
    test(`schema('${name}') is the committed schema file`, () => {
      assert.deepStrictEqual(schema(name), readJson(`crates/convener/schema/${name}.schema.json`));
    });
  }
});

describe('Initiative', () => {
  test('an invalid document throws from the constructor', () => {
    const e = convenerError(() => new Initiative('{"format": "convener/1"}'), 'document.invalid');
    assert.ok(e.issues.every((i) => typeof i.pointer === 'string'));
  });

  test('toJson gives a document that reads back to the same', () => {
    const doc = new Initiative(exampleText);
    try {
      assert.deepStrictEqual(JSON.parse(doc.toJson()), example);
    } finally {
      doc.free();
    }
  });

  test('a freed Initiative throws instead of reading freed memory', () => {
    const doc = new Initiative(example);
    doc.free();
    assert.throws(() => doc.report(), Error);
  });
});

describe('Initiative.drawing', () => {
  test('a position for every partner and connections by index', () => {
    const doc = new Initiative(example);
    try {
      const d = doc.drawing();
      assert.deepEqual(Object.keys(d), ['width', 'height', 'positions', 'connections']);
      assert.equal(d.positions.length, example.partners.length);
      for (const [x, y] of d.positions) assert.ok(x >= 0 && x <= d.width && y >= 0 && y <= d.height);
      for (const [a, b] of d.connections) assert.ok(a < b && b < example.partners.length);
      assert.ok(doc.drawing({ min_level: 'integrate' }).connections.length <= d.connections.length);
      assert.deepEqual(doc.drawing(), d, 'the same layout every time');
    } finally {
      doc.free();
    }
  });
});
