/**
 * Clause complements: the entity a verb reaches, directly ("bought Activision") or through a preposition and a few
 * words ("sold shares in Y", "won two medals at Y"), with the words that become an open relation's label.
 */
import type { Sentence } from "../nlp/types.ts";
import { referentAt } from "./coref.ts";
import { coordinatedRight, insideWord, isLowerWord, isPossessive, mentionStarting, type View } from "./view.ts";
import type { Mention } from "../mentions/types.ts";
import { isFirmNoun } from "../mentions/cues.ts";
import { matchPhrase } from "../mentions/phrases.ts";
import { startsLower } from "../nlp/letters.ts";

/** Tunables of complement reading. */
export interface ObjectOptions {
  /** Most tokens between the verb phrase and the entity. */
  maxGap: number;
}

/** Defaults: six tokens ("a two-year contract to coach the"). */
export const DEFAULT_OBJECT_OPTIONS: ObjectOptions = { maxGap: 8 };

/** Parts of speech a gap may hold; a verb, a clause boundary or punctuation ends it. */
const GAP_POS = new Set(["DET", "ADJ", "NUM", "ADV", "NOUN", "ADP", "PROPN", "PART"]);
const POSSESSIVE_PRONOUNS = new Set(["his", "her", "its", "their"]);
const LABEL_POS = new Set(["NOUN", "ADP"]);
const SKIPPED_TYPES = new Set(["date", "quantity"]);
/** Prepositions that start an adjunct of time or manner rather than a complement. */
const NON_COMPLEMENT = new Set(["since", "until", "during", "after", "before", "than", "despite"]);

/** Nouns that, after a body's name, say what kind of body it is: "the Morena party", "the Wagner group". */
const KIND_NOUNS = new Set(["party", "group", "movement", "militia", "alliance", "coalition", "union", "club", "team"]);

/** Comparatives that "than" follows before an amount: "more than 13 billion dollars". */
const COMPARATIVES = new Set(["more", "less", "fewer", "higher", "lower"]);

/** A verb's complement: its entities, the preposition before them, label words and where it ends. */
export interface Complement {
  members: number[];
  /** The preposition right before the entity, if any ("in" of "sold shares in Y"). */
  prep: string | null;
  /** Whether only determiners, adjectives and numbers stand between the verb phrase and the entity. */
  direct: boolean;
  /** Nouns and prepositions of the gap ("shares in"). */
  words: string[];
  /** The token after the last member. */
  end: number;
  /** Where the complement starts when it comes before the verb ("Y, which X founded"). */
  start?: number;
}

/** The complement starting at token `j` (right after the verb phrase), or null. */
export function readComplement(
  v: View,
  s: Sentence,
  j: number,
  options: Partial<ObjectOptions> = {},
): Complement | null {
  const o = { ...DEFAULT_OBJECT_OPTIONS, ...options };
  // "sued Secretary of State Frank LaRose", "named the chief executive X": a role before the name is its title.
  const titled = roleTitle(v, s, j);
  if (titled) return complement(v, s, titled, null, true, []);
  const words: string[] = [];
  let prep: string | null = null;
  let direct = true;
  // "leads the pro-business Free Democratic Party": nouns right before the name modify it.
  let nouns = false;
  // "owned by his brother-in-law, X": the preposition before a possessive pronoun, whose noun the name after a comma
  // names (undefined: no such pronoun yet).
  let ownerPrep: string | null | undefined;
  for (let n = j; n < s.to && n < j + o.maxGap; n++) {
    const m = v.mentionAt[n];
    // "by the Copenhagen-based Halvorsen Line": a name inside a hyphenated word describes the name after it.
    if (m && insideWord(v, m)) continue;
    // "take over the Spirit plants": a name that modifies a common noun is not the complement.
    if (m && !SKIPPED_TYPES.has(v.clusters[m.entity].type)) {
      // "joined Britain's Labour Party": the possessed name is the complement; "bought Microsoft's stake": none.
      const owned = isPossessive(v, m.to) ? mentionStarting(v, m.to + 1) : null;
      // "bought Macquarie's 24.5 percent stake in HRA": the stake is in the body after it, whoever held it.
      const stake = owned ? stakeIn(v, owned) : null;
      if (stake) return complement(v, s, stake, "in", false, [...words, "stake"]);
      if (owned) return complement(v, s, owned, prep, direct, words);
      // "talks with Kenya's foreign minister, Joseph Kiprono": the holder of the possessed role.
      const holder = isPossessive(v, m.to) ? roleHolder(v, s, m.to + 1) : null;
      if (holder) return complement(v, s, holder, prep, direct, words);
      if (isPossessive(v, m.to)) return null;
      // "signed the Uruguayan striker X": a demonym adjective describes the name after it.
      // ("joining NATO worries Moscow": without an article or a demonym, the noun is the tagger's reading of a verb.)
      const describing = v.tokens[m.from - 1]?.pos === "DET" || !!m.known?.kind.startsWith("demonym");
      const described = describing && startsLower(v.tokens[m.to]?.text ?? "") ? describedName(v, m.to, s.to) : null;
      if (described) return complement(v, s, described, prep, direct, words);
      const next = v.tokens[m.to];
      const titled = next?.pos === "NOUN" && startsLower(next.text) && !!mentionStarting(v, m.to + 1);
      if (!isModifier(v, m.to) && !(prep === "by" && titled)) return complement(v, s, m, prep, direct, words);
      // "accused the governing Morena party": a name before the noun of its own kind is that body.
      if (KIND_NOUNS.has(v.tokens[m.to].lower) && !mentionStarting(v, m.to + 1))
        return complement(v, s, m, prep, direct, words);
      // "led by the former Lima mayor Rosa Quispe": after "by", a name that modifies a noun describes the agent after it.
      if (prep !== "by") return null;
      n = m.to - 1;
      continue;
    }
    const r = m ? null : referentAt(v, n);
    if (r && r.to > n + 1 && !POSSESSIVE_PRONOUNS.has(v.tokens[n].lower))
      return { members: [r.entity], prep, direct, words, end: r.to };
    const t = v.tokens[n];
    if (m) {
      n = m.to - 1;
      direct = false;
      // "born March 28, 1973, Youngstown": a date's commas stay inside the gap.
      if (v.tokens[n + 1]?.lower === ",") n++;
      continue;
    }
    if (ownerPrep !== undefined && t.lower === "," && isLowerWord(v, n - 1)) {
      const named = personStarting(v, n + 1);
      if (named) return complement(v, s, named, ownerPrep, false, words);
    }
    // "invested more than 13 billion dollars in X": "than" after a comparative only bounds an amount.
    const amount = t.lower === "than" && COMPARATIVES.has(v.tokens[n - 1]?.lower ?? "");
    if (NON_COMPLEMENT.has(t.lower) && !amount) return null;
    if (amount) continue;
    // "sued the oil and gas producer X": "and" between two lower-case modifiers of one noun stays inside the gap.
    if (t.pos === "CCONJ" && nouns && isLowerWord(v, n - 1) && isLowerWord(v, n + 1)) continue;
    if (!GAP_POS.has(t.pos) && !POSSESSIVE_PRONOUNS.has(t.lower)) return null;
    const noun = t.pos === "NOUN" || t.pos === "PROPN";
    if (nouns && !noun) direct = false;
    nouns = noun;
    // "rides for the team X", "works with the bank X": a body's kind right before the name keeps the preposition.
    const kind = noun && prep !== null && startsLower(t.text) && isFirmNoun(t.lower) && !!mentionStarting(v, n + 1);
    if (t.pos === "ADP") prep = t.lower;
    // "by the industrialist X": nouns after "by" describe the agent and keep it one.
    else if (!kind && ((noun && !(prep === "by" && startsLower(t.text))) || POSSESSIVE_PRONOUNS.has(t.lower)))
      prep = null;
    if (POSSESSIVE_PRONOUNS.has(t.lower)) {
      direct = false;
      ownerPrep = v.tokens[n - 1]?.pos === "ADP" ? v.tokens[n - 1].lower : null;
    }
    if (LABEL_POS.has(t.pos) && words.length < 4) words.push(t.lower);
  }
  return null;
}

/** The body named after a share's "stake in" ("24.5 percent stake in HRA"), when `share` is a quantity; or null. */
function stakeIn(v: View, share: Mention): Mention | null {
  if (v.clusters[share.entity].type !== "quantity") return null;
  const noun = v.tokens[share.to]?.lower ?? "";
  if (!/^(?:stake|stakes|holding|interest)$/.test(noun) || v.tokens[share.to + 1]?.lower !== "in") return null;
  return mentionStarting(v, share.to + 2);
}

/** The name after a role phrase ("Secretary of State X", "the chief executive X") starting at `j`, or null. */
function roleTitle(v: View, s: Sentence, j: number): Mention | null {
  const from = v.tokens[j]?.pos === "DET" ? j + 1 : j;
  if (v.mentionAt[from]) return null;
  const role = matchPhrase(v.ctx.roles, v.tokens, from, s.to);
  return role ? mentionStarting(v, role.to) : null;
}

/** Most words before a role phrase ("Kenya's new foreign minister"). */
const MAX_ROLE_MODIFIERS = 2;

/** The person named after a role phrase and a comma starting near `k` ("foreign minister, Joseph Kiprono"), or null. */
function roleHolder(v: View, s: Sentence, k: number): Mention | null {
  for (let j = k; j < s.to && j <= k + MAX_ROLE_MODIFIERS; j++) {
    const role = matchPhrase(v.ctx.roles, v.tokens, j, s.to);
    // "Kenya's foreign minister, Joseph Kiprono", "Ethiopia's Prime Minister Abiy Ahmed".
    if (role) return personStarting(v, v.tokens[role.to]?.lower === "," ? role.to + 1 : role.to);
    const t = v.tokens[j];
    if (v.mentionAt[j] || (t.pos !== "ADJ" && t.pos !== "NOUN") || !startsLower(t.text)) return null;
  }
  return null;
}

/** The person whose mention starts at token `k`, or null. */
function personStarting(v: View, k: number): Mention | null {
  const m = mentionStarting(v, k);
  return m && v.clusters[m.entity].type === "person" ? m : null;
}

/** Most common nouns between a modifying name and the name they describe ("freight forwarder"). */
const MAX_DESCRIPTION = 3;

/** The name right after the common nouns starting at `k` ("trucking firm Trasko"), or null. */
export function describedName(v: View, k: number, to: number): Mention | null {
  for (let n = k; n < to && n <= k + MAX_DESCRIPTION; n++) {
    const m = mentionStarting(v, n);
    if (m) return SKIPPED_TYPES.has(v.clusters[m.entity].type) ? null : m;
    const t = v.tokens[n];
    // "the German shipping group X": a trade may be a gerund; "the London literary agency X": or an adjective.
    const gerund = t.pos === "VERB" && t.lower.endsWith("ing");
    if ((t.pos !== "NOUN" && t.pos !== "ADJ" && !gerund) || !startsLower(t.text)) return null;
  }
  return null;
}

function isModifier(v: View, k: number): boolean {
  const t = v.tokens[k];
  if (!t || t.pos !== "NOUN" || !startsLower(t.text)) return false;
  // "NATO worries Moscow": a "noun" followed by a name or article is the tagger's reading of a verb.
  const after = v.tokens[k + 1];
  return !after || (!v.mentionAt[k + 1] && after.pos !== "DET");
}

function complement(
  v: View,
  s: Sentence,
  m: Mention,
  prep: string | null,
  direct: boolean,
  words: string[],
): Complement {
  const { members, end } = coordinatedRight(v, m.from, s.to);
  return { members: members.map((x) => x.entity), prep, direct: direct && prep === null, words, end };
}
