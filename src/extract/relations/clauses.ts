/**
 * Clause relations: subject–verb–object with the ontology's verb map, passives ("annexed by Russia",
 * "led by X"), relative clauses ("X, who leads Y") and gifts ("A receives guarantees from B, C and D").
 * Coordinated subjects and objects give one relation per member.
 */
import { matchPhrase } from "../mentions/phrases.ts";
import type { Sentence } from "../nlp/types.ts";
import {
  coordinatedLeft,
  coordinatedRight,
  mentionEnding,
  mentionStarting,
  type Candidate,
  type View,
} from "./view.ts";

const SKIP_BEFORE_VERB = new Set(["AUX", "ADV", "PART"]);
const RELATIVE = new Set(["who", "which", "that"]);
const SKIP_BEFORE_OBJECT = new Set(["DET", "ADJ", "ADV", "NUM"]);
const PLACE_NOUNS = new Set(["port", "city", "town", "village", "region", "province", "capital"]);
const RECEIVE = new Set(["receive", "get", "obtain", "secure", "win", "accept", "seek", "want"]);
const INCLUDING = new Set(["including", "like"]);

/** Clause relations of one sentence. `appositions` maps a closing comma to the apposition's head entity. */
export function clauseRelations(v: View, s: Sentence, appositions: Map<number, number>): Candidate[] {
  const out: Candidate[] = [];
  let lastSubjects: number[] = [];
  let lastSubjectFrom = s.from;
  for (let k = s.from; k < s.to; k++) {
    const t = v.tokens[k];
    if (t.pos !== "VERB" || v.mentionAt[k]) continue;
    const subject = findSubject(v, s, k, appositions);
    const subjects = subject ? subject.members : coordinatedVerb(v, s, k) ? lastSubjects : [];
    const subjectFrom = subject ? subject.start : lastSubjectFrom;
    if (subject) {
      lastSubjects = subject.members;
      lastSubjectFrom = subject.start;
    }
    if (isPassive(v, k)) {
      passive(v, s, k, out);
      continue;
    }
    if (subjects.length === 0) continue;
    if (RECEIVE.has(t.lemma.toLowerCase()) && gift(v, s, k, subjects, subjectFrom, out)) continue;
    active(v, s, k, subjects, subjectFrom, out);
  }
  return out;
}

/** The entity (or coordinated entities) right before the verb group of the verb at `k`. */
function findSubject(
  v: View,
  s: Sentence,
  k: number,
  appositions: Map<number, number>,
): { members: number[]; start: number } | null {
  let j = k;
  while (j > s.from && SKIP_BEFORE_VERB.has(v.tokens[j - 1].pos)) j--;
  // "X, who leads Y" / "Real Madrid, who are coached by Z"
  if (j > s.from && RELATIVE.has(v.tokens[j - 1].lower)) {
    j--;
    if (v.tokens[j - 1]?.lower === ",") j--;
  }
  if (j > s.from && appositions.has(j - 1)) return { members: [appositions.get(j - 1)!], start: j - 1 };
  if (!mentionEnding(v, j)) return null;
  const { members, start } = coordinatedLeft(v, j);
  return { members: members.map((m) => m.entity), start };
}

/** "condemned the decision and accused Washington": the second verb shares the first one's subject. */
function coordinatedVerb(v: View, s: Sentence, k: number): boolean {
  let j = k;
  while (j > s.from && SKIP_BEFORE_VERB.has(v.tokens[j - 1].pos)) j--;
  return v.tokens[j - 1]?.lower === "and";
}

/** A past participle after a form of "be" or straight after its noun, followed by "by". */
function isPassive(v: View, k: number): boolean {
  return v.tokens[k + 1]?.lower === "by";
}

/** "Y (, which is) led by X" -> X leads Y; "Crimea, annexed by Russia" -> Russia annexed Crimea. */
function passive(v: View, s: Sentence, k: number, out: Candidate[]): void {
  const predicates = verbPredicates(v, k, k + 1);
  if (!predicates) return;
  let j = k;
  while (j > s.from && SKIP_BEFORE_VERB.has(v.tokens[j - 1].pos)) j--;
  if (j > s.from && RELATIVE.has(v.tokens[j - 1].lower)) j--;
  if (v.tokens[j - 1]?.lower === ",") j--;
  const object = mentionEnding(v, j);
  if (!object) return;
  const { members, end } = coordinatedRight(v, k + 2, s.to);
  for (const agent of members)
    out.push({
      source: agent.entity,
      target: object.entity,
      predicates,
      rule: "passive",
      confidence: 0.8,
      from: object.from,
      to: end,
      verb: k,
    });
}

/** Subject(s) + verb phrase + [determiners, adjectives] + object(s). */
function active(v: View, s: Sentence, k: number, subjects: number[], subjectFrom: number, out: Candidate[]): void {
  const phrase = matchPhrase(v.ctx.verbs, v.tokens, k, s.to, true);
  if (!phrase) return;
  let j = phrase.to;
  while (j < s.to && !v.mentionAt[j] && SKIP_BEFORE_OBJECT.has(v.tokens[j].pos)) j++;
  // "leads the pro-business Free Democratic Party": a noun right before the name modifies it.
  if (v.tokens[j]?.pos === "NOUN" && mentionStarting(v, j + 1) && v.tokens[j + 1].start > v.tokens[j].end) j++;
  if (!v.mentionAt[j] && PLACE_NOUNS.has(v.tokens[j]?.lower ?? "") && v.tokens[j + 1]?.lower === "of") j += 2;
  const { members, end } = coordinatedRight(v, j, s.to);
  for (const subject of subjects)
    for (const object of members)
      if (object.entity !== subject)
        out.push({
          source: subject,
          target: object.entity,
          predicates: phrase.phrase.value,
          rule: "svo",
          confidence: 0.75,
          from: subjectFrom,
          to: end,
          verb: k,
        });
}

/** "A would receive security guarantees from other countries, including B, C and D" -> B, C, D guarantor_for A. */
function gift(v: View, s: Sentence, k: number, subjects: number[], subjectFrom: number, out: Candidate[]): boolean {
  const t = v.tokens;
  let predicate: string | undefined;
  let j = k + 1;
  for (; j < s.to && t[j].lower !== "from" && j < k + 6; j++) predicate = v.ctx.gifts.get(t[j].lower) ?? predicate;
  if (!predicate || t[j]?.lower !== "from") return false;
  j++;
  // "from other countries, including ..." / "from allies such as ..."
  if (!mentionStarting(v, j)) {
    let n = j;
    while (n < s.to && n < j + 4 && !INCLUDING.has(t[n].lower) && !(t[n].lower === "such" && t[n + 1]?.lower === "as"))
      n++;
    if (t[n]?.lower === "such") n++;
    j = n + 1;
    if (t[j]?.pos === "DET") j++;
  }
  const { members, end } = coordinatedRight(v, j, s.to);
  for (const giver of members)
    for (const subject of subjects)
      out.push({
        source: giver.entity,
        target: subject,
        predicates: [predicate],
        rule: "gift",
        confidence: 0.7,
        from: subjectFrom,
        to: end,
        verb: k,
      });
  return members.length > 0;
}

/** The predicates of the single-verb phrase at `k` (for passives, the particle is "by"). */
function verbPredicates(v: View, k: number, to: number): string[] | null {
  const phrase = matchPhrase(v.ctx.verbs, v.tokens, k, to, true);
  return phrase ? phrase.phrase.value : null;
}
