#!/usr/bin/env node
// Generates types/{initiative,options,report}.d.ts from the core's JSON Schemas
// (crates/convener/schema/*.schema.json) with json-schema-to-typescript.
//
//   node scripts/gen-types.mjs           write the files
//   node scripts/gen-types.mjs --check   exit 1 when a committed file differs from what
//                                        the schemas give (tests/types.test.mjs runs this)
//
// Run from anywhere; paths are relative to this package. Offline: the schemas only use
// local `#/$defs/...` references.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { compile } from 'json-schema-to-typescript';

const here = path.dirname(fileURLToPath(import.meta.url));
export const packageDir = path.resolve(here, '..');
export const schemaDir = path.resolve(packageDir, '../../crates/convener/schema');
export const typesDir = path.join(packageDir, 'types');

/** Schema file stem → the name of its root type. */
export const ROOTS = {
  initiative: 'InitiativeDocument',
  options: 'Options',
  report: 'Report',
};

const BANNER = (stem) =>
  `/* Generated from crates/convener/schema/${stem}.schema.json by json-schema-to-typescript.\n` +
  ` * Do not edit: change the Rust types, regenerate the schema, then run\n` +
  ` * \`npm run types\` in bindings/wasm (tests/types.test.mjs fails on drift). */`;

/**
 * Replaces every `{"$ref": "#/$defs/Name", ...}` by `{"tsType": "Name", ...}`, keeping the
 * siblings (a property's own description). Left as references, json-schema-to-typescript
 * inlines a copy of the definition wherever a reference carries its own description and
 * names the copies `Name1`, `Name2`, ...; this way each definition is declared once, under
 * its own name (`unreachableDefinitions`), and used by name.
 */
function refsToNames(node) {
  if (Array.isArray(node)) {
    node.forEach(refsToNames);
  } else if (node && typeof node === 'object') {
    const ref = node.$ref;
    if (typeof ref === 'string') {
      const m = /^#\/\$defs\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(ref);
      if (!m) throw new Error(`unexpected $ref ${ref}: only local #/$defs/Name references are supported`);
      delete node.$ref;
      node.tsType = m[1];
    }
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'default' && key !== 'examples' && key !== 'const' && key !== 'enum') refsToNames(value);
    }
  }
}

/** The TypeScript text for one schema. */
export async function generate(stem) {
  const schema = JSON.parse(await readFile(path.join(schemaDir, `${stem}.schema.json`), 'utf8'));
  // The root type takes the name given here rather than one made from the title.
  delete schema.title;
  delete schema.$schema;
  refsToNames(schema);
  return compile(schema, ROOTS[stem], {
    bannerComment: BANNER(stem),
    additionalProperties: false,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    unknownAny: true,
    format: true,
    style: { printWidth: 100, singleQuote: true },
    $refOptions: { resolve: { external: false } },
  });
}

async function main() {
  const check = process.argv.includes('--check');
  const drift = [];
  await mkdir(typesDir, { recursive: true });
  for (const stem of Object.keys(ROOTS)) {
    const text = await generate(stem);
    const file = path.join(typesDir, `${stem}.d.ts`);
    if (check) {
      const committed = await readFile(file, 'utf8').catch(() => null);
      if (committed !== text) drift.push(path.relative(packageDir, file));
    } else {
      await writeFile(file, text);
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
  if (drift.length > 0) {
    console.error(
      `${drift.join(', ')} differ from the JSON Schemas: regenerate with\n` +
        `  (cd bindings/wasm && npm run types)   # node scripts/gen-types.mjs`,
    );
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
