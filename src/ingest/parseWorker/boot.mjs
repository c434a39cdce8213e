// Parse worker bootstrap: a worker thread does not inherit the tsx hooks bin/kg.js registers, so it registers them
// before loading the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
