// Parse worker bootstrap: a worker thread does not inherit its parent's module hooks. Run from src/, the worker is
// TypeScript and needs tsx registered first; run from the compiled copy (bin/compiled.js), where the line below names
// worker.js, it needs nothing.
const worker = new URL("./worker.ts", import.meta.url);
if (worker.pathname.endsWith(".ts")) (await import("tsx/esm/api")).register();
await import(worker.href);
