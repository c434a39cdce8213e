/**
 * Clause relations: subject–verb–complement for any verb, in main, relative ("X, who leads Y"; "Y, which X
 * founded") and participial clauses ("X, owned by Y"; "X, based in Y"), passives ("X was acquired by Y"), control
 * verbs ("agreed to sell X to Y") and gifts ("A receives guarantees from B, C and D"). Verbs map to predicates
 * through the ontology's verb lists; a clause whose verb maps to none is kept with its verb phrase as the label of
 * an open relation. Coordinated subjects and objects give one relation per member.
 */
import { matchPhrase } from "../mentions/phrases.ts";
import type { Sentence } from "../nlp/types.ts";
import { readComplement, type Complement } from "./objects.ts";
import { rolePredicates } from "./roles.ts";
import {
  CONTROL_VERBS,
  describedHead,
  findSubject,
  isParticiple,
  particleBeforeBy,
  SAME_FORM_PARTICIPLES,
  participleHost,
  verbGroupStart,
  type Subject,
} from "./subjects.ts";
import { beforeAge, coordinatedRight, mentionEnding, mentionStarting, type Candidate, type View } from "./view.ts";
import { isLowerPlural } from "../nlp/letters.ts";

/** Tunables of clause rules. */
export interface ClauseOptions {
  /** Confidence of an active clause whose verb maps to a predicate. */
  active: number;
  /** Confidence of a passive with its agent ("acquired by Y"). */
  passive: number;
  /** Confidence of a clause read through a pronoun or description. */
  coreferent: number;
}

/** Defaults. */
export const DEFAULT_CLAUSE_OPTIONS: ClauseOptions = { active: 0.75, passive: 0.8, coreferent: 0.65 };

const BE = new Set(["be", "get"]);
const RECEIVE = new Set(["receive", "get", "obtain", "secure", "win", "accept", "seek", "want"]);
const INCLUDING = new Set(["including", "like"]);
const RELATIVE_OBJECT = new Set(["which", "that", "whom"]);
/** Verbs that report speech or thought: their complement is a clause, not a second party. */
const REPORTING = new Set(["say", "tell", "add", "note", "argue", "claim", "report", "announce", "think", "believe"]);
/** Verbs that name or classify ("known as", "called", "became"): the copular rules read them, not the open ones. */
const NAMING = new Set(["know", "call", "name", "rename", "dub", "refer", "become", "remain", "include", "consider"]);

/** Clause relations of one sentence. `appositions` maps a closing comma to the apposition's head entity. */
export function clauseRelations(
  v: View,
  s: Sentence,
  appositions: Map<number, number>,
  options: Partial<ClauseOptions> = {},
): Candidate[] {
  const o = { ...DEFAULT_CLAUSE_OPTIONS, ...options };
  const out: Candidate[] = [];
  let last: Subject | null = null;
  for (let k = s.from; k < s.to; k++) {
    const t = v.tokens[k];
    if ((t.pos !== "VERB" && !isMistaggedVerb(v, k) && !isNounGerund(v, k)) || v.mentionAt[k]) continue;
    // "agreed to sell": the verb after "to" carries the relation.
    if (CONTROL_VERBS.has(t.lemma.toLowerCase()) && v.tokens[k + 1]?.lower === "to" && v.tokens[k + 2]?.pos === "VERB")
      continue;
    const found = findSubject(v, s, k, appositions);
    const subject = found ?? (coordinatedVerb(v, s, k) || trailingGerund(v, k) ? last : null);
    if (found) last = found;
    if (!subject || REPORTING.has(t.lemma.toLowerCase())) continue;
    const confidence = v.mentionAt[subject.start] ? 1 : o.coreferent / o.active;
    if (isPassive(v, s, k)) {
      passive(v, s, k, subject, o.passive * confidence, out);
      continue;
    }
    if (RECEIVE.has(t.lemma.toLowerCase()) && gift(v, s, k, subject, out)) continue;
    active(v, s, k, subject, o.active * confidence, out);
    roleInClause(v, s, k, subject, o.active * confidence, out);
  }
  return out;
}

/** Most words between a verb and the "as" of the role its subject acted in ("won two league titles as coach of"). */
const MAX_TO_AS = 6;
/** Words that join a role after "as" to its body ("as coach of", "as captain at"). */
const AS_ROLE_LINKS = new Set(["of", "at", "for"]);

/**
 * "X, who won two titles as coach of Malmö FF", "she scored as captain of Y": a role after "as" in the verb's
 * clause is held by the clause's subject, at the body after "of", "at" or "for".
 */
function roleInClause(v: View, s: Sentence, k: number, subject: Subject, confidence: number, out: Candidate[]) {
  const people = subject.members.filter((e) => v.clusters[e].type === "person");
  if (people.length === 0) return;
  for (let n = k + 1; n < s.to && n <= k + MAX_TO_AS; n++) {
    const t = v.tokens[n];
    if (t.pos === "VERB" || t.pos === "AUX" || t.pos === "PUNCT" || v.mentionAt[n]) return;
    if (t.lower !== "as") continue;
    const role = matchPhrase(v.ctx.roles, v.tokens, n + 1, s.to);
    if (!role || !AS_ROLE_LINKS.has(v.tokens[role.to]?.lower ?? "")) return;
    const at = v.tokens[role.to + 1]?.lower === "the" ? role.to + 2 : role.to + 1;
    const body = mentionStarting(v, at);
    if (!body || !ROLE_BODIES.has(v.clusters[body.entity].type)) return;
    for (const person of people)
      out.push({
        source: person,
        target: body.entity,
        predicates: rolePredicates(role.phrase.value),
        rule: "clause-role",
        confidence,
        from: subject.start,
        to: body.to,
      });
    return;
  }
}
const ROLE_BODIES = new Set(["organization", "country", "location"]);

/** Words after which the next word starts a relative clause's verb group. */
const RELATIVE = new Set(["who", "which", "that"]);

/**
 * "X, who chairs Y", "X chairs Y": the tagger reads some third-person verbs as plural nouns. Such a word counts as a
 * verb when it follows a name or a relative pronoun, a name or article follows it, and the ontology knows its lemma
 * as a verb (so "Kremlin aides Yuri Ushakov" stays a noun phrase).
 */
function isMistaggedVerb(v: View, k: number): boolean {
  const t = v.tokens[k];
  if (t.pos !== "NOUN" || !isLowerPlural(t.text)) return false;
  // "Ana Ruiz, 25, rides for X": or after the age set beside a name.
  const named = beforeAge(v, k - 1);
  const aged = v.tokens[k - 1]?.lower === "," && named < k - 1 && !!mentionEnding(v, named);
  if (!RELATIVE.has(v.tokens[k - 1]?.lower ?? "") && !mentionEnding(v, k) && !aged) return false;
  const next = v.tokens[k + 1];
  const lemma = t.lemma.toLowerCase();
  const phrases = v.ctx.verbs.get(lemma) ?? [];
  // "who rides for Arvéa Cycling": a verb with its preposition, before a name or an article.
  if (next?.pos === "ADP" && phrases.some((p) => p.words.length === 2 && p.words[1] === next.lower)) {
    const after = v.tokens[k + 2];
    return !!after && (!!mentionStarting(v, k + 2) || after.pos === "DET");
  }
  if (!next || (!mentionStarting(v, k + 1) && next.pos !== "DET")) return false;
  return phrases.some((p) => p.words.length === 1 && p.words[0] === lemma);
}

/**
 * "kept his title, beating Uzbekistan's X": a gerund after a comma that the tagger reads as a noun is a verb when the
 * ontology knows its verb and a name, or an article, follows it.
 */
function isNounGerund(v: View, k: number): boolean {
  const t = v.tokens[k];
  if (t.pos !== "NOUN" || !trailingGerund(v, k) || verbLemma(v, k) === t.lemma.toLowerCase()) return false;
  const next = v.tokens[k + 1];
  return !!next && (!!mentionStarting(v, k + 1) || next.pos === "DET");
}

/** "X won the final, beating Y": a gerund after a comma shares the main clause's subject. */
function trailingGerund(v: View, k: number): boolean {
  return v.tokens[k - 1]?.lower === "," && /ing$/.test(v.tokens[k].lower);
}

/** "condemned the decision and accused Washington": the second verb shares the first one's subject. */
function coordinatedVerb(v: View, s: Sentence, k: number): boolean {
  const j = verbGroupStart(v, s, k);
  return v.tokens[j - 1]?.lower === "and";
}

/** A participle after a form of "be" ("was acquired"), or one followed by "by" ("X, owned by Y"). */
function isPassive(v: View, s: Sentence, k: number): boolean {
  if (v.tokens[k + 1]?.lower === "by") return true;
  // "X, a foundation set up by Y", "a unit spun off by Y": a phrasal verb's particle before "by".
  if (particleBeforeBy(v, k)) return true;
  for (let j = k - 1; j >= s.from && j >= k - 3; j--) {
    const t = v.tokens[j];
    if (t.pos === "AUX")
      return (
        BE.has(t.lemma.toLowerCase()) &&
        (v.tokens[k].lower !== v.tokens[k].lemma || SAME_FORM_PARTICIPLES.has(v.tokens[k].lower))
      );
    if (t.pos !== "ADV" && t.pos !== "PART") break;
  }
  // "X, based in Y", "X, a firm based in Y" (not "X, praised Y": a name or article right after makes the verb active).
  const next = v.tokens[k + 1];
  if (!next || next.pos !== "ADP") return false;
  return isParticiple(v, k) && participleHost(v, s, k) >= 0;
}

/** "Y was acquired by X" -> X acquires Y; "X was born in Y" -> born_in(X, Y) through the phrase "bear in". */
function passive(v: View, s: Sentence, k: number, subject: Subject, confidence: number, out: Candidate[]): void {
  const c = readComplement(v, s, k + 1);
  // "was acquired by X"; "was founded in Liverpool in 1987 by X and Y" or "was set up in 1998 by the industrialist X":
  // the agent may come after other complements of the verb, or past the complement window.
  const by = c?.prep === "by" ? c : laterAgent(v, s, c ? c.end : k + 1);
  if (by) agents(v, s, k, subject, by, confidence, out);
  if (!c || c === by) return;
  const predicates = c.prep ? verbPredicates(v, k, c.prep) : [];
  for (const patient of subject.members)
    for (const object of c.members)
      out.push({
        ...base(v, subject, c, k, "passive", confidence),
        source: patient,
        target: object,
        predicates,
        label: openLabel(v, k, c.words),
      });
}

/** The agents of a passive verb at `k`: "X was acquired by Y" gives acquires(Y, X). */
function agents(
  v: View,
  s: Sentence,
  k: number,
  subject: Subject,
  c: Complement,
  confidence: number,
  out: Candidate[],
): void {
  // "was set up by": a phrasal verb names the relation as a whole.
  const phrase = matchPhrase(v.ctx.verbs, v.tokens, k, s.to, true);
  const phrasal = phrase && phrase.to > k + 1 ? phrase : null;
  const predicates = phrasal ? phrasal.phrase.value : verbPredicates(v, k, null);
  const words = phrasal ? v.tokens.slice(k, phrasal.to).map((t) => t.lower) : [v.tokens[k].lower];
  for (const agent of c.members)
    for (const patient of subject.members)
      out.push({
        ...base(v, subject, c, k, "passive", confidence),
        source: agent,
        target: patient,
        predicates,
        agentFirst: true,
        label: `${words.join(" ")} by`,
        openReversed: true,
      });
}

/** Most tokens of other complements between a passive verb's first complement and its "by" agent. */
const MAX_TO_AGENT = 8;

/** A "by" agent starting within a few tokens of `from`, before any verb or clause boundary, or null. */
function laterAgent(v: View, s: Sentence, from: number): Complement | null {
  for (let n = from; n < s.to && n < from + MAX_TO_AGENT; n++) {
    const t = v.tokens[n];
    if (t.lower === "by") {
      const c = readComplement(v, s, n);
      return c && c.prep === "by" ? c : null;
    }
    // "has been run since last year by X": "since" opens a time, not a clause, before the agent.
    const clause = t.pos === "SCONJ" && t.lower !== "since";
    if (t.pos === "VERB" || t.pos === "AUX" || clause || (t.pos === "PUNCT" && t.lower !== ",")) return null;
    if (t.lower === "," && v.tokens[n + 1]?.pos === "CCONJ") return null;
  }
  return null;
}

/** Subject(s) + verb phrase + complement(s); "Y, which X founded" takes the relative clause's head as object. */
function active(v: View, s: Sentence, k: number, subject: Subject, confidence: number, out: Candidate[]): void {
  const phrase = matchPhrase(v.ctx.verbs, v.tokens, k, s.to, true);
  let c = readComplement(v, s, phrase ? phrase.to : k + 1);
  let predicates = phrase ? phrase.phrase.value : [];
  if (c && phrase && phrase.to > k + 1) {
    // A phrasal verb ("take part in", "take over") reaches its complement directly.
    if (!c.direct) predicates = [];
  } else if (c)
    predicates = c.direct ? verbPredicates(v, k, null) : c.prep ? verbPredicates(v, k, c.prep, c.words) : [];
  if (!c) c = relativeObject(v, subject, k);
  if (!c) return;
  const words = [...(phrase && phrase.to > k + 1 ? phrase.phrase.words.slice(1) : []), ...c.words];
  formerBody(v, s, k, subject, c, predicates, confidence, out);
  transferParty(v, s, k, subject, c, confidence, out);
  coFounders(v, s, k, c, predicates, confidence, out);
  destination(v, s, k, subject, c, confidence, out);
  clauseLinks(v, subject, c, k, predicates, words, confidence, out);
}

/** An active clause's candidates: each subject member to each complement member, labelled by {@link openLabel}. */
function clauseLinks(
  v: View,
  subject: Subject,
  c: Complement,
  k: number,
  predicates: string[],
  words: string[],
  confidence: number,
  out: Candidate[],
): void {
  const label = openLabel(v, k, words);
  for (const source of subject.members)
    for (const target of c.members)
      if (target !== source)
        out.push({ ...base(v, subject, c, k, "svo", confidence), source, target, predicates, agentFirst: true, label });
}

/**
 * The label an open relation keeps: the verb at `k` as written and `words` after it; none for a naming verb ("called X"
 * says nothing of how the two are linked).
 */
function openLabel(v: View, k: number, words: string[]): string | undefined {
  return NAMING.has(v.tokens[k].lemma.toLowerCase()) ? undefined : [v.tokens[k].lower, ...words].join(" ");
}

/** Most words between the founded body and the "with" that names a co-founder ("in 2019 with"). */
const MAX_TO_WITH = 4;
/** Most words describing the co-founder before the name ("the geologist"). */
const MAX_WITH_DESCRIPTION = 3;

/** "founded the company in 2019 with the geologist X": X founded it too. */
function coFounders(
  v: View,
  s: Sentence,
  k: number,
  c: Complement,
  predicates: string[],
  confidence: number,
  out: Candidate[],
): void {
  if (!predicates.includes("founded_by") || c.prep !== null) return;
  let n = c.end;
  while (n < s.to && n < c.end + MAX_TO_WITH && v.tokens[n].lower !== "with" && v.tokens[n].pos !== "PUNCT") n++;
  if (v.tokens[n]?.lower !== "with") return;
  n++;
  for (let d = 0; d < MAX_WITH_DESCRIPTION && !v.mentionAt[n] && MODIFIER_OR_NOUN.has(v.tokens[n]?.pos ?? ""); d++) n++;
  const { members, end } = coordinatedRight(v, n, s.to);
  for (const founder of members)
    if (v.clusters[founder.entity].type === "person")
      for (const body of c.members)
        out.push({
          source: founder.entity,
          target: body,
          predicates: ["founded_by"],
          rule: "svo-with",
          confidence,
          from: k,
          to: end,
          verb: k,
          agentFirst: true,
        });
}

const MODIFIER_OR_NOUN = new Set(["DET", "ADJ", "NOUN"]);

/** Predicates of joining a body, whose "from" names the body left: "joined Williams from Prema". */
const JOINING = new Set(["member_of", "plays_for", "works_for"]);

/** "X joined Y from Z": X was a member of Z too, with the same predicates and a lower confidence. */
function formerBody(
  v: View,
  s: Sentence,
  k: number,
  subject: Subject,
  c: Complement,
  predicates: string[],
  confidence: number,
  out: Candidate[],
): void {
  if (c.prep !== null || !predicates.some((p) => JOINING.has(p)) || v.tokens[c.end]?.lower !== "from") return;
  const left = readComplement(v, s, c.end);
  if (!left || left.prep !== "from") return;
  for (const source of subject.members)
    for (const target of left.members)
      if (target !== source && !c.members.includes(target) && v.clusters[target].type === "organization")
        out.push({
          ...base(v, subject, left, k, "svo-from", confidence * FORMER_FACTOR),
          source,
          target,
          predicates: predicates.filter((p) => JOINING.has(p)),
          agentFirst: true,
        });
}

/** A body left is read less surely than the one joined. */
const FORMER_FACTOR = 0.8;

/** Verbs of a transfer, whose "from" or "to" after the object names the other party: "sold X to Y". */
const TRANSFERS = new Set(["sell", "buy", "sign", "acquire", "purchase", "loan", "transfer", "trade", "recruit"]);
/** Prepositions of a transfer's other party. */
const PARTIES = new Set(["from", "to"]);

/**
 * "Napoli sold their forward X to Paris Saint-Germain", "signed X from West Ham": the party after the object's "to"
 * or "from" takes or gave the object; an open relation from the object to it, labelled with the verb and the
 * preposition (the subject's own link to the party is a deal news rarely states as a fact of its own).
 */
function transferParty(
  v: View,
  s: Sentence,
  k: number,
  subject: Subject,
  c: Complement,
  confidence: number,
  out: Candidate[],
): void {
  if (c.prep !== null || !TRANSFERS.has(v.tokens[k].lemma.toLowerCase())) return;
  const prep = v.tokens[c.end]?.lower ?? "";
  if (!PARTIES.has(prep)) return;
  const party = readComplement(v, s, c.end);
  if (!party || party.prep !== prep) return;
  const other = { ...party, members: party.members.filter((e) => !c.members.includes(e)) };
  const label = [v.tokens[k].lower, prep].join(" ");
  for (const target of other.members) {
    for (const source of c.members)
      if (source !== target)
        out.push({ ...base(v, subject, other, k, "svo-transfer", confidence), source, target, predicates: [], label });
  }
}

/** Prepositions of where a move from somewhere ends. */
const DESTINATIONS = new Set(["to", "into"]);

/** "moved from Atlético to Inter Miami": the "to" after a "from" is the verb's complement too. */
function destination(
  v: View,
  s: Sentence,
  k: number,
  subject: Subject,
  c: Complement,
  confidence: number,
  out: Candidate[],
): void {
  // The "from" may be the complement's preposition or the last word of the verb's phrase ("move from").
  const from = c.prep === "from" || (c.prep === null && c.words.length === 0 && v.tokens[k + 1]?.lower === "from");
  if (!from || !DESTINATIONS.has(v.tokens[c.end]?.lower ?? "")) return;
  const to = readComplement(v, s, c.end);
  // The tagger may read "to" as an infinitive's particle, which the complement does not count as its preposition.
  if (!to || (to.prep === null && to.words.length > 0)) return;
  const prep = to.prep ?? v.tokens[c.end].lower;
  const words = to.prep ? to.words : [prep];
  const reached = { ...to, members: to.members.filter((e) => !c.members.includes(e)) };
  clauseLinks(v, subject, reached, k, verbPredicates(v, k, prep, words), words, confidence, out);
}

/** "Y, which X founded": the head of the relative clause whose subject is X. */
function relativeObject(v: View, subject: Subject, k: number): Complement | null {
  const rel = subject.start - 1;
  if (!RELATIVE_OBJECT.has(v.tokens[rel]?.lower ?? "")) return null;
  const near = mentionEnding(v, v.tokens[rel - 1]?.lower === "," ? rel - 1 : rel);
  // "Lee Zeldin, a former congressman from New York whom Trump appointed": "whom" names a person, not the place.
  const person = v.tokens[rel].lower === "whom";
  const fits = near && (!person || v.clusters[near.entity].type === "person");
  const head = (fits ? near : null) ?? describedHead(v, rel);
  if (!head || (person && v.clusters[head.entity].type !== "person")) return null;
  return { members: [head.entity], prep: null, direct: true, words: [], start: head.from, end: k + 1 };
}

/** The evidence spans subject, verb and complement, in whatever order the clause has them ("Born in Y, X ..."). */
function base(v: View, subject: Subject, c: Complement, k: number, rule: string, confidence: number) {
  const from = Math.min(subject.start, k, c.start ?? k);
  const subjectEnd = v.mentionAt[subject.start]?.to ?? subject.start + 1;
  return { rule, confidence, from, to: Math.max(c.end, k + 1, subjectEnd), verb: k };
}

/** The predicates of the verb at `k` alone, or of the verb with preposition `prep` ("play for"). */
function verbPredicates(v: View, k: number, prep: string | null, gap: string[] = []): string[] {
  const lemma = verbLemma(v, k);
  const phrases = v.ctx.verbs.get(lemma);
  if (!phrases) return [];
  const want = prep ? 2 : 1;
  const hit = phrases.find((p) => p.words.length === want && (!prep || p.words[1] === prep));
  if (!prep) return hit?.value ?? [];
  // "won 27 of the 100 seats in X" reads as the ontology's "win a seat in": a phrase whose nouns the gap holds
  // (singular or plural), whatever numbers and articles stand around them. It is the more precise reading: "holds a
  // stake in X" is "hold stake in", not "hold in".
  const nouns = new Set(gap.flatMap((w) => [w, w.replace(/s$/, "")]));
  const spread = phrases.find(
    (p) =>
      p.words.length > 2 &&
      p.words[p.words.length - 1] === prep &&
      p.words.slice(1, -1).every((w) => GAP_FILLERS.has(w) || nouns.has(w)),
  );
  return spread?.value ?? hit?.value ?? [];
}

/**
 * The lemma of the verb at `k`. A gerund the tagger reads as a noun keeps its "-ing" form as its lemma ("won, beating
 * Y"); the verb is then the form without it that the ontology knows ("beat", "make", "win").
 */
function verbLemma(v: View, k: number): string {
  const t = v.tokens[k];
  const lemma = t.lemma.toLowerCase();
  if (t.pos !== "NOUN" || !/^\p{Ll}{3,}ing$/u.test(lemma) || v.ctx.verbs.has(lemma)) return lemma;
  const stem = lemma.slice(0, -3);
  const undoubled = /(\p{Ll})\1$/u.test(stem) ? stem.slice(0, -1) : stem;
  return [stem, `${stem}e`, undoubled].find((w) => v.ctx.verbs.has(w)) ?? lemma;
}

/** Words of a verb phrase that the text may replace with a number or leave out ("win a seat in"). */
const GAP_FILLERS = new Set(["a", "an", "the"]);

/** "A would receive security guarantees from other countries, including B, C and D" -> B, C, D guarantor_for A. */
function gift(v: View, s: Sentence, k: number, subject: Subject, out: Candidate[]): boolean {
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
    for (const receiver of subject.members)
      out.push({
        source: giver.entity,
        target: receiver,
        predicates: [predicate],
        rule: "gift",
        confidence: 0.7,
        from: subject.start,
        to: end,
        verb: k,
      });
  return members.length > 0;
}
