/**
 * CLI types: the shape every `kg` command implements.
 */

/** Where a command writes; injectable so tests can capture output. */
export interface CommandIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** What a command's module exports: the handler, which resolves to the exit code. */
export interface CommandModule {
  run: (args: string[], io: CommandIO) => Promise<number>;
}

/**
 * A `kg` sub-command: its name, one-line summary and usage, and its module, imported only when the command runs so
 * that help and every other command never load what it needs.
 */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  load: () => Promise<CommandModule>;
}

/** Thrown for bad command-line input; printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
