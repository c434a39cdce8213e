/**
 * Light coreference: pronouns ("he", "its", "they") and definite descriptions ("the company", "the club", "the
 * city") point to the most salient compatible entity of the last few sentences.
 */
import type { EntityType } from "../../model/types.ts";
import { datelineAt } from "../mentions/dateline.ts";
import type { Mention } from "../mentions/types.ts";
import { isLowerWord, isPossessive, mentionStarting, type View } from "./view.ts";
import type { Sentence } from "../nlp/types.ts";
import { startsLower } from "../nlp/letters.ts";

/** Tunables of pronoun resolution. */
export interface CorefOptions {
  /** How many sentences back a pronoun's antecedent may have been named (or referred to) last. */
  window: number;
  /** The same for a definite description ("the company"), which points less far. */
  descriptionWindow: number;
  /** Salience added to the first entity the text names (its topic), which pronouns keep returning to. */
  topicBonus: number;
}

/** Defaults: a pronoun's antecedent was named in this sentence or one of the two before. */
export const DEFAULT_COREF_OPTIONS: CorefOptions = { window: 2, descriptionWindow: 1, topicBonus: 2 };

const ORG: EntityType[] = ["organization"];
const PLACE: EntityType[] = ["location", "country"];
const STATE: EntityType[] = ["country"];
const WORK: EntityType[] = ["work"];
const PERSON: EntityType[] = ["person"];
const EVENT: EntityType[] = ["event"];

function heads(words: string[], types: EntityType[]): [string, EntityType[]][] {
  return words.map((w) => [w, types]);
}

/** Head nouns of definite descriptions and the entity types they can refer to. */
const DESCRIPTIONS = new Map<string, EntityType[]>([
  ...heads(["company", "firm", "group", "bank", "lender", "insurer", "club", "team", "side", "association"], ORG),
  ...heads(["carrier", "airline", "maker", "manufacturer", "automaker", "carmaker", "retailer", "startup"], ORG),
  ...heads(["agency", "party", "federation", "union", "network", "broadcaster", "publisher", "newspaper"], ORG),
  ...heads(["court", "ministry", "regulator", "university", "school", "college", "band", "label", "studio"], ORG),
  ...heads(["foundation", "charity", "watchdog", "authority", "operator", "insurer", "hospital", "institute"], ORG),
  ...heads(["commission", "council", "service", "department", "committee", "fund", "organisation", "museum"], ORG),
  ...heads(["organization", "league", "miner", "railway", "developer", "utility", "tribunal", "inspectorate"], ORG),
  ...heads(["drugmaker", "chipmaker", "supplier", "contractor", "consortium", "conglomerate", "refiner"], ORG),
  ...heads(["daily", "weekly", "journal", "magazine"], ORG),
  ...heads(["city", "town", "region", "province", "capital", "village", "municipality", "county", "district"], PLACE),
  ...heads(["country", "nation", "state", "kingdom", "republic"], STATE),
  ...heads(["film", "movie", "album", "song", "single", "novel", "book", "game", "series", "show", "opera"], WORK),
  ...heads(["tournament", "war", "battle", "election", "championship", "festival", "summit"], EVENT),
]);

/**
 * Head nouns that refer only to a body whose name carries them ("the office" for the National Audit Office, "the
 * centre" for the Health Care Procurement Centre): alone they name a room or a post as often ("took office").
 */
const NAMED_HEADS = new Set(["office", "centre", "center", "board", "bureau", "chamber"]);

/** A definite description: the types it can refer to, the token after it, and whether only a name's head word can. */
export interface Description {
  types: EntityType[];
  to: number;
  /** Refers only to an entity whose name carries its head word (see NAMED_HEADS). */
  named: boolean;
}

/** Possessive pronouns that can stand for an organisation or place, and what they can refer to. */
const PRONOUNS = new Map<string, EntityType[]>([
  ["its", ["organization", "country", "location"]],
  ["their", ["organization", "country"]],
]);

/** Pronouns that take a person, a thing or a collective antecedent (subjects, objects and possessives). */
const PERSONAL = new Map<string, EntityType[]>([
  ...heads(["he", "she", "him", "his", "her", "himself", "herself"], PERSON),
  ...heads(["it", "its", "itself"], ["organization", "work", "event", "location", "country"]),
  ...heads(["they", "them", "their"], ["organization", "group", "country"]),
]);

/** The types the word at `k` can refer to when it is "its"/"their", or null. */
export function pronounAt(v: View, k: number): EntityType[] | null {
  return PRONOUNS.get(v.tokens[k]?.lower ?? "") ?? null;
}

/**
 * The types a definite description "the NOUN" starting at token `k` refers to, with the token after it, or null.
 * Only "the" followed directly by a known head noun counts ("the company", not "the company's rival firm").
 */
export function descriptionAt(v: View, k: number): Description | null {
  if (v.tokens[k]?.lower !== "the") return null;
  // "the Danish company", "the Copenhagen-based group": a demonym or adjective may come before the head noun.
  let head = k + 1;
  while (head < k + 1 + MAX_DESCRIPTION_MODIFIERS && isDescriptionModifier(v, head)) head++;
  const word = v.tokens[head]?.lower ?? "";
  const named = NAMED_HEADS.has(word);
  const types = named ? ORG : DESCRIPTIONS.get(word);
  // "the company Microsoft": the description is an apposition to a name, not a reference; "the state assembly", "the
  // club captain": a noun after the head is what the words are about.
  if (!types || v.mentionAt[head + 1] || v.mentionAt[head]) return null;
  const next = v.tokens[head + 1];
  if (next?.pos === "NOUN" && startsLower(next.text) && next.lower !== "'s") return null;
  return { types, to: head + 1, named };
}

/** Most words between "the" and the head noun of a definite description. */
const MAX_DESCRIPTION_MODIFIERS = 2;

/** Whether the word at `k` may modify a description's head: an adjective or a one-word demonym ("Danish"). */
function isDescriptionModifier(v: View, k: number): boolean {
  const t = v.tokens[k];
  if (!t) return false;
  const m = v.mentionAt[k];
  // "the Istanbul club": a place's name may say where the body is.
  if (m)
    return m.adjective === true || (m.from === k && m.to === k + 1 && (/-based$/.test(t.text) || isLocation(v, m)));
  return t.pos === "ADJ" && startsLower(t.text);
}

/** Whether a mention names a location ("the Istanbul club"). */
function isLocation(v: View, m: Mention): boolean {
  return v.clusters[m.entity].type === "location";
}

/** Whether a common noun is the head of a description of an organisation ("club", "investment bank"). */
export function isOrganizationNoun(word: string): boolean {
  return DESCRIPTIONS.get(word)?.includes("organization") ?? false;
}

/** Most lower-case words of a possessed noun phrase before the comma and the name it gives ("largest opposition party"). */
const MAX_POSSESSED_WORDS = 4;

/**
 * The organisation named after the comma that closes a noun phrase of a body starting at `k`, right after an
 * owner's "'s": "Georgia's largest opposition party, Freedom Forum", "Slovenia's central bank, Banka Slovenije".
 */
export function possessedBodyNamed(v: View, s: Sentence, k: number): Mention | null {
  let n = k;
  while (n < s.to && n < k + MAX_POSSESSED_WORDS && isLowerWord(v, n)) n++;
  if (n === k || v.tokens[n]?.lower !== "," || !isOrganizationNoun(v.tokens[n - 1].lower)) return null;
  const body = mentionStarting(v, n + 1);
  return body && v.clusters[body.entity].type === "organization" ? body : null;
}

/**
 * The mention before token `k`, in its sentence or the previous one, whose entity has one of `types`: the entity
 * mentioned most often in the text so far (the topic: "Real Madrid ... beat Dortmund ... the club's president" is
 * Real Madrid's), the most recent one on a tie. `exclude` is an entity that cannot be its own antecedent (the
 * person of "X, its chief executive").
 */
export function antecedent(v: View, k: number, types: EntityType[], exclude = -1): Mention | null {
  const sentence = v.tokens[k]?.sentence ?? 0;
  const first = v.a.sentences[Math.max(0, sentence - 1)].from;
  let best: Mention | null = null;
  let bestCount = 0;
  for (let j = k - 1; j >= first; j--) {
    const m = v.mentionAt[j];
    if (!m) continue;
    j = m.from;
    if (m.entity === exclude || !types.includes(v.clusters[m.entity].type)) continue;
    const count = v.clusters[m.entity].mentions.filter((x) => x.from < k).length;
    if (count > bestCount) {
      best = m;
      bestCount = count;
    }
  }
  return best;
}

const NOT_TOPICS = new Set(["date", "quantity"]);
const GENDER = new Map<string, number>([
  ...["he", "him", "his", "himself"].map((w) => [w, 1] as [string, number]),
  ...["she", "her", "herself"].map((w) => [w, -1] as [string, number]),
]);
const resolved = new WeakMap<View, Map<number, number>>();

/**
 * The entity a pronoun ("he", "its", "they") or definite description ("the company") starting at token `k` refers
 * to, with the token after the words, or null. Resolved once per text, left to right, so that a chain of pronouns
 * keeps its referent salient ("Alger ... He ... He").
 */
export function referentAt(v: View, k: number): { entity: number; to: number } | null {
  let table = resolved.get(v);
  if (!table) resolved.set(v, (table = resolveReferences(v)));
  const entity = table.get(k);
  if (entity === undefined) return null;
  return { entity, to: PERSONAL.has(v.tokens[k].lower) ? k + 1 : (descriptionAt(v, k)?.to ?? k + 2) };
}

/** Resolves every pronoun and definite description of the text: token index -> entity index. */
export function resolveReferences(v: View, options: Partial<CorefOptions> = {}): Map<number, number> {
  const o = { ...DEFAULT_COREF_OPTIONS, ...options };
  const count = new Float64Array(v.clusters.length);
  const last = new Int32Array(v.clusters.length).fill(-1);
  const out = new Map<number, number>();
  // Built once, when the first definite description is read.
  let byNameWord: Map<string, Set<number>> | undefined;
  // "the environmental foundation Stichting Klimaatrecht": the noun that introduced a name, read as the text goes.
  const introduced = new Map<string, Set<number>>();
  let topic = false;
  // "he" after "she" was read as X is someone else: 1 for he, -1 for she, 0 unknown.
  const genders = new Int8Array(v.clusters.length);
  // The entity the current sentence opens with, its likely subject: "X was founded in 1987, and it now runs ...".
  let opener = -1;
  // The entity the sentence before opened with (by name or pronoun), which a pronoun opening this one continues:
  // "Roche's head said so. It is the Swiss group's third deal. In March it bought X."
  let previousOpener = -1;
  // The dash that closes the current sentence's dateline, or -1.
  let datelineDash = -1;
  for (let k = 0; k < v.tokens.length; k++) {
    const m = v.mentionAt[k];
    const sentence = v.tokens[k].sentence;
    if (k === v.a.sentences[sentence].from) {
      [previousOpener, opener] = [opener, -1];
      datelineDash = datelineEnd(v, k);
    }
    // A paragraph's line breaks may open the sentence, and a dateline ("VILNIUS, March 4 —") comes before its words.
    let from = v.a.sentences[sentence].from;
    while (from < k && v.tokens[from].text.trim() === "") from++;
    if (datelineDash >= 0 && datelineDash < k) from = datelineDash + 1;
    if (m) {
      if (m.from === k && m.entity < count.length) {
        const noun = introducingNoun(v, k);
        if (noun) introduced.set(noun, new Set([...(introduced.get(noun) ?? []), m.entity]));
        const early = k > datelineDash && (k - from <= OPENER_WITHIN || describedOpener(v, from, k));
        // "Lithuania's National Audit Office said ...": the possessed body is the subject, not its owner.
        const possessor = isPossessive(v, m.to) && !!v.mentionAt[m.to + 1];
        const opens = early && opener < 0 && !possessor && !NOT_TOPICS.has(v.clusters[m.entity].type);
        if (opens) opener = m.entity;
        if (count[m.entity] === 0 && !topic && !NOT_TOPICS.has(v.clusters[m.entity].type)) {
          topic = true;
          count[m.entity] += o.topicBonus;
        }
        count[m.entity]++;
        last[m.entity] = sentence;
      }
      continue;
    }
    const pronoun = PERSONAL.get(v.tokens[k].lower);
    const description = pronoun ? null : descriptionAt(v, k);
    const types = pronoun ?? description?.types;
    if (!types) continue;
    const gender = GENDER.get(v.tokens[k].lower) ?? 0;
    const since = sentence - (pronoun ? o.window : o.descriptionWindow);
    // "the commission" is the Federal Trade Commission before any other body named since: a name with the head.
    const head = description ? v.tokens[description.to - 1].lower : "";
    const byName = description ? (byNameWord ??= entitiesByNameWord(v)).get(head) : undefined;
    const byNoun = introduced.get(head);
    const named = byName && byNoun ? new Set([...byName, ...byNoun]) : (byName ?? byNoun ?? null);
    if (description?.named) {
      // "the office": only a body whose name carries the word, however far back.
      const body = byName ? mostSalient(v, types, count, last, 0, genders, gender, byName) : -1;
      if (body >= 0) {
        out.set(k, body);
        count[body] += 0.5;
        last[body] = sentence;
      }
      continue;
    }
    let e = pronoun && isOpenerFor(v, opener, types, genders, gender) ? opener : -1;
    const opening = !!pronoun && opener < 0 && k - from <= OPENER_WITHIN;
    if (e < 0 && opening && isOpenerFor(v, previousOpener, types, genders, gender)) e = previousOpener;
    // "Suleyman co-founded DeepMind before it was bought": when the sentence's subject cannot be the pronoun, a name of
    // its kind earlier in the same sentence comes before the text's most named one.
    if (e < 0 && pronoun && !opening && opener >= 0) e = nearestInSentence(v, k, from, types);
    if (e < 0 && named) e = mostSalient(v, types, count, last, since, genders, gender, named);
    // "The foundation filed the case", sentences after "the environmental foundation X": the body the noun introduced.
    if (e < 0 && byNoun) e = mostSalient(v, types, count, last, 0, genders, gender, byNoun);
    if (e < 0) e = mostSalient(v, types, count, last, since, genders, gender);
    // "The studio was founded by X", sentences after the studio was last named: the text's most named body of the kind.
    if (e < 0 && description) e = mostSalient(v, types, count, last, 0, genders, gender);
    // "Kariuki, who led the company" is not the commission named last: a body whose name says it is of another kind
    // gives way to one, named further back, whose name carries the description's head word.
    if (e >= 0 && named && description && namesOtherKind(v, e, head)) {
      const further = mostSalient(v, types, count, last, 0, genders, gender, named);
      if (further >= 0) e = further;
    }
    if (e < 0) continue;
    if (opening) opener = e;
    if (gender) genders[e] = gender;
    out.set(k, e);
    count[e] += 0.5;
    last[e] = sentence;
  }
  return out;
}

/** The entity of one of `types` named last before token `k` in its sentence (from `from`), or -1. */
function nearestInSentence(v: View, k: number, from: number, types: EntityType[]): number {
  for (let j = k - 1; j >= from; j--) {
    const m = v.mentionAt[j];
    if (m && types.includes(v.clusters[m.entity].type)) return m.entity;
  }
  return -1;
}

/** Most words between a determiner and the name a description noun introduces ("the oil and gas producer X"). */
const MAX_INTRODUCING = 5;

/**
 * The description head right before the name at `k` in "the/a [modifiers] NOUN Name" ("the environmental foundation
 * Stichting Klimaatrecht", "the oil and gas producer Veerhaven Petroleum"), or null.
 */
function introducingNoun(v: View, k: number): string | null {
  const noun = v.tokens[k - 1];
  if (!noun || noun.pos !== "NOUN" || !startsLower(noun.text) || !DESCRIPTIONS.has(noun.lower)) return null;
  for (let n = k - 2; n >= 0 && n >= k - 1 - MAX_INTRODUCING; n--) {
    const t = v.tokens[n];
    if (t.pos === "DET") return noun.lower;
    if (v.mentionAt[n] || t.pos === "VERB" || t.pos === "PUNCT") return null;
  }
  return null;
}

/** Whether entity `e`'s name ends with a description head other than `head` ("... Commission" for "the company"). */
function namesOtherKind(v: View, e: number, head: string): boolean {
  const words = v.clusters[e].label.toLowerCase().split(/\s+/);
  const last = words[words.length - 1];
  return last !== head && DESCRIPTIONS.has(last);
}

/** The entities by each word of their names, lower case ("commission" -> the Federal Trade Commission's index). */
function entitiesByNameWord(v: View): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  v.clusters.forEach((c, e) => {
    for (const word of c.label.toLowerCase().split(/[\s-]+/)) {
      const set = out.get(word);
      if (set) set.add(e);
      else out.set(word, new Set([e]));
    }
  });
  return out;
}

/** How far into its sentence a mention may start and still be the sentence's opener ("In 2019, X ..."). */
const OPENER_WITHIN = 3;

/** Most words of a description that opens a sentence before the name it describes ("A new list, X, won"). */
const MAX_OPENING_DESCRIPTION = 5;

/** Whether the name at `k` follows a description that opens its sentence: "A new list, Team X, won four seats". */
function describedOpener(v: View, from: number, k: number): boolean {
  if (v.tokens[k - 1]?.lower !== "," || k - 1 - from > MAX_OPENING_DESCRIPTION || v.tokens[from].pos !== "DET")
    return false;
  for (let n = from + 1; n < k - 1; n++) {
    const t = v.tokens[n];
    if (v.mentionAt[n] || (t.pos !== "NOUN" && t.pos !== "ADJ")) return false;
  }
  return true;
}

/** The dash closing a dateline that opens the sentence starting at token `k` (after line breaks), or -1. */
function datelineEnd(v: View, k: number): number {
  let first = k;
  while (first < v.tokens.length - 1 && v.tokens[first].text.trim() === "") first++;
  return datelineAt(v.a, first)?.dash ?? -1;
}

/** Whether a pronoun of `types` (and `gender`) can refer to the entity its sentence opens with. */
function isOpenerFor(v: View, opener: number, types: EntityType[], genders: Int8Array, gender: number): boolean {
  if (opener < 0 || !types.includes(v.clusters[opener].type)) return false;
  return !gender || genders[opener] !== -gender;
}

/** The entity of one of `types` named (or referred to) since sentence `since` that was named most often. */
function mostSalient(
  v: View,
  types: EntityType[],
  count: Float64Array,
  last: Int32Array,
  since: number,
  genders: Int8Array,
  gender: number,
  only: Set<number> | null = null,
): number {
  let best = -1;
  for (let e = 0; e < count.length; e++) {
    if (count[e] === 0 || last[e] < since || !types.includes(v.clusters[e].type)) continue;
    if (only && !only.has(e)) continue;
    if (gender && genders[e] === -gender) continue;
    if (best < 0 || count[e] > count[best] || (count[e] === count[best] && last[e] > last[best])) best = e;
  }
  return best;
}
