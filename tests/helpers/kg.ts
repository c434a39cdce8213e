/**
 * Test helper: runs the `kg` CLI in-process and captures what it prints.
 */
import { main } from "../../src/cli/main.ts";
import type { CommandIO } from "../../src/cli/types.ts";

/** The exit code and the captured standard output and error of one `kg` run. */
export interface KgRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `kg ...argv` without spawning a process. */
export async function kg(...argv: string[]): Promise<KgRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}
