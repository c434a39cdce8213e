/**
 * Copulas and appositions that classify a name: "X is a town in Y" / "X, a village in Y, Z" (the place's state or
 * region, by the object's type), "X is a German racer" / "an American television series" (citizenship, origin or
 * country from the demonym), "X is an album by Y" (the work's performer, author or director by its head noun), and
 * any other "X is a NOUN PREP Y" as an open relation.
 */
import type { EntityType } from "../../model/types.ts";
import type { Sentence } from "../nlp/types.ts";
import { referentAt } from "./coref.ts";
import { describedAt, nextPlace, PLACE_NOUNS, placePredicates } from "./places.ts";
import { demonymAt, stateEntity } from "./states.ts";
import { coordinatedLeft, isPossessive, mentionEnding, mentionStarting, type Candidate, type View } from "./view.ts";
import { startsLower } from "../nlp/letters.ts";

/** Tunables of copular rules. */
export interface CopulaOptions {
  /** Confidence of a place, demonym or work reading. */
  typed: number;
  /** Confidence of "X is a NOUN PREP Y" before the open-relation factor. */
  open: number;
  /** Most words between the article and the head noun. */
  maxModifiers: number;
}

/** Defaults. */
export const DEFAULT_COPULA_OPTIONS: CopulaOptions = { typed: 0.8, open: 0.85, maxModifiers: 6 };

const COPULA = new Set(["is", "was", "are", "were", "became", "becomes", "remains", "remained"]);
const PLURAL_COPULA = new Set(["are", "were"]);
const ARTICLES = new Set(["a", "an", "the", "one"]);
const MODIFIER_POS = new Set(["ADJ", "NOUN", "PROPN", "NUM", "ADV"]);
const PLACE_PREPS = new Set(["in", "of", "on", "near", "within"]);

/** Head nouns of works and the predicate linking the work to the agent after "by". */
const WORK_BY = new Map<string, string>([
  ...["song", "single", "album", "ep", "track", "record", "ballad", "anthem"].map((w) => [w, "performed_by"] as const),
  ...["film", "movie", "documentary"].map((w) => [w, "directed_by"] as const),
  ...["novel", "book", "poem", "play", "story", "memoir", "biography"].map((w) => [w, "written_by"] as const),
  ...["game"].map((w) => [w, "developed_by"] as const),
  ...["painting", "sculpture", "series", "sitcom", "comic", "manga", "opera"].map((w) => [w, "created_by"] as const),
]);

/** Kinship nouns: "X is the son of Y" -> parent_of(Y, X) (`reversed`), "X is the father of Y" -> parent_of(X, Y). */
export const KIN = new Map<string, { predicate: string; reversed: boolean }>([
  ...["son", "daughter", "child", "stepson", "stepdaughter"].map(
    (w) => [w, { predicate: "parent_of", reversed: true }] as const,
  ),
  ...["father", "mother", "parent"].map((w) => [w, { predicate: "parent_of", reversed: false }] as const),
  ...["brother", "sister", "sibling", "half-brother", "half-sister"].map(
    (w) => [w, { predicate: "sibling_of", reversed: false }] as const,
  ),
  ...["wife", "husband", "widow", "widower", "spouse"].map(
    (w) => [w, { predicate: "spouse_of", reversed: false }] as const,
  ),
]);
const PARTY = /\bparty\b/i;

/** How a demonym relates a subject of each type to the state ("German racer": citizen; "American film": origin). */
export const DEMONYM_PREDICATES: Partial<Record<EntityType, string>> = {
  person: "citizen_of",
  work: "originates_from",
  organization: "in_country",
  location: "in_country",
  event: "in_country",
  group: "in_country",
};

/** Copular and appositive relations of one sentence. */
export function copularRelations(v: View, s: Sentence, options: Partial<CopulaOptions> = {}): Candidate[] {
  const o = { ...DEFAULT_COPULA_OPTIONS, ...options };
  const out: Candidate[] = [];
  for (let k = s.from + 1; k < s.to - 1; k++) {
    const w = v.tokens[k].lower;
    let subjects: { entity: number; from: number }[] = [];
    if (COPULA.has(w)) subjects = subjectsBefore(v, s, k);
    else if (w === "," && ARTICLES.has(v.tokens[k + 1].lower) && v.tokens[k + 1].lower !== "the") {
      const m = mentionEnding(v, k);
      if (m) subjects = [{ entity: m.entity, from: m.from }];
    }
    for (const subject of subjects) classify(v, s, subject, k + 1, o, out);
  }
  return out;
}

/** "X and Y are American companies": each coordinated name before the copula at `k` is a subject. */
function subjectsBefore(v: View, s: Sentence, k: number): { entity: number; from: number }[] {
  const first = subjectBefore(v, s, k);
  if (!first || !v.mentionAt[first.from] || v.tokens[k].lower === "is" || v.tokens[k].lower === "was")
    return first ? [first] : [];
  const { members, start } = coordinatedLeft(v, v.mentionAt[first.from]!.to);
  return members.length > 1 ? members.map((m) => ({ entity: m.entity, from: start })) : [first];
}

/** The name or pronoun before the copula at `k`, skipping a parenthesis ("X (born 1950) was"). */
function subjectBefore(v: View, s: Sentence, k: number): { entity: number; from: number } | null {
  let j = k;
  if (v.tokens[j - 1]?.lower === ")") {
    while (j > s.from && v.tokens[j - 1].lower !== "(") j--;
    j--;
  }
  const m = mentionEnding(v, j);
  if (m) return { entity: m.entity, from: m.from };
  const r = j - 1 >= s.from ? referentAt(v, j - 1) : null;
  return r && r.to === j ? { entity: r.entity, from: j - 1 } : null;
}

/** Reads "[a] [modifiers] HEAD [PREP Y ...]" at `j` and records what it says about the subject. */
function classify(
  v: View,
  s: Sentence,
  subject: { entity: number; from: number },
  j: number,
  o: CopulaOptions,
  out: Candidate[],
): void {
  const copular = v.tokens[j - 1].lower !== ",";
  // "X is part of Y" / "X, part of Y"
  if (v.tokens[j]?.lower === "part" && v.tokens[j + 1]?.lower === "of") {
    const whole = objectAfter(v, s, j + 2);
    const m = whole >= 0 ? mentionStarting(v, whole) : null;
    if (m) out.push(cand(subject, m.entity, ["part_of"], "copular-part", o.typed, m.to));
    return;
  }
  // "X and Y are American companies": a plural predicate noun takes no article.
  const bare = PLURAL_COPULA.has(v.tokens[j - 1].lower);
  if (!ARTICLES.has(v.tokens[j]?.lower ?? "") && !bare) return;
  let head = -1;
  let n = ARTICLES.has(v.tokens[j]?.lower ?? "") ? j + 1 : j;
  for (; n < s.to && n <= j + o.maxModifiers; n++) {
    const t = v.tokens[n];
    // "a town and comune of Y": coordinated head nouns share the complement.
    if (t.lower === "and" && head === n - 1 && v.tokens[n + 1]?.pos === "NOUN" && !v.mentionAt[n + 1]) continue;
    // "a German musician": the demonym may already be a one-word mention of its state.
    const named = v.mentionAt[n];
    const state = !named || (named.adjective && named.to - named.from === 1) ? demonymAt(v, n, true) : null;
    // "X, a Democrat,", "X is a Republican senator": a party's adjective describes a member of the party.
    const party =
      !state && named?.known?.kind === "demonym-adjective" && v.clusters[named.entity].type === "organization";
    if (party && v.clusters[subject.entity].type === "person")
      out.push(cand(subject, named.entity, ["in_party"], "copular-party", o.typed, named.to));
    if (!state && (named || !MODIFIER_POS.has(t.pos))) break;
    if (state) {
      const predicate = DEMONYM_PREDICATES[v.clusters[subject.entity].type];
      const target = stateEntity(v, state, n);
      if (predicate) out.push(cand(subject, target, [predicate], "copular-demonym", o.typed, n + 1));
      continue;
    }
    if (t.pos === "NOUN") head = n;
  }
  if (head < 0 || head !== n - 1) return;
  const prep = v.tokens[n]?.lower ?? "";
  const object = objectAfter(v, s, n + 1);
  if (object < 0) return;
  const noun = v.tokens[head].lower;
  // "X is the capital of Y": the capital, and a place in Y.
  const capital = noun === "capital" && prep === "of" ? mentionStarting(v, object) : null;
  if (capital) out.push(cand(subject, capital.entity, ["capital_of"], "copular-capital", o.typed, capital.to));
  if (PLACE_NOUNS.has(noun) && PLACE_PREPS.has(prep)) return placeChain(v, s, subject, object, o, out);
  if (!mentionStarting(v, object)) return;
  const work = WORK_BY.get(noun);
  if (work && prep === "by") {
    for (const m of members(v, s, object)) out.push(cand(subject, m.entity, [work], "copular-work", o.typed, m.to));
    return;
  }
  const m = v.mentionAt[object]!;
  const kin = prep === "of" ? KIN.get(noun) : undefined;
  if (kin) {
    const c = cand(subject, m.entity, [kin.predicate], "copular-kin", o.typed, m.to);
    out.push(kin.reversed ? { ...c, source: m.entity, target: subject.entity } : c);
    return;
  }
  if (noun === "member" && prep === "of") {
    const predicates = PARTY.test(v.clusters[m.entity].label) ? ["in_party", "member_of"] : ["member_of"];
    out.push(cand(subject, m.entity, predicates, "copular-member", o.typed, m.to));
    return;
  }
  const place = v.clusters[m.entity].type;
  const placed = v.clusters[subject.entity].type;
  // "X, a lawmaker from Spain" / "a singer from Malatya, Turkey"
  if (prep === "from" && placed === "person" && (place === "country" || place === "location")) {
    const state = place === "country" ? m : stateAfter(v, m.to);
    if (state) out.push(cand(subject, state.entity, ["citizen_of"], "copular-origin", o.typed * 0.9, state.to));
    if (place === "country") return;
  }
  if (
    prep === "in" &&
    (place === "location" || place === "country") &&
    (placed === "location" || placed === "organization")
  )
    return placeChain(v, s, subject, object, { ...o, typed: o.typed * 0.9 }, out);
  if (copular) out.push({ ...cand(subject, m.entity, [], "copula", o.open, m.to), label: `is ${noun} ${prep}` });
}

/** The country closing a place chain at `k` (", Turkey"), or null. */
function stateAfter(v: View, k: number) {
  const m = v.tokens[k]?.lower === "," ? mentionStarting(v, k + 1) : null;
  return m && v.clusters[m.entity].type === "country" ? m : null;
}

/** The token of the name after a preposition at `k` (past "the", or "the district of"), or -1. */
function objectAfter(v: View, s: Sentence, k: number): number {
  let j = k;
  if (v.tokens[j]?.lower === "the") j++;
  if (j >= s.to) return -1;
  const described = describedAt(v, s, j);
  if (described) return j;
  // "the pop group X", "the rock band X": common nouns before the name describe it.
  for (let n = j; n < j + 3 && n < s.to && !v.mentionAt[n]; n++) {
    const t = v.tokens[n];
    if ((t.pos !== "NOUN" && t.pos !== "ADJ") || !startsLower(t.text)) break;
    if (mentionStarting(v, n + 1)) return n + 1;
  }
  // "part of Microsoft's gaming division": the possessor is not the object.
  const m = mentionStarting(v, j);
  if (m && isPossessive(v, m.to)) return mentionStarting(v, m.to + 1) ? m.to + 1 : -1;
  return m ? j : -1;
}

/** "a town in Y, Z" / "a village in the district of Y, within Z, in northern W": the subject lies in each. */
function placeChain(
  v: View,
  s: Sentence,
  subject: { entity: number; from: number },
  first: number,
  o: CopulaOptions,
  out: Candidate[],
): void {
  let place: { entity: number; to: number } | null = describedAt(v, s, first) ?? mentionStarting(v, first);
  for (let hops = 0; place && hops < 4; hops++) {
    const type = v.clusters[place.entity].type;
    if (type !== "location" && type !== "country") return;
    const factor = hops ? 0.9 : 1;
    out.push(
      cand(
        subject,
        place.entity,
        placePredicates(v, subject.entity, place.entity),
        "copular-place",
        o.typed * factor,
        place.to,
      ),
    );
    place = nextPlace(v, s, place.to, false);
  }
}

function members(v: View, s: Sentence, k: number) {
  const out = [];
  let j = k;
  for (;;) {
    const m = mentionStarting(v, j);
    if (!m) break;
    out.push(m);
    j = m.to;
    if (v.tokens[j]?.lower === "and" || v.tokens[j]?.lower === ",") j++;
    if (j >= s.to) break;
  }
  return out;
}

function cand(
  subject: { entity: number; from: number },
  target: number,
  predicates: string[],
  rule: string,
  confidence: number,
  to: number,
): Candidate {
  return { source: subject.entity, target, predicates, rule, confidence, from: subject.from, to };
}
