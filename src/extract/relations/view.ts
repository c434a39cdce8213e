/**
 * Relation view: the analysed text with, for every token, the mention and entity it belongs to.
 */
import type { CompiledContext } from "../lexicon/compile.ts";
import type { Mention } from "../mentions/types.ts";
import type { Analysis, Token } from "../nlp/types.ts";
import type { Cluster } from "../resolve/resolve.ts";
import { startsLower } from "../nlp/letters.ts";

/** Entity types that are never a clause's subject. */
const NOT_ACTORS = new Set(["date", "quantity"]);

/** Read-only access the relation rules share. */
export interface View {
  a: Analysis;
  tokens: Token[];
  ctx: CompiledContext;
  clusters: Cluster[];
  /** Mention covering each token, or null. */
  mentionAt: (Mention | null)[];
}

/** A relation a rule found, before the ontology picks its predicate and modality is read. */
export interface Candidate {
  source: number;
  target: number;
  /** Predicates to try in order; the first whose domain and range fit the two entities wins. */
  predicates: string[];
  rule: string;
  confidence: number;
  /** Token range of the evidence. */
  from: number;
  to: number;
  /** Token of the verb, for clause rules (modality and negation are read around it). */
  verb?: number;
  role?: string;
  /**
   * Set by verb rules: `source` is the agent and `target` the patient. A predicate named in Wikidata's direction
   * ("was founded by": the work first, the agent second) then swaps the two.
   */
  agentFirst?: boolean;
  /** The verb phrase linking the two ("sold shares in"); kept as an open relation when no predicate fits. */
  label?: string;
  /** An open relation reads in the other direction: the passive's subject first ("X was bought by Y"). */
  openReversed?: boolean;
}

/** Builds the token-to-mention index. */
export function makeView(a: Analysis, ctx: CompiledContext, clusters: Cluster[], mentions: Mention[]): View {
  const mentionAt: (Mention | null)[] = new Array(a.tokens.length).fill(null);
  for (const m of mentions) if (m.entity >= 0 && !m.nested) for (let k = m.from; k < m.to; k++) mentionAt[k] = m;
  return { a, tokens: a.tokens, ctx, clusters, mentionAt };
}

/** The mention starting exactly at token `k`. */
export function mentionStarting(v: View, k: number): Mention | null {
  const m = v.mentionAt[k];
  return m && m.from === k ? m : null;
}

/**
 * The mention ending exactly before token `k`; or, when a name's own acronym in brackets ends there ("X (ACR)"), the
 * acronym's mention (the same entity, ending before the bracket).
 */
export function mentionEnding(v: View, k: number): Mention | null {
  const m = k > 0 ? v.mentionAt[k - 1] : null;
  if (m && m.to === k) return m;
  // "the African Export-Import Bank (Afreximbank), based in Cairo": a name's own acronym in brackets ends it too.
  if (v.tokens[k - 1]?.text !== ")") return null;
  const inner = v.mentionAt[k - 2];
  const name = v.mentionAt[k - 4];
  return inner &&
    inner.from === k - 2 &&
    v.tokens[k - 3]?.text === "(" &&
    name?.to === k - 3 &&
    name.entity === inner.entity
    ? inner
    : null;
}

/** Whether token `k` is a lower-case noun or adjective outside any name ("the oil and gas producer"). */
export function isLowerWord(v: View, k: number): boolean {
  const t = v.tokens[k];
  return !!t && !v.mentionAt[k] && (t.pos === "NOUN" || t.pos === "ADJ") && startsLower(t.text);
}

/** Whether `m` names only the start of its word ("Toulouse" of "Toulouse-based"): it describes, it does not act. */
export function insideWord(v: View, m: Mention): boolean {
  return m.to === m.from + 1 && m.end < v.tokens[m.from].end;
}

/** Articles that open a description set beside a name ("X, a lawyer", "X, the chairman"). */
export const DETERMINERS: ReadonlySet<string> = new Set(["the", "a", "an"]);

/** Whether token `k` is an age: a number of up to three digits ("46"). */
function isAge(v: View, k: number): boolean {
  const t = v.tokens[k];
  return !!t && t.pos === "NUM" && /^\d{1,3}$/.test(t.text);
}

/** Past an age set beside a name that starts at `j` ("X, 46, the Greens' candidate"): the token after it, or `j`. */
export function afterAge(v: View, j: number): number {
  return isAge(v, j) && v.tokens[j + 1]?.lower === "," ? j + 2 : j;
}

/** Before an age set beside a name that ends at the comma `j` ("Duarte, 23, who"): that name's comma, or `j`. */
export function beforeAge(v: View, j: number): number {
  return isAge(v, j - 1) && v.tokens[j - 2]?.lower === "," ? j - 2 : j;
}

/** Whether token `k` is a possessive marker ("'s", "’s", "'"). */
export function isPossessive(v: View, k: number): boolean {
  const t = v.tokens[k];
  if (!t) return false;
  if (t.pos === "PART") return t.lower === "'s" || t.lower === "'";
  // "The Chiefs' chief executive": the tagger may read a plural's apostrophe as punctuation.
  const prev = v.tokens[k - 1];
  const next = v.tokens[k + 1];
  return t.lower === "'" && !!prev && prev.end === t.start && /s$/i.test(prev.text) && next?.pos !== "PUNCT";
}

/**
 * The members of a coordination starting with the mention at `k`: "A, B, C and D" or "A and B".
 * Returns the mentions and the token after the last one.
 */
export function coordinatedRight(v: View, k: number, to: number): { members: Mention[]; end: number } {
  const members: Mention[] = [];
  let j = k;
  let conjunction = false;
  let firstEnd = k;
  for (;;) {
    const m = mentionStarting(v, j);
    if (!m) break;
    members.push(m);
    j = m.to;
    if (members.length === 1) firstEnd = j;
    let n = j;
    if (v.tokens[n]?.lower === ",") n++;
    if (v.tokens[n]?.lower === "and" || v.tokens[n]?.lower === "or") {
      n++;
      conjunction = true;
    }
    if (n === j || n >= to || !mentionStarting(v, n)) break;
    j = n;
  }
  // "born in St Louis, Missouri": names joined by commas alone are a place and its region, not a list.
  if (!conjunction && members.length > 1) return { members: members.slice(0, 1), end: firstEnd };
  return { members, end: j };
}

/** The members of a coordination ending with the mention that ends before `k`: "A and B" + verb. */
export function coordinatedLeft(v: View, k: number): { members: Mention[]; start: number } {
  const members: Mention[] = [];
  let j = k;
  // "1887, Bernheimer bought" / "After leaving Yale, Smith joined": a comma alone joins members only left of "and".
  let conjunction = false;
  for (;;) {
    const m = mentionEnding(v, j);
    if (!m || NOT_ACTORS.has(v.clusters[m.entity].type)) break;
    members.unshift(m);
    j = m.from;
    let n = j;
    if (v.tokens[n - 1]?.lower === "and" || v.tokens[n - 1]?.lower === "or") {
      n--;
      conjunction = true;
    }
    if (v.tokens[n - 1]?.lower === ",") n--;
    if (n === j || !conjunction || !mentionEnding(v, n)) break;
    j = n;
  }
  return { members, start: j };
}
