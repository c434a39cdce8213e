/**
 * Predicate names in requests: checked against the predicates the served graph uses (its path index's).
 */
import type { PathIndex } from "../paths/index.ts";
import { HttpError } from "./errors.ts";

/** Most predicate names listed in an error message. */
const MAX_LISTED = 40;

/** Throws a 400 naming the unknown predicates and listing the known ones; returns the names otherwise. */
export function requireKnownPredicates(index: PathIndex, names: string[], param: string): string[] {
  const { predicateIndex, predicates } = index;
  const unknown = names.filter((name) => !predicateIndex.has(name));
  if (unknown.length === 0) return names;
  const known = [...predicates].sort();
  const listed = known.slice(0, MAX_LISTED).join(", ") + (known.length > MAX_LISTED ? ", …" : "");
  throw new HttpError(
    400,
    "bad_request",
    `${param}: unknown predicate${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => `"${n}"`).join(", ")}; the graph uses: ${listed}`,
    { param, unknown, known },
  );
}
