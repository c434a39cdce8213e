#!/usr/bin/env node
// kg: the command-line entry point. Runs src/ from its compiled copy (./compiled.js), made again when src/ changed;
// when that cannot be, registers tsx so the TypeScript sources run as they are. Either way there is no build step.
import { compiledEntry } from "./compiled.js";

let entry = await compiledEntry("cli/main.ts");
if (!entry) {
  const { register } = await import("tsx/esm/api");
  register();
  entry = new URL("../src/cli/main.ts", import.meta.url).href;
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
