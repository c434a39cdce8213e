/**
 * CLI types: the shape every `kg` command implements.
 */

/** Where a command writes; injectable so tests can capture output. */
export interface CommandIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A `kg` sub-command: its name, one-line summary, usage and handler (returns the exit code). */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run: (args: string[], io: CommandIO) => Promise<number> | number;
}

/** Thrown for bad command-line input; printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
