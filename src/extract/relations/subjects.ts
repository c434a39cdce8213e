/**
 * Clause subjects: the entity (or coordinated entities) a verb's clause is about — a name right before the verb
 * group, a pronoun or definite description resolved by coreference, the head of a relative clause ("X, who leads
 * Y"; "X is a singer who signed with Y"), the head of an apposition ("X, a lawmaker from Y, said") or of a
 * participle ("X, owned by Y").
 */
import type { Sentence } from "../nlp/types.ts";
import { isFirmNoun } from "../mentions/cues.ts";
import { referentAt } from "./coref.ts";
import { demonymAt } from "./states.ts";
import { beforeAge, coordinatedLeft, insideWord, isLowerWord, mentionEnding, type View } from "./view.ts";
import { startsLower, startsUpper } from "../nlp/letters.ts";

/** A clause's subject: the entities and the token the subject starts at. */
export interface Subject {
  members: number[];
  start: number;
}

const SKIP_BEFORE_VERB = new Set(["AUX", "ADV", "PART"]);
const PLACES = new Set(["location", "country"]);
const RELATIVE = new Set(["who", "which", "that"]);
/** Verbs that hand their subject to the verb after "to": "agreed to sell", "wants to buy". */
export const CONTROL_VERBS = new Set([
  "agree",
  "want",
  "plan",
  "seek",
  "try",
  "decide",
  "aim",
  "hope",
  "offer",
  "expect",
  "attempt",
  "intend",
  "vow",
  "threaten",
  "move",
  "go",
  "continue",
  "begin",
  "start",
  "promise",
  "prepare",
  "need",
  "help",
  "choose",
]);
const COPULA_FORMS = new Set(["is", "was", "are", "were", "became", "becomes", "remains", "remained", "'s"]);
/** Longest apposition or parenthesis skipped between a name and its verb. */
const MAX_INSERTION = 14;
/** Longest noun phrase between a copula and a relative pronoun ("is an American singer who ..."). */
const MAX_PREDICATE_NOUN = 8;

/** The token where the verb group of the verb at `k` starts ("has not yet agreed to sell": at "has"). */
export function verbGroupStart(v: View, s: Sentence, k: number): number {
  let j = k;
  for (;;) {
    while (j > s.from && SKIP_BEFORE_VERB.has(v.tokens[j - 1].pos) && v.tokens[j - 1].lower !== "to") j--;
    // "which is 30 percent owned by Y": a share before a participle is inside its verb group.
    const share = v.mentionAt[j - 1];
    if (share && v.clusters[share.entity]?.type === "quantity" && /percent|%/.test(share.surface) && j - 1 > s.from) {
      j = share.from;
      continue;
    }
    // "agreed to sell": the controlling verb's group
    const to = v.tokens[j - 1];
    const control = v.tokens[j - 2];
    if (
      to?.lower === "to" &&
      control?.pos === "VERB" &&
      CONTROL_VERBS.has(control.lemma.toLowerCase()) &&
      j - 2 >= s.from
    ) {
      j -= 2;
      continue;
    }
    return j;
  }
}

/** The subject of the verb at `k`; `appositions` maps a closing comma to the apposition's head entity. */
export function findSubject(v: View, s: Sentence, k: number, appositions: Map<number, number>): Subject | null {
  const j = beforeTime(v, s, verbGroupStart(v, s, k));
  if (j > s.from && RELATIVE.has(v.tokens[j - 1].lower)) {
    const head = relativeHead(v, s, j - 1);
    if (head) return head;
    return null;
  }
  if (j > s.from && appositions.has(j - 1)) return appositionHead(v, s, j - 1, appositions.get(j - 1)!);
  // "X (born 1963 in Y)": the name before the parenthesis.
  if (v.tokens[j - 1]?.lower === "(") return subjectEnding(v, s, j - 1);
  const skipped = skipInsertion(v, s, j);
  // "His assistant at Malmö, Tomasz Wójcik, has joined": a person's name set beside a description is the subject.
  // ("Tamarack's chief executive, Graham Pell, flew": the description before it names no one, so nothing was skipped.)
  const named = namedInsertion(v, skipped < j ? skipped : nameBetweenCommas(v, j), j);
  if (named) return named;
  // "X, which mines lithium near Y, is based in Z": past a relative clause, the subject is the name it describes.
  const relative = skipped < j && RELATIVE.has(v.tokens[skipped + 1]?.lower ?? "");
  const subject = headOfChain(
    v,
    s,
    relative
      ? (subjectEnding(v, s, skipped) ?? subjectEnding(v, s, j))
      : (subjectEnding(v, s, j) ?? subjectEnding(v, s, skipped)),
  );
  if (subject || (!isParticiple(v, k) && !/ing$/.test(v.tokens[k].lower))) return subject;
  const body = v.tokens[k + 1]?.lower === "by" && isParticiple(v, k) ? bodyBeforeNoun(v, s, j) : null;
  if (body) return body;
  // "Crimea, annexed by Russia": a participle after the comma that closes a name; "X, becoming Y" is the main
  // clause's subject's (the caller's).
  const host = isParticiple(v, k) ? participleHost(v, s, j) : -1;
  if (host >= 0 && host < j - 1) return subjectEnding(v, s, host);
  if (v.tokens[j - 1]?.lower === ",")
    return (host >= 0 ? subjectEnding(v, s, host) : null) ?? predicateNounSubject(v, s, j, false);
  // "Born in Prelate, he moved": a fronted participle takes the main clause's subject.
  if (j === s.from) return frontedSubject(v, s, k);
  // "X is a daily newspaper published in Y": the participle describes the copula's subject.
  return predicateNounSubject(v, s, j, false);
}

/**
 * "the Viv Ansanm alliance led by Y", "SAP's Business AI unit, led by Y": the organisation named right before the
 * body's noun (and a comma) that ends before token `j`, or null.
 */
function bodyBeforeNoun(v: View, s: Sentence, j: number): Subject | null {
  const n = v.tokens[j - 1]?.lower === "," ? j - 2 : j - 1;
  const noun = v.tokens[n];
  if (n <= s.from || !noun || noun.pos !== "NOUN" || !startsLower(noun.text) || !isFirmNoun(noun.lower)) return null;
  const name = mentionEnding(v, n);
  // "a Reynosa firm owned by Y": after an indefinite article the name only describes the firm.
  const named = name && /^(?:the|'s|’s)$/.test(v.tokens[name.from - 1]?.lower ?? "");
  return named && v.clusters[name.entity].type === "organization" ? { members: [name.entity], start: name.from } : null;
}

/** Prepositions of a time between a subject and its verb: "The court on Friday upheld", "X in March bought". */
const TIME_PREPOSITIONS = new Set(["on", "in", "at", "since", "during", "until", "by"]);

/**
 * Where the verb group starting at `j` starts once a time between it and its subject is passed ("Globex on Monday
 * bought Initech", "The court last week ruled"): the token after the subject.
 */
function beforeTime(v: View, s: Sentence, j: number): number {
  const time = mentionEnding(v, j);
  if (!time || v.clusters[time.entity].type !== "date") return j;
  const prep = time.from - 1;
  // "The Department of Health (DOH) on Wednesday ordered": the subject's acronym in brackets before the time.
  const open = v.tokens[prep - 1]?.lower === ")" ? bracketOpening(v, s, prep - 1) : -1;
  if (open > s.from && TIME_PREPOSITIONS.has(v.tokens[prep].lower) && mentionEnding(v, open)) return open;
  if (prep > s.from && TIME_PREPOSITIONS.has(v.tokens[prep].lower) && mentionEnding(v, prep)) return prep;
  return time.from > s.from &&
    /^(?:last|this|next|early|late)$/.test(v.tokens[time.from].lower) &&
    mentionEnding(v, time.from)
    ? time.from
    : j;
}

/** Most words inside a bracket after a name ("(DOH)", "(Te Whatu Ora)"). */
const MAX_BRACKETED = 6;

/** The "(" that the ")" at `close` closes, or -1. */
function bracketOpening(v: View, s: Sentence, close: number): number {
  for (let n = close - 1; n > s.from && n >= close - MAX_BRACKETED; n--) if (v.tokens[n].lower === "(") return n;
  return -1;
}

/** Most lower-case words between "of the" and the body's name in a subject's chain. */
const MAX_BODY_MODIFIERS = 2;
/** Prepositions that attach a name to the one before it in a subject ("Judge X of the Court for the District of Y"). */
const ATTACHING = new Set(["of", "for", "at", "from"]);

/**
 * The head of a subject that ends a chain of attached names: in "Judge X of the US District Court for the Southern
 * District of Ohio ruled", the verb's subject is the judge, not Ohio. A single coordinated subject only.
 */
function headOfChain(v: View, s: Sentence, subject: Subject | null): Subject | null {
  if (!subject || subject.members.length !== 1) return subject;
  let head = subject;
  for (let start = subject.start; ;) {
    let n = start - 1;
    // "Cemil Tugay of the opposition Republican People's Party accused": words describing the body after "the".
    for (let w = 0; w < MAX_BODY_MODIFIERS && v.mentionAt[start] && isLowerWord(v, n) && n > s.from; w++) n--;
    if (v.tokens[n]?.lower === "the") n--;
    else if (n !== start - 1) return head;
    // "The High Court in Nairobi ruled": "in" attaches a place to the body it sits in.
    const placed = v.tokens[n]?.lower === "in" && PLACES.has(v.clusters[head.members[0]].type) && head === subject;
    if (n <= s.from || (!ATTACHING.has(v.tokens[n].lower) && !placed)) return head;
    // Unnamed words may sit between the names ("Court for the Southern District of Ohio").
    let k = n;
    while (k > s.from && !v.mentionAt[k - 1] && startsUpper(v.tokens[k - 1].text)) k--;
    const before = mentionEnding(v, k);
    if (!before) return head;
    if (k === n) head = { members: [before.entity], start: before.from };
    start = k === n ? before.from : k;
    if (k !== n) start = before.from;
  }
}

/** The subject of the main clause after a sentence-initial participle clause: that of its first finite verb. */
function frontedSubject(v: View, s: Sentence, k: number): Subject | null {
  let comma = false;
  for (let n = k + 1; n < s.to && n < k + 2 * MAX_INSERTION; n++) {
    const t = v.tokens[n];
    if (t.lower === ",") comma = true;
    else if (comma && !v.mentionAt[n] && (t.pos === "VERB" || t.pos === "AUX"))
      return subjectEnding(v, s, verbGroupStart(v, s, n));
  }
  return null;
}

/** The subject of the copula before the noun phrase that ends before token `k` ("X is an American singer"). */
function predicateNounSubject(v: View, s: Sentence, k: number, place: boolean): Subject | null {
  for (let n = k - 1; n >= s.from && n >= k - MAX_PREDICATE_NOUN * (place ? 2 : 1); n--) {
    const t = v.tokens[n];
    if ((v.mentionAt[n] && !place) || t.pos === "VERB" || t.lower === ";" || (t.lower === "," && n !== k - 1))
      return null;
    // "Microsoft's gaming division": a possessive "'s" is no copula.
    if (COPULA_FORMS.has(t.lower) && t.pos !== "PART")
      return subjectEnding(v, s, skipInsertion(v, s, n)) ?? subjectEnding(v, s, n);
  }
  return null;
}

/** Words between a coordinated subject's closing comma and its participle: "X and Y, both based in Z". */
const QUANTIFIERS = new Set(["both", "all", "each"]);
const INDEFINITE = new Set(["a", "an"]);
/** Participles that describe a noun and never end a clause's subject: "the carmaker based in Y". */
const DESCRIBING_ONLY = new Set(["based", "headquartered", "owned", "controlled", "listed"]);
/** Most words of a describing noun phrase between a name's comma and a participle ("X, a battery maker based in"). */
const MAX_DESCRIBING = 5;

/**
 * The comma closing the name(s) that a participle whose verb group starts at `j` describes, or -1: "X, based in Y",
 * "X and Y, both based in Z", "X, a battery maker based in Y" (an apposition's participle belongs to its name).
 */
export function participleHost(v: View, s: Sentence, j: number): number {
  let comma = j - 1;
  if (QUANTIFIERS.has(v.tokens[comma]?.lower ?? "")) comma--;
  else if (v.tokens[comma]?.lower !== ",") {
    let n = j - 1;
    while (n > s.from && n >= j - MAX_DESCRIBING && isDescribingWord(v, n)) n--;
    // "X, the album was produced", "X, the episode aired on": after "the" or an auxiliary the noun is a clause's subject;
    // "X, the state aircraft maker based in Y": but not before a participle that only describes.
    // "X, the investment group led by Y": a participle with its agent right after it describes too.
    const article =
      INDEFINITE.has(v.tokens[n]?.lower ?? "") ||
      (v.tokens[n]?.lower === "the" &&
        (DESCRIBING_ONLY.has(v.tokens[j].lower) || v.tokens[j + 1]?.lower === "by" || particleBeforeBy(v, j)));
    if (n === j - 1 || !article || v.tokens[j].pos !== "VERB") return -1;
    comma = n - 1;
  }
  return comma > s.from && v.tokens[comma].lower === "," && mentionEnding(v, comma) ? comma : -1;
}

/** A word of a noun phrase describing a name: a common noun or adjective, or a demonym ("a Malaysian firm"). */
function isDescribingWord(v: View, n: number): boolean {
  const t = v.tokens[n];
  // "a Malmö-based contractor owned by": a place's "-based" adjective describes too.
  // "a Reynosa firm owned by": a name before the phrase's noun describes it.
  const m = v.mentionAt[n];
  if (m) return m.adjective === true || /-based$/.test(t.text) || commonNounAt(v, m.to);
  return ((t.pos === "NOUN" || t.pos === "ADJ") && startsLower(t.text)) || !!demonymAt(v, n);
}

/** Whether token `k` is a lower-case common noun. */
function commonNounAt(v: View, k: number): boolean {
  return v.tokens[k]?.pos === "NOUN" && startsLower(v.tokens[k].text);
}

/** Whether the verb at `k` is written as a past participle ("annexed", "owned", "born", "set up by"). */
export function isParticiple(v: View, k: number): boolean {
  const t = v.tokens[k];
  if (SAME_FORM_PARTICIPLES.has(t.lower)) return v.tokens[k + 1]?.lower === "by" || particleBeforeBy(v, k);
  return t.lower !== t.lemma.toLowerCase() && /(ed|en|n|t)$/.test(t.lower);
}

/** Verbs whose past participle is their base form: "was set up by", "was run by", "was cut by". */
export const SAME_FORM_PARTICIPLES = new Set([
  "set",
  "put",
  "cut",
  "hit",
  "let",
  "shut",
  "split",
  "spread",
  "cast",
  "run",
  "bid",
]);

/** Particles of phrasal verbs: "set up", "spun off", "taken over", "bought out". */
const VERB_PARTICLES = new Set(["up", "off", "over", "out", "down"]);

/** "X, a foundation set up by Y", "a unit spun off by Y": a phrasal verb's particle between the verb and "by". */
export function particleBeforeBy(v: View, k: number): boolean {
  return VERB_PARTICLES.has(v.tokens[k + 1]?.lower ?? "") && v.tokens[k + 2]?.lower === "by";
}

/** The apposition's head entity, starting where its name does ("Christian Horner, the team principal of X,"). */
function appositionHead(v: View, s: Sentence, comma: number, entity: number): Subject {
  for (let n = comma - 1; n >= s.from; n--)
    if (v.mentionAt[n]?.entity === entity) return { members: [entity], start: v.mentionAt[n]!.from };
  return { members: [entity], start: comma };
}

/** The name, coordination, pronoun or description ending right before token `j`. */
function subjectEnding(v: View, s: Sentence, j: number): Subject | null {
  // "NASA's Jet Propulsion Laboratory (JPL), which is managed by Caltech": the name before a bracketed acronym.
  if (v.tokens[j - 1]?.lower === ")" && v.tokens[j - 3]?.lower === "(") j -= 3;
  if (j <= s.from) return null;
  const ending = mentionEnding(v, j);
  if (ending && insideWord(v, ending)) return null;
  if (ending) {
    const { members, start } = coordinatedLeft(v, j);
    return { members: members.map((m) => m.entity), start };
  }
  // A pronoun is one word, "the company" two, "the Danish company" or "the Oslo-based investment fund" up to four.
  for (const back of [1, 2, 3, 4]) {
    const r = referentAt(v, j - back);
    if (r && r.to === j && j - back >= s.from) return { members: [r.entity], start: j - back };
  }
  return null;
}

/**
 * The person named alone between the commas at `open` and `j - 1`, when what comes before is a description rather
 * than another name ("The new minister, X," / "His assistant at Malmö, X,"); or null.
 */
function namedInsertion(v: View, open: number, j: number): Subject | null {
  if (v.tokens[open]?.lower !== "," || v.tokens[j - 1]?.lower !== ",") return null;
  const person = mentionEnding(v, j - 1);
  if (!person || person.from !== open + 1 || v.clusters[person.entity].type !== "person") return null;
  const before = mentionEnding(v, open);
  // "Feyenoord, X and Y": a name right before is a list's; "the coach at Malmö, X,": a name inside a phrase is not.
  if (before && !PHRASE_PREPOSITIONS.has(v.tokens[before.from - 1]?.lower ?? "")) return null;
  if (!before && !referentAt(v, open - 1) && v.tokens[open - 1]?.pos !== "NOUN") return null;
  return { members: [person.entity], start: person.from };
}

/** The comma opening a name set between commas that ends right before token `j`, or -1. */
function nameBetweenCommas(v: View, j: number): number {
  const m = v.tokens[j - 1]?.lower === "," ? mentionEnding(v, j - 1) : null;
  return m && v.tokens[m.from - 1]?.lower === "," ? m.from - 1 : -1;
}

/** Prepositions that put a name inside a description's phrase: "His assistant at Malmö". */
const PHRASE_PREPOSITIONS = new Set(["at", "of", "for", "with", "from", "in"]);

/** "X, who": the name before the relative pronoun at `k`, or the subject of "X is a singer who". */
function relativeHead(v: View, s: Sentence, k: number): Subject | null {
  const comma = v.tokens[k - 1]?.lower === "," ? k - 1 : k;
  // "Duarte, 23, who was born in": the age set beside the name stands between it and the pronoun.
  const j = comma < k && beforeAge(v, comma) > s.from ? beforeAge(v, comma) : comma;
  const direct = subjectEnding(v, s, j);
  // "a politician in the province of Alberta, who served": "who" skips a place for the clause's subject.
  const place = !!direct && v.tokens[k].lower === "who" && direct.members.some((e) => PLACES.has(v.clusters[e].type));
  // "Sarah Okonjo, a professor at the university who moved": "who" right after a body's description is the person's.
  // "Henrik Halvorsrud, a Norwegian who won": "who" after a demonym made a noun is the person's too.
  const describing = (e: number) => v.clusters[e].type === "organization" || v.mentionAt[k - 1]?.adjective === true;
  // "Vitai Ratanakorn, a former chief executive of the Government Savings Bank, who replaced": after a comma too.
  // "Arnaud De Lie of Lotto, who beat X": "who" after a person's body is the person's.
  if (direct && v.tokens[k].lower === "who" && describing(direct.members[0])) {
    const person = appositionPersonBefore(v, s, direct.start);
    if (person || j === k) return person ?? direct;
    const member = personOf(v, direct);
    if (member) return member;
  }
  if (direct && !place) return direct;
  // "X, a Geneva-based charity that has funded Y": the name the apposition before the pronoun describes.
  // "Microsoft AI, the group's consumer AI division, which is led by Y": the apposition may close with a comma.
  const described = direct ? null : (describedHead(v, k) ?? (comma < k ? describedHead(v, comma) : null));
  if (described) return { members: [described.entity], start: described.from };
  return predicateNounSubject(v, s, k, place);
}

/** The person named right before "of" and the one body `body` names ("Arnaud De Lie of Lotto"); or null. */
function personOf(v: View, body: Subject): Subject | null {
  if (body.members.length !== 1 || v.tokens[body.start - 1]?.lower !== "of") return null;
  const person = mentionEnding(v, body.start - 1);
  return person && v.clusters[person.entity].type === "person"
    ? { members: [person.entity], start: person.from }
    : null;
}

/** The person whose apposition ("X, a professor at ...") runs, without a verb, up to token `k`; or null. */
function appositionPersonBefore(v: View, s: Sentence, k: number): Subject | null {
  for (let n = k - 1; n >= s.from && n >= k - MAX_INSERTION; n--) {
    const t = v.tokens[n];
    if (t.pos === "VERB" || t.pos === "AUX") return null;
    if (t.lower !== ",") continue;
    const before = mentionEnding(v, n);
    return before && v.clusters[before.entity].type === "person"
      ? { members: [before.entity], start: before.from }
      : null;
  }
  return null;
}

/**
 * The token before an apposition or parenthesis that ends at `j` ("X, a lawmaker from Y," / "X (born 1950)"), or
 * `j` when there is none. The insertion must hold no verb other than a participle.
 */
export function skipInsertion(v: View, s: Sentence, j: number): number {
  const close = v.tokens[j - 1]?.lower;
  if (close !== "," && close !== ")") return j;
  const open = close === "," ? "," : "(";
  let finite = false;
  for (let n = j - 2; n >= s.from && n >= j - 1 - MAX_INSERTION; n--) {
    const t = v.tokens[n];
    if (t.lower === open) {
      // "Afrowave, which has been owned by Y since 2023, was founded": a relative clause may hold any verb.
      // "Microsoft, whose chief executive is X, has invested": so may a "whose" clause.
      const pronoun = v.tokens[n + 1]?.lower ?? "";
      const relative = (RELATIVE.has(pronoun) && pronoun !== "that") || pronoun === "whose";
      // "Lena Hofstetter, 46, the Greens' lead candidate, defeated": an age before the apposition.
      const aged = open === "," ? beforeAge(v, n) : n;
      return aged > s.from && mentionEnding(v, aged) && (!finite || relative) ? aged : j;
    }
    if (open === "," && (t.pos === "AUX" || (t.pos === "VERB" && !/(ed|en|n)$/.test(t.lower)))) finite = true;
  }
  return j;
}

/** Most words of an apposition before its relative pronoun ("a Boston-based start-up that"). */
const MAX_APPOSITION = 8;

/** "Calyx, a Boston-based start-up that X co-founded": the name an apposition ending at `rel` describes, or null. */
export function describedHead(v: View, rel: number) {
  for (let n = rel - 1; n >= 0 && n >= rel - MAX_APPOSITION; n--) {
    const t = v.tokens[n];
    if (t.lower === ",") return n < rel - 1 ? mentionEnding(v, n) : null;
    const m = v.mentionAt[n];
    // "a Boston-based start-up": a name inside a hyphenated word is part of the description; so is a demonym
    // ("the Kenyan lawyer who leads").
    if (m && (insideWord(v, m) || m.adjective === true || m.known?.kind === "demonym-adjective")) continue;
    // The tagger reads hyphenated words of a description ("Boston-based", "start-up") as anything.
    if (m || (!APPOSITION_POS.has(t.pos) && !t.text.includes("-"))) return null;
  }
  return null;
}
// "the group's consumer AI division": a possessive's "'s" and a capitalised word that names nothing may stand inside.
const APPOSITION_POS = new Set(["DET", "ADJ", "NOUN", "PUNCT", "NUM", "PART", "PROPN"]);
