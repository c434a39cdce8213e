/**
 * Logger: one pino instance for the whole process (level from LOG_LEVEL; silent under tests unless asked).
 */
import pino from "pino";

/** The process-wide structured logger. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  base: undefined,
  redact: { paths: ["req.headers.authorization", "req.headers.cookie"], censor: "[redacted]" },
});
