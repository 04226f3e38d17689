// The browser entry of the npm package `convener` (pkg/web/convener.js, an ES module):
// everything in index.d.ts plus `init`, which loads the WebAssembly module. Await it once
// before calling anything else:
//
//   import init, { analyze } from 'convener';
//   await init();                      // fetches convener_bg.wasm next to convener.js
//   const report = analyze(doc);
//
// Nothing is sent anywhere: `init` only loads the module, and the analysis runs in the page.

export * from './index';

/** What `init` accepts: a URL or request for `convener_bg.wasm`, its bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** The instantiated module's exports (internal; use the functions instead). */
export interface InitOutput {
  readonly memory: WebAssembly.Memory;
}

/**
 * Loads and instantiates the WebAssembly module. Without an argument it fetches
 * `convener_bg.wasm` beside `convener.js` (`new URL('convener_bg.wasm', import.meta.url)`).
 * Calling it again returns the same module.
 */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;

/** Instantiates the module synchronously from its bytes or a compiled module. */
export function initSync(module: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): InitOutput;
