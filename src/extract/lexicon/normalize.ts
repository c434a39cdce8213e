/**
 * Name normalisation: the form under which two spellings of one name compare equal.
 */
import { foldQuotes } from "../nlp/analyse.ts";

/** Names already normalised: resolution compares every mention with every entity, normalising the same names. */
const normalized = new Map<string, string>();
/** Dropped whole when full, so that a long run over many documents keeps memory bounded. */
const MAX_NORMALIZED = 50_000;

/** Lower case, folded quotes, no leading "the", no trailing possessive, single spaces: "The Kremlin’s" -> "kremlin". */
export function normalizeName(name: string): string {
  let out = normalized.get(name);
  if (out === undefined) {
    out = foldQuotes(name.normalize("NFC"))
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^the /, "")
      .replace(/'s?$/, "");
    if (normalized.size >= MAX_NORMALIZED) normalized.clear();
    normalized.set(name, out);
  }
  return out;
}
