/**
 * kg CLI: dispatches `kg <command> [args]` to the command modules in ./commands, importing only the one that runs.
 */
import { DataError } from "../store/issues.ts";
import { UsageError, type Command, type CommandIO } from "./types.ts";
import { COMMANDS } from "./commands/index.ts";

const STD_IO: CommandIO = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : text + "\n"),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : text + "\n"),
};

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], io: CommandIO = STD_IO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.out(helpText());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`kg: unknown command "${name}"; run "npx kg help" to list the commands`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.out(`usage: ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  return runCommand(command, args, io);
}

async function runCommand(command: Command, args: string[], io: CommandIO): Promise<number> {
  try {
    // The command's module is imported here, not at start, so each command loads only what it needs.
    const { run } = await command.load();
    return await run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`kg ${command.name}: ${error.message}\nusage: ${command.usage}`);
      return 2;
    }
    if (error instanceof DataError) {
      io.err(error.message);
      return 1;
    }
    io.err(`kg ${command.name}: ${(error as Error).message}`);
    return 1;
  }
}

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `usage: npx kg <command> [options]\n\ncommands:\n${lines.join("\n")}\n\nRun "npx kg <command> --help" for a command's options.`;
}
