// Every output from WebAssembly: for each fixture that keeps golden files
// (tests/fixtures/<name>/outputs/), `render` and `Initiative.render` give exactly the golden
// bytes, by name and by request object (the what-if outputs without the document's first
// partner, as the golden files are made); the CSV folder comes as an object of files.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { assertSameText, convener, fixtures, repo } from './helpers.mjs';

const { render, Initiative } = convener;
const kept = fixtures().filter((f) => existsSync(path.join(repo, 'tests/fixtures', f.name, 'outputs')));

test('golden files are there', () => {
  assert.ok(kept.length >= 6, `only ${kept.length} fixtures keep golden files`);
});

for (const f of kept) {
  describe(`outputs of ${f.name}`, () => {
    const dir = path.join(repo, 'tests/fixtures', f.name, 'outputs');
    const options = f.options === undefined ? undefined : JSON.parse(f.options);
    const first = JSON.parse(f.input).partners[0]?.id;
    const names = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);

    test('every golden file, through render and Initiative.render', () => {
      assert.ok(names.length >= 18, `${names.length} golden files`);
      const doc = new Initiative(f.input);
      try {
        for (const output of names) {
          const want = readFileSync(path.join(dir, output), 'utf8');
          const request = { output, options, ...(output.startsWith('what-if') ? { without: [first] } : {}) };
          assertSameText(render(f.input, request), want, `${f.name}/${output}`);
          assertSameText(doc.render(request), want, `${f.name}/${output} (Initiative)`);
          if (!output.startsWith('what-if')) assertSameText(render(f.input, output, options), want, output);
        }
        assertSameText(render(f.input, 'report.json', options), f.report, 'report.json');
      } finally {
        doc.free();
      }
    });

    test('the CSV folder is an object of files', () => {
      const files = render(f.input, 'csv-folder');
      const folder = path.join(dir, 'csv-folder');
      for (const name of readdirSync(folder)) {
        assertSameText(files[name], readFileSync(path.join(folder, name), 'utf8'), `csv-folder/${name}`);
      }
      assert.deepEqual(Object.keys(files).sort(), readdirSync(folder).sort());
    });
  });
}
