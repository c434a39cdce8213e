/**
 * Scripts: modules that are also run directly (`node --import tsx file.ts`), such as `npm run eval`.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Whether the module at `moduleUrl` (its `import.meta.url`) is the one node was started with. */
export function isEntryPoint(moduleUrl: string): boolean {
  return !!process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(moduleUrl);
}

/** Runs `main` with the arguments when the module is the entry point; an error prints its message and exits 1. */
export function runAsScript(moduleUrl: string, main: (argv: string[]) => number): void {
  if (!isEntryPoint(moduleUrl)) return;
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
