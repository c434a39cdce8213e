/**
 * Modality and stance: questions, conditionals, hedges, reported speech and negation around a relation set its
 * modality and lower its confidence; negation flips the stance of polar predicates and is never dropped silently.
 */
import type { Modality, Stance } from "../../model/types.ts";
import type { Sentence, Token } from "../nlp/types.ts";

const CONDITIONAL = new Set(["if", "unless", "whether"]);
const MODALS = new Set(["would", "could", "might", "may", "should", "can", "must", "'d"]);
const HEDGES = new Set([
  "seem",
  "seems",
  "seemed",
  "appear",
  "appears",
  "appeared",
  "likely",
  "unlikely",
  "possibly",
  "perhaps",
  "probably",
  "expected",
]);
const REPORTED = new Set([
  "reportedly",
  "allegedly",
  "apparently",
  "according",
  "say",
  "said",
  "says",
  "told",
  "claimed",
  "claims",
  "announced",
  "reported",
  "warned",
  "added",
  "insisted",
]);
const PROPOSED = new Set([
  "propose",
  "proposed",
  "proposes",
  "proposal",
  "suggest",
  "suggested",
  "suggests",
  "offer",
  "offered",
  "plan",
  "planned",
  "plans",
]);
/** Verbs of wanting and trying: "wants to buy Y" states an aim, not a fact. */
const DESIRED = new Set([
  "want",
  "wants",
  "wanted",
  "hope",
  "hopes",
  "hoped",
  "seek",
  "seeks",
  "sought",
  "try",
  "tries",
  "tried",
  "aim",
  "aims",
  "aimed",
  "intend",
  "intends",
  "intended",
  "attempt",
  "attempts",
  "attempted",
  "threaten",
  "threatens",
  "threatened",
]);
/** Words after which "X doing Y" is a noun phrase, not a statement: "the possibility of X joining Y". */
const NOMINAL_HEADS = new Set(["of", "about", "for", "against", "without"]);
const NEGATIONS = new Set(["not", "n't", "never", "no", "neither", "nor", "without"]);

/** Predicates whose stance is for or against their object; others are neutral. */
const POLAR: Record<string, Stance> = {
  supports: "supports",
  positive_about: "supports",
  proposes: "supports",
  seeks: "supports",
  negotiates_for: "supports",
  wants_to_end: "opposes",
  opposes: "opposes",
  skeptical_of: "opposes",
};

/** How the text commits to one relation. */
export interface Reading {
  modality: Modality;
  stance: Stance;
  negated: boolean;
  /** Factor applied to the rule's confidence. */
  factor: number;
}

/** Reads the modality of the relation spanning tokens `[from, to)` of sentence `s` (verb at `verb`, if any). */
export function readModality(
  tokens: Token[],
  s: Sentence,
  from: number,
  to: number,
  predicate: string,
  verb?: number,
): Reading {
  let modality: Modality = "asserted";
  let factor = 1;
  let negated = false;
  const clause = verb !== undefined;
  const last = tokens[s.to - 1];
  if (last?.text === "?") {
    modality = "hypothetical";
    factor *= 0.5;
  }
  const scanTo = clause ? Math.max(to, verb + 1) : to;
  for (let k = clause ? afterQuotation(tokens, s.from, from) : from; k < scanTo; k++) {
    const w = tokens[k].lower;
    if (CONDITIONAL.has(w) && k < (verb ?? to)) {
      modality = "hypothetical";
      factor *= 0.6;
    } else if (clause && MODALS.has(w) && k < verb!) {
      if (modality === "asserted") modality = "hypothetical";
      factor *= 0.8;
    } else if (clause && HEDGES.has(w)) {
      if (modality === "asserted") modality = "hypothetical";
      factor *= 0.75;
    } else if (clause && REPORTED.has(w) && k < verb!) {
      if (modality === "asserted") modality = "reported";
      factor *= 0.9;
    } else if (clause && DESIRED.has(w) && k < verb! && tokens[k + 1]?.lower === "to") {
      if (modality === "asserted") modality = "hypothetical";
      factor *= 0.7;
    } else if (clause && PROPOSED.has(w) && k < verb!) {
      if (modality === "asserted") modality = "proposed";
      factor *= 0.85;
    }
  }
  if (clause) negated = isNegated(tokens, s, verb!);
  // "the possibility of Ukraine joining NATO": a gerund clause inside a noun phrase is not asserted.
  if (clause && /ing$/.test(tokens[verb!].lower) && NOMINAL_HEADS.has(tokens[from - 1]?.lower ?? "")) {
    modality = "hypothetical";
    factor *= 0.7;
  }
  const base = POLAR[predicate] ?? "neutral";
  let stance: Stance = base;
  if (negated) {
    stance = base === "supports" ? "opposes" : base === "opposes" ? "supports" : "neutral";
    factor *= 0.6;
  }
  return { modality, stance, negated, factor };
}

/** Quotation marks, straight or curly. */
const QUOTE_MARKS = new Set(['"', "\u201c", "\u201d"]);

/**
 * Where the clause of a relation starting at `from` starts its scan: after the last quotation closed before it
 * ('"... we could fight," said the captain, X, who joined Y': the quoted words qualify no relation outside them),
 * else the sentence's start `first`.
 */
function afterQuotation(tokens: Token[], first: number, from: number): number {
  let marks = 0;
  let last = -1;
  for (let k = first; k < from; k++)
    if (QUOTE_MARKS.has(tokens[k].text)) {
      marks++;
      last = k;
    }
  return marks > 0 && marks % 2 === 0 ? last + 1 : first;
}

/** A negation inside the verb group: "did not support", "has never backed", "doesn't want". */
function isNegated(tokens: Token[], s: Sentence, verb: number): boolean {
  for (let k = verb - 1; k >= s.from && verb - k <= 4; k--) {
    const t = tokens[k];
    if (NEGATIONS.has(t.lower)) return true;
    if (t.pos !== "AUX" && t.pos !== "ADV" && t.pos !== "PART") return false;
  }
  return false;
}
