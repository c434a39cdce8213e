/**
 * Role relations: appositions and titles that say what a person is to an organisation or state —
 * "X, Y's lead negotiator", "X, the chief executive of Y", "Y's president, X", "German Chancellor X",
 * "X is a contributor to Y".
 */
import type { Phrase } from "../lexicon/compile.ts";
import { matchPhrase } from "../mentions/phrases.ts";
import { afterTitle } from "../mentions/titles.ts";
import type { EntityType } from "../../model/types.ts";
import type { Mention } from "../mentions/types.ts";
import type { Sentence, Token } from "../nlp/types.ts";
import { antecedent, descriptionAt, possessedBodyNamed, pronounAt, referentAt } from "./coref.ts";
import { implicitOwner, isBenchTitle } from "./implicitOwner.ts";
import { describedName } from "./objects.ts";
import {
  afterAge,
  coordinatedRight,
  DETERMINERS,
  isPossessive,
  mentionEnding,
  mentionStarting,
  type Candidate,
  type View,
} from "./view.ts";
import { startsLower, startsUpper } from "../nlp/letters.ts";

const ACTORS = new Set(["person", "organization", "country", "group"]);
/** A title's owner the text does not name is guessed from the story: less sure than one it names (0.85). */
const IMPLICIT_CONFIDENCE = 0.6;
/** Entities that may own a role named before a person. */
const OWNER_TYPES = new Set(["person", "organization", "country", "group", "location", "event"]);
/** Words that start a second role coordinated with a first: "the lead candidate and a former mayor of X". */
const COORDINATED_ROLE = new Set(["a", "an", "the", "former", "its", "his", "her"]);
/** Types of the places a role may be held in ("European director"), as opposed to its holder. */
const PLACE_TYPES = new Set(["location", "country"]);
/** Verbs that introduce a role with "as": "returned as chief executive of Y", "was named as". */
const AS_VERBS = new Set([
  "return",
  "serve",
  "act",
  "join",
  "name",
  "appoint",
  "stay",
  "remain",
  "continue",
  "take",
  "step",
]);
const ROLE_OF = new Set(["of", "at", "for", "to", "with", "in"]);
const MODIFIER_POS = new Set(["ADJ", "NOUN", "PROPN", "VERB"]);
/** Words that date a role before its owner's name: "a former Infosys executive". */
const TIME_MODIFIERS = new Set([
  "former",
  "longtime",
  "long-time",
  "onetime",
  "one-time",
  "then",
  "current",
  "veteran",
]);
const COPULA = new Set(["is", "was", "are", "were", "been", "be", "'s", "remains", "became", "becomes"]);

/** Role relations in one sentence; `appositions` receives the comma closing each "X, role of Y," apposition. */
export function roleRelations(v: View, s: Sentence, appositions: Map<number, number>): Candidate[] {
  const out: Candidate[] = [];
  for (let k = s.from; k < s.to; k++) {
    const m = mentionStarting(v, k);
    // People hold roles; organisations and states can too ("Microsoft, OpenAI's largest investor").
    if (!m || !ACTORS.has(v.clusters[m.entity].type)) continue;
    after(v, s, m.entity, m.from, m.to, out, appositions);
    before(v, s, m.entity, m.from, m.to, out);
    whoseBody(v, m.entity, m.from, m.to, out);
    whoseMembers(v, s, m.entity, m.from, m.to, out);
  }
  return out;
}

/** "X, [the] [adj] ROLE of Y" / "X, Y's [adj] ROLE" / "X, the Y ROLE" / "X is a ROLE of Y". */
function after(
  v: View,
  s: Sentence,
  person: number,
  from: number,
  to: number,
  out: Candidate[],
  appositions: Map<number, number>,
  second = false,
) {
  const t = v.tokens;
  let j = to;
  let copular = false;
  if (t[j]?.lower === "(") while (j < s.to && t[j].lower !== ")") j++;
  if (t[j]?.lower === ")") j++;
  const as = t[j]?.lower === "as" ? j + 1 : asRole(v, j);
  if (as > 0) {
    // "X returned as chief executive of Y", "X was appointed as ..."
    copular = true;
    j = as;
  } else if (t[j]?.lower === "," && t[from - 1]?.lower === "," && COPULA.has(t[j + 1]?.lower ?? "")) {
    // "The new minister, X, is a former judge at Y": the name set beside the subject is what the copula describes.
    copular = true;
    j += 2;
  } else if (t[j]?.lower === "," || (second && t[j]?.lower === "and")) {
    // "X, the Greens' lead candidate and a former mayor of Freiburg,": a second role coordinated with the first.
    j++;
  }
  // "Voltaro's European director" is a possessive, not "Voltaro is".
  else if (COPULA.has(t[j]?.lower ?? "") && !isPossessive(v, j)) {
    copular = true;
    j++;
  } else return;
  if (t[j]?.lower === "who" && COPULA.has(t[j + 1]?.lower ?? "")) j += 2;
  // "X, who was previously an engineer at Y": an adverb after the copula.
  if (copular || t[j - 1]?.lower === "was" || t[j - 1]?.lower === "is") while (t[j]?.pos === "ADV") j++;
  // "Lena Hofstetter, 46, the Greens' lead candidate": an age before the apposition.
  if (!copular) j = afterAge(v, j);

  // "X, its chief executive" / "X, the company's chief executive": the owner is the entity the words point to.
  const pointed = pointedOwner(v, j, person);
  if (pointed) {
    const role = roleAt(v, pointed.to, s.to);
    if (role) {
      out.push(cand(person, pointed.owner, role.predicate, "coreferent-role", from, role.to, role.text));
      close(v, s, role.to, person, from, out, appositions);
    }
    return;
  }
  if (DETERMINERS.has(t[j]?.lower ?? "")) j++;
  // "X, a former Infosys executive": a word of time before the owner's name.
  if (TIME_MODIFIERS.has(t[j]?.lower ?? "") && mentionStarting(v, j + 1)) j++;
  // "Y's ROLE" or "the Y ROLE" ("the French president"), but not a demonym before a role "of" a body: "the
  // Paraguayan unit of Brazil's Minerva Foods".
  const owner = mentionStarting(v, j);
  const ofBody = owner && isDemonymBefore(v, j) && ROLE_OF.has(t[roleAt(v, owner.to, s.to)?.to ?? -1]?.lower ?? "");
  if (owner && !ofBody) {
    let r = owner.to;
    if (isPossessive(v, r)) r++;
    const role = roleAt(v, r, s.to);
    if (role) {
      out.push(cand(person, owner.entity, role.predicate, "appositive-role", from, role.to, role.text));
      close(v, s, role.to, person, from, out, appositions);
    }
    return;
  }
  const role = roleAt(v, j, s.to) ?? staffNoun(v, j, s.to);
  if (!role || !ROLE_OF.has(t[role.to]?.lower ?? "")) return;
  let o = role.to + 1;
  // "a professor of microbiology at the university": the role's field is no body; the body follows "at".
  if (t[role.to].lower === "of" && !v.mentionAt[o] && !referentAt(v, o))
    for (let n = o; n < o + 4 && n < s.to && !v.mentionAt[n]; n++)
      if (STAFF_AT.has(t[n].lower)) {
        o = n + 1;
        break;
      }
  // "a fire information officer with the service": the role is held at the body the description refers to.
  const referent = referentAt(v, o);
  if (referent && !v.mentionAt[o] && ACTORS.has(v.clusters[referent.entity].type) && referent.entity !== person) {
    out.push(cand(person, referent.entity, role.predicate, "coreferent-role", from, referent.to, role.text));
    close(v, s, referent.to, person, from, out, appositions);
    return;
  }
  if (DETERMINERS.has(t[o]?.lower ?? "")) o++;
  // "the leader of the opposition Christian Democratic Union", "an executive of the Dutch brewer Heineken": skip a
  // few modifiers, a demonym among them.
  for (let n = 0; n < 3 && (!v.mentionAt[o] || isDemonymBefore(v, o)) && MODIFIER_POS.has(t[o]?.pos ?? ""); n++) o++;
  const target = mentionStarting(v, o);
  if (!target) return;
  // "a critic for the Rome daily La Repubblica": a place before the body's kind describes the body named after it.
  const place = PLACE_TYPES.has(v.clusters[target.entity].type);
  const described = place && startsLower(t[target.to]?.text ?? "") ? describedName(v, target.to, s.to) : null;
  // "a contributor to the Examiner's Beltway Confidential blog": the role is held at the possessed name.
  // "the leader of Georgia's largest opposition party, Freedom Forum": or the body the possessed noun names.
  const owned = isPossessive(v, target.to)
    ? (mentionStarting(v, target.to + 1) ?? possessedBodyNamed(v, s, target.to + 1))
    : null;
  const head = owned ?? described ?? target;
  out.push(
    cand(person, head.entity, role.predicate, copular ? "copular-role" : "appositive-role", from, head.to, role.text),
  );
  close(v, s, head.to, person, from, out, appositions);
}

/** Whether the word at `k` is a title or a one-word role ("Captain", "President"). */
function isTitleAt(v: View, k: number): boolean {
  const t = v.tokens;
  return (
    startsUpper(t[k].text) && (afterTitle(t, k, k + 2) === k + 1 || matchPhrase(v.ctx.roles, t, k, k + 1)?.to === k + 1)
  );
}

/** "Y's ROLE, X" / "Y ROLE X" / "Demonym ROLE X" (the role words sit right before the person). */
function before(v: View, s: Sentence, person: number, from: number, _to: number, out: Candidate[]) {
  const t = v.tokens;
  // "Lumo's co-founders, Aino Virtanen and Rahul Menon": the second of two people shares the first one's role.
  const partner = t[from - 1]?.lower === "and" ? mentionEnding(v, from - 1) : null;
  if (partner && v.clusters[partner.entity].type === "person" && v.clusters[person].type === "person") {
    const found: Candidate[] = [];
    before(v, s, partner.entity, partner.from, partner.to, found);
    for (const c of found) out.push({ ...c, source: person, to: v.mentionAt[from]!.to });
    return;
  }
  let j = from;
  // "Its president, Captain Rodrigo Saavedra": a title between the comma and the name.
  if (t[j - 2]?.lower === "," && isTitleAt(v, j - 1)) j--;
  // "Lighthouse Sound's founder, the producer Tunde Bello": an occupation and its article between the role and name.
  const described =
    t[j - 1]?.pos === "NOUN" && startsLower(t[j - 1].text) && /^(?:the|a|an)$/.test(t[j - 2]?.lower ?? "");
  if (described && t[j - 3]?.lower === "," && roleEnding(v, s, j - 3, ROLE_REACH_BEFORE_NAME, true)) j -= 3;
  if (t[j - 1]?.lower === ",") j--;
  // "Microsoft, whose chief executive is Satya Nadella": a "whose" role linked to the name by "is".
  if (j === from && (t[j - 1]?.lower === "is" || t[j - 1]?.lower === "was")) {
    const linked = roleEnding(v, s, j - 1, ROLE_REACH_BEFORE_NAME, true);
    if (linked && t[linked.start - 1]?.lower === "whose") j--;
  }
  // The longest role phrase ending right before the person ("chief executive", not "executive"); "Lumo's co-founders,
  // X and Y": a plural role names each of the people after it.
  const role = roleEnding(v, s, j, ROLE_REACH_BEFORE_NAME, true);
  if (!role) {
    if (j < from && !roleOfBodyBefore(v, s, person, from, j, out)) staffBefore(v, s, person, from, j, out);
    else if (j === from) benchBefore(v, person, from, out);
    return;
  }
  let p = role.start;
  // "the company's founder and chief executive, X": a role coordinated before the last one has the same owner.
  const roles = [role.phrase];
  const first = t[p - 1]?.lower === "and" ? roleEnding(v, s, p - 1, ROLE_REACH_COORDINATED, false) : null;
  if (first) {
    roles.unshift(first.phrase);
    p = first.start;
  }
  const end = v.mentionAt[from]!.to;
  // "Transport Minister X", "Romania's education minister, X": the ministry the text names for the portfolio.
  const ministry = portfolioMinistry(v, role.start, j - role.phrase.words.length);
  if (ministry >= 0 && ministry !== person)
    out.push(cand(person, ministry, role.phrase.value, "portfolio-role", role.start, end, role.phrase.words.join(" ")));
  // "Its president, X" / "the club's president, X": the owner is the entity the words point to.
  const pointed = pointedOwnerEnding(v, p, person);
  if (pointed) {
    for (const r of roles)
      out.push(cand(person, pointed.entity, r.value, "coreferent-role", pointed.at, end, r.words.join(" ")));
    return;
  }
  if (isPossessive(v, p - 1)) p--;
  let owner = mentionEnding(v, p);
  // "on Thursday approved Mayor X": a date before the title owns nothing.
  if (owner && !OWNER_TYPES.has(v.clusters[owner.entity].type)) owner = null;
  if (!owner) {
    // "Mayor Wayne Brown", "coach Diego Simeone": the story's own city, state, club or firm.
    const words = role.phrase.words.join(" ");
    const implicit = isPossessive(v, p) ? -1 : implicitOwner(v, words, person);
    if (implicit >= 0 && roles.length === 1)
      out.push({
        ...cand(person, implicit, role.phrase.value, "implicit-role", role.start, end, words),
        confidence: IMPLICIT_CONFIDENCE,
      });
    return;
  }
  // "Voltaro's European director, X": the demonym says where the role is held; the possessive names its holder.
  const holder = isPossessive(v, owner.from - 1) ? mentionEnding(v, owner.from - 1) : null;
  if (holder && PLACE_TYPES.has(v.clusters[owner.entity].type) && !PLACE_TYPES.has(v.clusters[holder.entity].type))
    owner = holder;
  out.push(cand(person, owner.entity, role.phrase.value, "title-role", owner.from, end, role.phrase.words.join(" ")));
}

/**
 * "Deputy Chief Justice Richard Buteera", the first of "Justices X, Y and Z": a judge's title with no court named sits
 * on the story's court.
 */
function benchBefore(v: View, person: number, from: number, out: Candidate[]): void {
  const title = v.tokens[from - 1];
  if (!title || !isBenchTitle(title.lower) || !startsUpper(title.text) || v.mentionAt[from - 1]) return;
  const court = implicitOwner(v, "judge", person);
  const end = v.mentionAt[from]!.to;
  if (court >= 0)
    out.push({
      ...cand(person, court, "member_of", "implicit-role", from - 1, end, "judge"),
      confidence: IMPLICIT_CONFIDENCE,
    });
}

/** Shortest portfolio word read ("trade", "health"; not "new"). */
const MIN_PORTFOLIO_WORD = 5;
const MINISTRY = /^(?:the )?(?:ministry|department) of /;

/**
 * The ministry whose name carries the portfolio word before a role ("Transport Minister", "education minister" with
 * "the Ministry of Transportation" or "Ministry of Education" named in the text), or -1.
 */
function portfolioMinistry(v: View, from: number, roleWord: number): number {
  for (let k = roleWord - 1; k >= from; k--) {
    const word = v.tokens[k].lower;
    if (word.length < MIN_PORTFOLIO_WORD || v.mentionAt[k]) continue;
    // "transport" names the Ministry of Transportation: one word begins the other.
    const names = (w: string) => w.length >= MIN_PORTFOLIO_WORD && (w.startsWith(word) || word.startsWith(w));
    const found = v.clusters.findIndex((c) => {
      const label = c.label.toLowerCase();
      return c.type === "organization" && MINISTRY.test(label) && label.split(/[\s,]+/).some(names);
    });
    if (found >= 0) return found;
  }
  return -1;
}

/**
 * "The governor of the Bank of Canada, X, told", "A spokesman for Lumo, X": a role and the body it is held at, set
 * before a person's name by a comma. Returns whether it found one.
 */
function roleOfBodyBefore(v: View, s: Sentence, person: number, from: number, comma: number, out: Candidate[]) {
  const t = v.tokens;
  const body = mentionEnding(v, comma);
  if (!body || body.entity === person || !ACTORS.has(v.clusters[body.entity].type)) return false;
  let q = body.from;
  if (DETERMINERS.has(t[q - 1]?.lower ?? "")) q--;
  if (!ROLE_OF.has(t[q - 1]?.lower ?? "")) return false;
  const role = roleEnding(v, s, q - 1, ROLE_REACH_BEFORE_NAME, false);
  // The name closes the apposition ("..., X, told" or "said ..., X."): "the head of Y, X and Z" lists names.
  if (!role || !CLOSERS.has(t[v.mentionAt[from]!.to]?.lower ?? ".")) return false;
  const end = v.mentionAt[from]!.to;
  out.push(cand(person, body.entity, role.phrase.value, "title-role", role.start, end, role.phrase.words.join(" ")));
  return true;
}

/** Words of a job the role lexicon lacks, between a possessive and the name: "Roche's head of partnering, X". */
const MAX_STAFF_WORDS = 4;
const STAFF_LINKS = new Set(["of", "for"]);
const CLOSERS = new Set([",", ".", ";", ")"]);

/**
 * "Roche's head of partnering, X", "the company's head of research, X": a job the lexicon does not list, owned by a
 * body and set before a person's name by a comma, makes the person the body's staff.
 */
function staffBefore(v: View, s: Sentence, person: number, from: number, comma: number, out: Candidate[]): void {
  const t = v.tokens;
  let p = comma;
  // "Prime Video's head of African originals, X": a demonym adjective may qualify the field.
  const demonym = (k: number) => v.mentionAt[k]?.adjective === true;
  while (
    p > s.from &&
    comma - p < MAX_STAFF_WORDS &&
    ((!v.mentionAt[p - 1] && isStaffWord(t[p - 1])) || demonym(p - 1))
  )
    p--;
  // The name closes the apposition ("..., X, said" or "said ..., X."): "X's decision, Y said," is no job.
  const after = t[v.mentionAt[from]!.to]?.lower ?? ".";
  if (p === comma || t[p].pos !== "NOUN" || STAFF_LINKS.has(t[comma - 1].lower) || !CLOSERS.has(after)) return;
  const words = t
    .slice(p, comma)
    .map((w) => w.lower)
    .join(" ");
  const pointed = pointedOwnerEnding(v, p, person);
  const owner = pointed ? null : isPossessive(v, p - 1) ? mentionEnding(v, p - 1) : null;
  const body = pointed?.entity ?? owner?.entity ?? -1;
  if (body < 0 || v.clusters[body].type !== "organization") return;
  const at = pointed?.at ?? owner!.from;
  out.push({ ...cand(person, body, "works_for", "staff-role", at, v.mentionAt[from]!.to, words), confidence: 0.7 });
}

/** A lower-case noun or adjective of a job's name, or the "of" or "for" that joins its field ("head of research"). */
function isStaffWord(t: Token): boolean {
  if (STAFF_LINKS.has(t.lower)) return true;
  // "head of partnering": a field may be a gerund.
  const word = t.pos === "NOUN" || t.pos === "ADJ" || (t.pos === "VERB" && t.lower.endsWith("ing"));
  return word && startsLower(t.text);
}

/** How far back from a name a role phrase may start ("Y's longtime chief executive, X"). */
const ROLE_REACH_BEFORE_NAME = 5;
/** The same for the first of two coordinated roles ("founder and chief executive"). */
const ROLE_REACH_COORDINATED = 4;

/**
 * The longest role phrase ending right before token `j`, with where its modifiers start; or null. With `plural`, a
 * plural role matches by its lemma.
 */
function roleEnding(
  v: View,
  s: Sentence,
  j: number,
  reach: number,
  plural: boolean,
): { phrase: Phrase<string>; start: number } | null {
  const t = v.tokens;
  // A plural ("co-founders") is matched by its lemma when its written form is no role.
  const byLemma = plural && t[j - 1]?.pos === "NOUN" && t[j - 1].lower.endsWith("s");
  for (let start = Math.max(s.from, j - reach); start < j; start++) {
    if (v.mentionAt[start]) continue;
    const written = matchPhrase(v.ctx.roles, t, start, j);
    const role = written?.to === j || !byLemma ? written : matchPhrase(v.ctx.roles, t, start, j, true);
    if (!role || role.to !== j) continue;
    let p = start;
    while (p > s.from && MODIFIER_POS.has(t[p - 1].pos) && !v.mentionAt[p - 1]) p--;
    return { phrase: role.phrase, start: p };
  }
  return null;
}

/** "its" or "the company's" at `k`: the antecedent it points to and the token after the words. */
function pointedOwner(v: View, k: number, person: number): { owner: number; to: number } | null {
  const types = pronounAt(v, k);
  if (types) {
    const owner = pointedAt(v, k, types, person);
    return owner >= 0 ? { owner, to: k + 1 } : null;
  }
  const d = descriptionAt(v, k);
  if (!d || !isPossessive(v, d.to)) return null;
  const owner = pointedAt(v, k, d.types, person, !d.named);
  return owner >= 0 ? { owner, to: d.to + 1 } : null;
}

/**
 * The entity the pronoun or description at `k` refers to: the text's coreference reading of it ("On Monday its
 * leader": the party the sentence before opened with), else (unless `nearby` is false, as for "the office", which
 * only a name carrying it answers) the most named entity of `types` nearby; -1 for none.
 */
function pointedAt(v: View, k: number, types: EntityType[], person: number, nearby = true): number {
  const referent = referentAt(v, k);
  if (referent && referent.entity !== person && types.includes(v.clusters[referent.entity].type))
    return referent.entity;
  return nearby ? (antecedent(v, k, types, person)?.entity ?? -1) : -1;
}

/** "its" or "the company's" ending right before token `p`: the antecedent's entity and where the words start. */
function pointedOwnerEnding(v: View, p: number, person: number): { entity: number; at: number } | null {
  // "the United States Tennis Association, whose chief executive, X": the name the relative clause hangs on.
  if (v.tokens[p - 1]?.lower === "whose") {
    const k = v.tokens[p - 2]?.lower === "," ? p - 2 : p - 1;
    // "Gig Workers United, a union whose president, X": past the apposition to the name it describes.
    const owner = mentionEnding(v, k) ?? appositionOwner(v, k);
    return owner && owner.entity !== person ? { entity: owner.entity, at: owner.from } : null;
  }
  if (pronounAt(v, p - 1)) {
    const owner = pointedAt(v, p - 1, pronounAt(v, p - 1)!, person);
    return owner >= 0 ? { entity: owner, at: p - 1 } : null;
  }
  const d = isPossessive(v, p - 1) ? descriptionAt(v, p - 3) : null;
  if (!d) return null;
  const owner = pointedAt(v, p - 3, d.types, person, !d.named);
  return owner >= 0 ? { entity: owner, at: p - 3 } : null;
}

/** Whether the mention at `k` is a demonym describing a common noun after it ("the Dutch brewer Heineken"). */
function isDemonymBefore(v: View, k: number): boolean {
  const m = v.mentionAt[k];
  const next = v.tokens[m?.to ?? 0];
  const demonym = !!m && (m.adjective === true || m.known?.kind === "demonym-adjective");
  return demonym && next?.pos === "NOUN" && startsLower(next.text);
}

/** "Mhango, whose Malawi Congress Party has governed": the body a person's "whose" names is the person's. */
function whoseBody(v: View, person: number, from: number, to: number, out: Candidate[]): void {
  if (v.clusters[person].type !== "person" || v.tokens[to]?.lower !== "," || v.tokens[to + 1]?.lower !== "whose")
    return;
  const body = mentionStarting(v, to + 2);
  if (!body || v.clusters[body.entity].type !== "organization") return;
  out.push({ ...cand(person, body.entity, "affiliated_with", "whose-body", from, body.to, "whose"), confidence: 0.7 });
}

const MEMBERS = new Set(["member", "members"]);
const INCLUDE = new Set(["include", "includes", "included", "are", "were"]);

/** "The Alliance for Automotive Innovation, whose members include General Motors and Toyota": each is a member. */
function whoseMembers(v: View, s: Sentence, body: number, from: number, to: number, out: Candidate[]): void {
  const t = v.tokens;
  if (v.clusters[body].type !== "organization" || t[to]?.lower !== "," || t[to + 1]?.lower !== "whose") return;
  if (!MEMBERS.has(t[to + 2]?.lower ?? "") || !INCLUDE.has(t[to + 3]?.lower ?? "")) return;
  const { members, end } = coordinatedRight(v, to + 4, s.to);
  for (const m of members)
    if (ACTORS.has(v.clusters[m.entity].type) && m.entity !== body)
      out.push(cand(m.entity, body, "member_of", "whose-members", from, end, "member"));
}

/** The name before ", a union" ending at token `k` (at most a few words after the article), or null. */
function appositionOwner(v: View, k: number): Mention | null {
  for (let n = k - 1; n >= Math.max(1, k - 4); n--) {
    if (v.mentionAt[n] || v.tokens[n].pos === "VERB") return null;
    if (DETERMINERS.has(v.tokens[n].lower) && v.tokens[n - 1]?.lower === ",") return mentionEnding(v, n - 1);
  }
  return null;
}

/** The token after "as" when a role verb follows the name ("returned as"), else 0. */
function asRole(v: View, k: number): number {
  const t = v.tokens;
  while (t[k]?.pos === "AUX" || t[k]?.pos === "ADV") k++;
  return t[k]?.pos === "VERB" && AS_VERBS.has(t[k].lemma.toLowerCase()) && t[k + 1]?.lower === "as" ? k + 2 : 0;
}

/** Prepositions after which a job the lexicon does not list still places a person in a body: "an inspector at Y". */
const STAFF_AT = new Set(["at", "with"]);

/**
 * "a senior inspector at Y", "an art historian with Y": common nouns the role lexicon lacks, ending right before "at"
 * or "with", make their holder a body's staff.
 */
function staffNoun(v: View, k: number, to: number): { predicate: string; to: number; text: string } | null {
  for (let j = k; j < Math.min(to, k + 4); j++) {
    const t = v.tokens[j];
    if (v.mentionAt[j] || (t.pos !== "NOUN" && t.pos !== "ADJ")) return null;
    if (t.pos === "NOUN" && STAFF_AT.has(v.tokens[j + 1]?.lower ?? ""))
      return { predicate: "works_for", to: j + 1, text: t.lower };
  }
  return null;
}

/**
 * Nouns of a body's part that an apposition gives the body it names ("Iberia, IAG's Spanish unit"). They are no roles
 * of the lexicon, which would cut them off names ("the 1st Infantry Division").
 */
const UNIT_NOUNS = new Set(["unit", "division"]);

/** A role phrase at `k` (after optional adjectives and nouns: "longtime chief executive"). */
function roleAt(v: View, k: number, to: number): { predicate: string; to: number; text: string } | null {
  for (let j = k; j < Math.min(to, k + 4); j++) {
    const role = matchPhrase(v.ctx.roles, v.tokens, j, to);
    // "chief scientist", "head chef": a one-word role that only modifies the noun after it names no role.
    const next = v.tokens[role?.to ?? 0];
    if (role && role.phrase.words.length === 1 && next?.pos === "NOUN" && startsLower(next.text)) return null;
    if (role) {
      // Prefer the longest role ending here: "finance minister" over "minister".
      return { predicate: role.phrase.value, to: role.to, text: role.phrase.words.join(" ") };
    }
    const t = v.tokens[j];
    if (UNIT_NOUNS.has(t.text) && t.pos === "NOUN") return { predicate: "subsidiary_of", to: j + 1, text: t.text };
    // "IAG's Spanish unit": a demonym among the modifiers describes the role.
    if (!MODIFIER_POS.has(t.pos) || (v.mentionAt[j] && !isDemonymBefore(v, j))) return null;
  }
  return null;
}

/** Records the comma that closes an apposition, so a verb after it takes the apposition's head as subject. */
/** Records the comma that closes a role apposition at `k`, reading a role coordinated after "and a ..." first. */
function close(
  v: View,
  s: Sentence,
  k: number,
  person: number,
  from: number,
  out: Candidate[],
  appositions: Map<number, number>,
) {
  if (v.tokens[k]?.lower === ",") appositions.set(k, person);
  else if (v.tokens[k]?.lower !== "and") return;
  // "X, the Republican Party candidate and founder of the Guardian Angels": a bare role "of" a body coordinates too.
  const bare = matchPhrase(v.ctx.roles, v.tokens, k + 1, s.to);
  if (COORDINATED_ROLE.has(v.tokens[k + 1]?.lower ?? "") || (bare && v.tokens[bare.to]?.lower === "of"))
    after(v, s, person, from, k, out, appositions, true);
}

function cand(
  source: number,
  target: number,
  predicate: string,
  rule: string,
  from: number,
  to: number,
  role: string,
): Candidate {
  return { source, target, predicates: rolePredicates(predicate), rule, confidence: 0.85, from, to, role };
}

/** The predicates a role's holder may have: a leader of a city or region governs it ("leads" takes no places). */
export function rolePredicates(predicate: string): string[] {
  return predicate === "leads" ? ["leads", "governs"] : [predicate];
}
