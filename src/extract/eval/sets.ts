/**
 * The hand-annotated news evaluation sets: which folders hold them and which are only for measuring.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../tests/fixtures/extract");

/** A hand-annotated set: `dev` is tuned on; the others only measure. */
export interface EvalSet {
  name: string;
  dir: string;
  heldOut: boolean;
}

/** The news evaluation sets, in the order they are printed. */
export const EVAL_SETS: EvalSet[] = [
  { name: "dev", dir: path.join(FIXTURES, "dev"), heldOut: false },
  { name: "news dev", dir: path.join(FIXTURES, "devnews"), heldOut: false },
  { name: "news dev 2", dir: path.join(FIXTURES, "devnews2"), heldOut: false },
  { name: "news dev 3", dir: path.join(FIXTURES, "devnews3"), heldOut: false },
  { name: "news dev 4", dir: path.join(FIXTURES, "devnews4"), heldOut: false },
  { name: "news dev 5", dir: path.join(FIXTURES, "devnews5"), heldOut: false },
  { name: "news dev 6", dir: path.join(FIXTURES, "devnews6"), heldOut: false },
  { name: "news dev 7", dir: path.join(FIXTURES, "devnews7"), heldOut: false },
  { name: "news dev 8", dir: path.join(FIXTURES, "devnews8"), heldOut: false },
  { name: "news dev 9", dir: path.join(FIXTURES, "devnews9"), heldOut: false },
  { name: "news dev 10", dir: path.join(FIXTURES, "devnews10"), heldOut: false },
  { name: "news dev 11", dir: path.join(FIXTURES, "devnews11"), heldOut: false },
  { name: "news dev 12", dir: path.join(FIXTURES, "devnews12"), heldOut: false },
  { name: "news dev 13", dir: path.join(FIXTURES, "devnews13"), heldOut: false },
  { name: "news dev 14", dir: path.join(FIXTURES, "devnews14"), heldOut: false },
  { name: "news dev 15", dir: path.join(FIXTURES, "devnews15"), heldOut: false },
  { name: "news dev 16", dir: path.join(FIXTURES, "devnews16"), heldOut: false },
  { name: "news dev 17", dir: path.join(FIXTURES, "devnews17"), heldOut: false },
  { name: "news dev 18", dir: path.join(FIXTURES, "devnews18"), heldOut: false },
  { name: "news dev 19", dir: path.join(FIXTURES, "devnews19"), heldOut: false },
  { name: "news dev 20", dir: path.join(FIXTURES, "devnews20"), heldOut: false },
  { name: "held-out", dir: path.join(FIXTURES, "heldout"), heldOut: true },
  { name: "news (held-out)", dir: path.join(FIXTURES, "news"), heldOut: true },
  { name: "news (held-out 2)", dir: path.join(FIXTURES, "news2"), heldOut: true },
  { name: "news (held-out 3)", dir: path.join(FIXTURES, "news3"), heldOut: true },
  { name: "news (held-out 4)", dir: path.join(FIXTURES, "news4"), heldOut: true },
  { name: "news (held-out 5)", dir: path.join(FIXTURES, "news5"), heldOut: true },
];
