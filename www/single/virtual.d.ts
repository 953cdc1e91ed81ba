// Types of the virtual modules scripts/build-single.mjs provides to www/single/main.js.
declare module 'storylines:worker-source' {
  const source: string;
  export default source;
}
declare module 'storylines:css' {
  const css: string;
  export default css;
}
declare module 'storylines:bundle' {
  const bundle: { manifest: string; articles: { name: string; text: string }[] };
  export default bundle;
}
declare module 'storylines:embeddings' {
  /** The embedding table in base64 (`--embeddings`), or '' when the file was built without it. */
  const table: string;
  export default table;
}
declare module '*.wasm' {
  const bytes: Uint8Array;
  export default bytes;
}
