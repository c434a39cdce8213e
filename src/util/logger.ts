/**
 * Logger: one pino instance for the whole process (level from LOG_LEVEL; silent under tests unless asked).
 *
 * It writes to standard error, never standard output: a command's stdout carries only its result (`--json` output
 * must parse as JSON, `kg export` without `--out` prints the file itself), and the server's log lines belong with its
 * diagnostics anyway.
 */
import pino from "pino";

/** The process-wide structured logger, writing JSON lines to stderr (synchronously, so no line is lost on exit). */
export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
    base: undefined,
    redact: { paths: ["req.headers.authorization", "req.headers.cookie"], censor: "[redacted]" },
  },
  pino.destination({ dest: 2, sync: true }),
);
