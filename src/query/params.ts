/**
 * Query parameter schemas: numbers, booleans and comma lists as they arrive in a URL, with messages that say how
 * to write them.
 */
import { z } from "zod";

/** Longest text accepted in one query parameter. */
export const MAX_PARAM_LENGTH = 2000;

/** A whole number in [min, max]; `fallback` when absent. */
export function intParam(name: string, min: number, max: number, fallback: number) {
  const message = `${name} must be a whole number from ${min} to ${max}`;
  return z.coerce
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message })
    .default(fallback);
}

/** A number in [min, max]; `fallback` when absent. */
export function numberParam(name: string, min: number, max: number, fallback: number) {
  const message = `${name} must be a number from ${min} to ${max}`;
  return z.coerce
    .number({ error: message })
    .min(min, { error: message })
    .max(max, { error: message })
    .default(fallback);
}

/** `true`/`false` (or `1`/`0`); `fallback` (false unless given) when absent. */
export function boolParam(name: string, fallback = false) {
  return z
    .enum(["true", "false", "1", "0"], { error: `${name} must be true or false` })
    .default(fallback ? "true" : "false")
    .transform((v) => v === "true" || v === "1");
}

/** A non-empty text of at most `max` characters. */
export function textParam(name: string, what: string, max = 200) {
  return z
    .string({ error: `${name} is required: ${what}` })
    .trim()
    .min(1, { error: `${name} is required: ${what}` })
    .max(max, { error: `${name} must be at most ${max} characters` })
    .describe(what);
}

/** A comma-separated list ("a,b, c"); empty items are dropped. */
export function listParam(name: string, what: string) {
  return z
    .string({ error: `${name} must be a comma-separated list of ${what}` })
    .max(MAX_PARAM_LENGTH, { error: `${name} must be at most ${MAX_PARAM_LENGTH} characters` })
    .transform((v) =>
      v
        .split(",")
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
    )
    .refine((items) => items.length > 0, { error: `${name}: list at least one item, or leave ${name} out` })
    .describe(`comma-separated ${what}`);
}
