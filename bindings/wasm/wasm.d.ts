// `import wasmUrl from 'convener/convener_bg.wasm'`: the browser build's WebAssembly file,
// for bundlers that do not follow `new URL('convener_bg.wasm', import.meta.url)`. A bundler
// told to copy `.wasm` files gives their URL (esbuild `--loader:.wasm=file`, webpack
// `type: 'asset/resource'`); hand it to `init`:
//
//   import init, { analyze } from 'convener';
//   import wasmUrl from 'convener/convener_bg.wasm';
//   await init({ module_or_path: wasmUrl });

/** The URL the bundler gives the copied `convener_bg.wasm`. */
declare const wasmUrl: string;
export default wasmUrl;
