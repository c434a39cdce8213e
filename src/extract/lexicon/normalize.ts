/**
 * Name normalisation: the form under which two spellings of one name compare equal.
 */
import { foldQuotes } from "../nlp/analyse.ts";

/** Lower case, folded quotes, no leading "the", no trailing possessive, single spaces: "The Kremlin’s" -> "kremlin". */
export function normalizeName(name: string): string {
  return foldQuotes(name.normalize("NFC"))
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the /, "")
    .replace(/'s?$/, "");
}
