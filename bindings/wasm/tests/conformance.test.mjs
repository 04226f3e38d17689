// Conformance (docs/guarantees.md): every fixture in tests/fixtures gives report.json's bytes from
// the WebAssembly build, however the document and options are handed over.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { assertSameText, convener, fixtures } from './helpers.mjs';

const { analyze, analyzeJson, Initiative } = convener;
const all = fixtures();

test('the corpus is there', () => {
  assert.ok(all.length >= 20, `only ${all.length} fixtures found`);
  assert.ok(all.some((f) => f.options !== undefined), 'no fixture with options.json');
});

for (const f of all) {
  describe(`fixture ${f.name}`, () => {
    const docObject = JSON.parse(f.input);
    const optionsObject = f.options === undefined ? undefined : JSON.parse(f.options);

    test('analyzeJson gives report.json byte for byte', () => {
      assertSameText(analyzeJson(f.input, f.options), f.report);
    });

    // JSON.stringify writes -0 as 0; the core reads -0 as 0 too, so both ways agree.
    test('documents and options as objects give the same bytes as text', () => {
      assertSameText(analyzeJson(docObject, optionsObject), f.report);
      assertSameText(analyzeJson(f.input, optionsObject), f.report);
      assertSameText(analyzeJson(docObject, f.options), f.report);
    });

    test('analyze deep-equals JSON.parse(analyzeJson)', () => {
      assert.deepStrictEqual(analyze(f.input, f.options), JSON.parse(analyzeJson(f.input, f.options)));
      assert.deepStrictEqual(analyze(f.input, optionsObject), JSON.parse(f.report));
    });

    test('Initiative agrees with the free functions', () => {
      const doc = new Initiative(f.input);
      try {
        assertSameText(doc.reportJson(f.options), f.report);
        assertSameText(doc.reportJson(optionsObject), f.report);
        const report = doc.report(optionsObject);
        assert.deepStrictEqual(report, JSON.parse(f.report));
        assert.deepStrictEqual(doc.network(optionsObject), report.network);
        assert.deepStrictEqual(doc.indicators(optionsObject), report.measurement);
        // The document read back from its own JSON text gives the same report.
        const again = new Initiative(doc.toJson());
        try {
          assertSameText(again.reportJson(f.options), f.report);
        } finally {
          again.free();
        }
      } finally {
        doc.free();
      }
    });
  });
}

test('options given as null or undefined are the defaults', () => {
  const f = all.find((x) => x.options === undefined);
  assertSameText(analyzeJson(f.input, undefined), f.report);
  assertSameText(analyzeJson(f.input, null), f.report);
  assertSameText(analyzeJson(f.input), f.report);
  assertSameText(analyzeJson(f.input, {}), f.report);
  assertSameText(analyzeJson(f.input, '{}'), f.report);
});

test('analysing twice gives the same bytes', () => {
  const f = all.find((x) => x.name.startsWith('synth-100'));
  assertSameText(analyzeJson(f.input), analyzeJson(f.input));
});
