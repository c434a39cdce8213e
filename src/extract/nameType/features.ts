/**
 * Name-type features: what an untyped name's words, and the words around each of its uses, say of what it names.
 */
import { featureHash } from "../../util/featureHash.ts";
import { placeLookup } from "../geo/places.ts";
import { isCommonWord, isFirstName, isPersonWord, isPlaceName } from "../mentions/typing.ts";
import type { Mention } from "../mentions/types.ts";
import type { Analysis, Token } from "../nlp/types.ts";

/** Buckets of a count, so that a feature says "one", "two" or "several". */
function bucket(n: number): string {
  return n === 0 ? "0" : n === 1 ? "1" : n <= 3 ? "2-3" : "4+";
}

/** "Xx", "XX", "Xx-Xx", "x": the word's letters as classes. */
function shape(text: string): string {
  return text
    .replace(/\p{Lu}+/gu, "X")
    .replace(/\p{Ll}+/gu, "x")
    .replace(/\p{N}+/gu, "9")
    .slice(0, 6);
}

/**
 * The features of one name, given all its uses in the document (the same surface): its words, their endings, shapes
 * and what the lexicons and the place index know of them, and the words right before and after every use.
 */
export function nameFeatures(a: Analysis, uses: Mention[]): number[] {
  const out = new Set<number>();
  const add = (kind: string, value = "", more = "") => out.add(featureHash(kind, value, more));
  add("bias");
  const first = uses[0];
  const words = a.tokens.slice(first.from, first.to);
  const last = words[words.length - 1];
  add("words", bucket(words.length));
  add("uses", bucket(uses.length));
  for (const w of words) {
    add("w", w.lower);
    add("shape", shape(w.text));
    if (isFirstName(w.lower)) add("first-name", words.length === 1 ? "alone" : w === words[0] ? "first" : "later");
    if (isPersonWord(w.lower)) add("person-word");
    if (isPlaceName(w.lower)) add("place-word");
    if (isCommonWord(w.lower)) add("common-word");
  }
  add("last", last.lower);
  for (const n of [2, 3, 4]) if (last.lower.length > n) add(`suffix${n}`, last.lower.slice(-n));
  if (words[0].lower.length > 3) add("prefix3", words[0].lower.slice(0, 3));
  const surface = first.surface;
  const places = placeLookup();
  add("places", bucket(places.within(surface).length));
  if (places.regionCodes(surface).length > 0) add("region");
  for (const u of uses) useFeatures(a.tokens, u, add);
  return [...out];
}

/** The words around one use: one and two before and after, their parts of speech, and a sentence start. */
function useFeatures(tokens: Token[], u: Mention, add: (kind: string, value?: string, more?: string) => void): void {
  const before = tokens[u.from - 1];
  const before2 = tokens[u.from - 2];
  const after = tokens[u.to];
  const after2 = tokens[u.to + 1];
  const sameSentence = (t: Token | undefined) => t !== undefined && t.sentence === tokens[u.from].sentence;
  const b1 = sameSentence(before) ? before!.lower : "<s>";
  const b2 = sameSentence(before2) ? before2!.lower : "<s>";
  const a1 = sameSentence(after) ? after!.lower : "</s>";
  const a2 = sameSentence(after2) ? after2!.lower : "</s>";
  add("b1", b1);
  add("b2", b2, b1);
  add("a1", a1);
  add("a2", a1, a2);
  add("b1a1", b1, a1);
  if (sameSentence(before)) add("b1pos", before!.pos);
  if (sameSentence(after)) add("a1pos", after!.pos);
}
