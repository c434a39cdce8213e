/**
 * CLI commands: the registry `kg` dispatches to; adding a command means adding its file and one line here.
 */
import type { Command } from "../types.ts";
import { validateCommand } from "./validate.ts";
import { buildCommand } from "./build.ts";
import { serveCommand } from "./serve.ts";
import { ingestCommand } from "./ingest.ts";
import { pathCommand } from "./path.ts";
import { extractCommand } from "./extract.ts";
import { exportCommand } from "./export.ts";
import { streamCommand } from "./stream.ts";

/** Every `kg` sub-command, in help order. */
export const COMMANDS: Command[] = [
  validateCommand,
  buildCommand,
  serveCommand,
  ingestCommand,
  pathCommand,
  extractCommand,
  exportCommand,
  streamCommand,
];
