/**
 * CLI arguments: a thin wrapper over node:util parseArgs that turns its errors into usage errors.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./types.ts";

/** Parses `args` with the given option spec; unknown flags and missing values become {@link UsageError}s. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Parses an integer option within [min, max]; throws a usage error naming the flag otherwise. */
export function intOption(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}
