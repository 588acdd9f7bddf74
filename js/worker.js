// crosscheck's analysis worker. The widget starts it from a Blob (no file to serve, no extra
// request; CSP: worker-src blob:), sends it the widget's own compiled WebAssembly module and the
// corpus as JSON, and receives progress messages and, at the end, the analysis as JSON.
//
// The module is instantiated here with a stub for each of its imports: the analysis itself calls
// none of them (they are the browser's, for the widget), so a stub that is called is a bug, and
// it says so. The analysis runs through the module's plain exports (src/worker.rs) in batches,
// with a progress message after each batch.
//
// Message in:   {module, corpus: "<json>", check: bool}. With `check`, the corpus is the story
//               plus the reader's sentence ("Check a claim"), and the answer holds only what the
//               sentence's verdict needs (cc_finish_check), so the page has little to read.
// Messages out: {type: "progress", stage: "reading" | "comparing", done, total},
//               {type: "done", analysis: "<json>"}, {type: "error", message}.
"use strict";

const SOURCES_PER_BATCH = 10;
const PAIRS_PER_BATCH = 4000;

self.onmessage = async (event) => {
  const { module, corpus, check } = event.data;
  try {
    const imports = {};
    for (const { module: name, name: field, kind } of WebAssembly.Module.imports(module)) {
      if (kind !== "function") {
        throw new Error(`the widget's module imports a ${kind} (${name}.${field}); the worker cannot provide it`);
      }
      (imports[name] ??= {})[field] = () => {
        throw new Error(`${name}.${field} was called in the analysis worker`);
      };
    }
    const instance = await WebAssembly.instantiate(module, imports);
    const wasm = instance.exports;
    const bytes = new TextEncoder().encode(corpus);
    const pointer = wasm.cc_alloc(bytes.length);
    new Uint8Array(wasm.memory.buffer, pointer, bytes.length).set(bytes);
    const nSources = wasm.cc_begin(pointer, bytes.length) >>> 0;
    if (nSources === 0xffffffff) {
      throw new Error("the worker could not read the corpus");
    }
    let read = 0;
    self.postMessage({ type: "progress", stage: "reading", done: 0, total: nSources });
    while (read < nSources) {
      read = wasm.cc_read(SOURCES_PER_BATCH) >>> 0;
      self.postMessage({ type: "progress", stage: "reading", done: read, total: nSources });
    }
    const nPairs = wasm.cc_index() >>> 0;
    let compared = 0;
    self.postMessage({ type: "progress", stage: "comparing", done: 0, total: nPairs });
    while (compared < nPairs) {
      compared = wasm.cc_compare(PAIRS_PER_BATCH) >>> 0;
      self.postMessage({ type: "progress", stage: "comparing", done: compared, total: nPairs });
    }
    const length = (check ? wasm.cc_finish_check() : wasm.cc_finish()) >>> 0;
    const analysis = new TextDecoder().decode(new Uint8Array(wasm.memory.buffer, wasm.cc_result(), length));
    wasm.cc_end();
    self.postMessage({ type: "done", analysis });
  } catch (error) {
    self.postMessage({ type: "error", message: String((error && error.message) || error) });
  }
};
