// The browser side of the declarations (web.d.ts, through the "types" condition a bundler
// resolves): `init` is the default export and must be awaited first; a bundler's user hands
// it the URL of `convener/convener_bg.wasm` (wasm.d.ts). Checked by
// `tsc --noEmit -p tests/web/tsconfig.json` (tests/types.test.mjs); never run.
import init, { analyze, Initiative, initSync, render, validate } from 'convener';
import type { ConvenerError, InitOutput, Report } from 'convener';
import wasmUrl from 'convener/convener_bg.wasm';

export async function main(file: File): Promise<string> {
  const out: InitOutput = await init();
  await init({ module_or_path: new URL('convener_bg.wasm', import.meta.url) });
  const url: string = wasmUrl;
  await init({ module_or_path: url });
  console.log(out.memory.buffer.byteLength);
  const text = await file.text();
  if (validate(text).length > 0) return 'invalid';
  try {
    const report: Report = analyze(text);
    const doc = new Initiative(text);
    doc.free();
    return report.conditions.backbone_support.stage + render(text, 'html');
  } catch (e) {
    return (e as ConvenerError).code;
  }
}

export function fromBytes(bytes: ArrayBuffer): void {
  initSync({ module: bytes });
}
