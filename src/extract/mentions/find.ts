/**
 * Mention finding: known names (graph, lexicon, gazetteer), demonym groups, unknown proper names and numbers.
 */
import { namesNoState } from "./demonymUses.ts";
import type { CompiledContext } from "../lexicon/compile.ts";
import type { LexiconEntry, LexiconName } from "../lexicon/types.ts";
import type { Analysis, Token } from "../nlp/types.ts";
import { isCalendarWord } from "./calendar.ts";
import { contextType, isArticle, isFirmNoun, isOccupation } from "./cues.ts";
import { isGlued } from "./glue.ts";
import { matchName, matchPhrase } from "./phrases.ts";
import { datelineAt, datelineSurface } from "./dateline.ts";
import {
  isCommonWord,
  isLowerCaseWord,
  isPlainWord,
  isAgreementHead,
  isHyphenatedGivenName,
  isEventHead,
  isFirstName,
  isNameHead,
  endsOrgName,
  isOrgHead,
  isLeadingOrgWord,
  isPluralNoun,
  takesForComplement,
  isPolityHead,
  typeName,
  SURNAME_PARTICLES,
  TOWN_NAME_PARTICLES,
} from "./typing.ts";
import type { Mention } from "./types.ts";
import { afterTitle, isRank } from "./titles.ts";
import {
  commonWordStartingSentence,
  isDemonymNoun,
  isConceptAcronym,
  isCountOf,
  isHeadOnly,
  isPortfolio,
  isPortfolioField,
  isLoneAcronym,
  isSentenceOpener,
  onlySentenceInitial,
  startsSentence,
} from "./weak.ts";
import { DocumentTitles, ofHeaded } from "./works.ts";
import { placeLookup } from "../geo/places.ts";
import { isVocabularyWord } from "../nlp/analyse.ts";
import { isLowerPlural, startsLower, startsUpper } from "../nlp/letters.ts";

/**
 * Words that may join the parts of one name: "Bank of England", "Competition and Markets Authority", and after an
 * organisation word "Council on Foreign Relations", "Institute for Advanced Study".
 */
const CONNECTORS = new Set([
  ...[
    "of",
    "and",
    "&",
    "de",
    "del",
    "la",
    "von",
    "van",
    "bin",
    "al",
    "du",
    "der",
    "for",
    "on",
    "da",
    "dos",
    "das",
    "di",
    // "Rio Grande do Sul", "Águas do Guaíba", "Union des Banques Suisses".
    "do",
    "des",
  ],
]);
/** Head words of bodies that a name holds once ("... University of ...", "... Medical School"). */
const HEADS_OF_BODIES = new Set(["university", "college", "school", "institute", "academy", "hospital", "museum"]);
/** Head words of bodies and places named after people: "King Faisal Hospital", "Prince Sultan Air Base". */
const NAMED_AFTER_HEADS = new Set([
  ...HEADS_OF_BODIES,
  ...["airport", "stadium", "foundation", "centre", "center", "base", "bridge", "park", "library", "prize", "award"],
  ...["cup", "trophy"],
]);
/** Common nouns that, after a name, say what kind of body it is ("the Democratic Centre party"). */
const OUTLET_NOUNS_AFTER = new Set(["party", "group", "movement", "coalition", "alliance", "bloc", "team", "company"]);
/** A capital letter alone ("C" of "49.1 C"), and one with its full stop ("E." of "E. coli"). */
const ONE_CAPITAL = /^\p{Lu}$/u;
const INITIAL = /^\p{Lu}\.$/u;
/** "I'm", "I've", "I'll", "I'd", with a straight or curly apostrophe. */
const PRONOUN_CONTRACTION = /^I['’](?:m|ve|ll|d)$/;
/** The "of" of Romance bodies' names: "Banco de la Nación", "Universidade do Porto". */
const ROMANCE_OF = new Set(["de", "del", "do", "da", "di", "des", "du", "della"]);
/** Two particles that join the parts of a person's name. */
const PARTICLE_PAIR = new Set(["van der", "van den", "von der", "van de", "de la", "de los", "de las", "van het"]);
const OF_HEADS = new Set([
  ...["republic", "kingdom", "state", "states", "university", "house", "church", "museum", "institute", "college"],
  ...["school", "office", "court", "duke", "earl", "prince", "princess", "king", "queen", "city", "port", "gulf"],
  ...["museums", "universities", "libraries", "archives"],
  ...["isle", "isles", "bay", "cape", "sea", "lake", "river", "mount", "islands", "province", "bank", "minister"],
  ...["secretary", "library", "order", "society", "academy", "association", "league", "federation", "chamber"],
  ...["diet", "register", "friends", "secretariat", "directorate", "inspectorate", "commissariat"],
  // "Tour of Flanders", "Tour of the Alps": a race named by the land it crosses.
  "tour",
]);
/**
 * Last words of a state's institutions besides the organisation heads: after a state's name, "the US Navy" and "the
 * U.S. House" are each one organisation's name, as "the Pakistan Army" is (and two states' armies stay two entities).
 */
const INSTITUTION_HEADS = new Set(["navy", "embassy", "house"]);
/** Last words that name the state's rule in general, not one body: "the US government" is the state and its rule. */
const GOVERNMENT_HEADS = new Set(["government", "administration", "cabinet", "military", "office"]);

/** Kinds of known names a hyphenated place prefix may be: "Singapore-based", "Kenyan-born". */
const HYPHEN_PLACE_KINDS = new Set(["name", "demonym-adjective"]);

/** Entity types of places: states and regions (after a dateline's town, before "-based"). */
const PLACE_TYPES = new Set(["country", "location"]);

/** Common nouns that, after a person's name, name their organisation: "the Zelensky administration". */
const EPONYMOUS = new Set(["administration", "government", "cabinet", "campaign"]);
/** Words that, capitalised and followed by a number, name a clause or text: "Article 5". */
const NUMBERED = new Set(["article", "clause", "section", "chapter", "resolution", "amendment", "protocol"]);
const NUMERIC_TYPES: Record<string, "date" | "quantity"> = { DATE: "date", MONEY: "quantity", PERCENT: "quantity" };

/** Finds every mention, sentence by sentence, left to right, longest first; mentions never overlap. */
export function findMentions(a: Analysis, ctx: CompiledContext, numeric: boolean): Mention[] {
  const mentions: Mention[] = [];
  const taken = new Uint8Array(a.tokens.length);
  // Dates first: "in July 2022" is a date, not a place called July.
  addNumeric(a, mentions, taken);
  const kept = numeric ? mentions : [];
  const titles = new DocumentTitles(a, ofHead, isNameHead);
  for (let i = 0; i < a.tokens.length; i++) dateline(a, ctx, i, kept, taken);
  for (const s of a.sentences) {
    let i = s.from;
    while (i < s.to) i = taken[i] ? i + 1 : step(a, ctx, titles, i, s.to, kept, taken);
  }
  return withoutNamedDemonyms(anchored(kept, ctx)).sort((x, y) => x.from - y.from);
}

/** Whether token `k` stands between two capitalised words of the same line, or right after two of them. */
function insideName(tokens: Token[], k: number): boolean {
  const word = (t: Token | undefined) => !!t && /^\p{Lu}\p{Ll}+$/u.test(t.text);
  const close = (x: Token, y: Token) => y.start - x.end === 1;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (!word(prev) || !close(prev, tokens[k])) return false;
  return (word(next) && close(tokens[k], next)) || (word(tokens[k - 2]) && close(tokens[k - 2], prev));
}

/** The place of a dateline starting at token `i` ("SYDNEY, May 20 —"): a known place, or a location. */
function dateline(a: Analysis, ctx: CompiledContext, i: number, out: Mention[], taken: Uint8Array): void {
  const place = datelineAt(a, i);
  if (!place || taken[place.from]) return;
  const { from, to, dash } = place;
  // "(Reuters)", "(AP)": the agency that filed the story is its byline, not something the story is about (the date
  // between was read before, as a date).
  // "CHRISTCHURCH, New Zealand, June 13 -": the state or region after the place is named too.
  for (let k = to; k <= dash; k++) {
    const state = a.tokens[k - 1]?.text === "," ? matchName(ctx.names, a.tokens, k, dash) : null;
    if (state && state.name.kind === "name" && PLACE_TYPES.has(state.name.entry.type)) {
      push(a, out, taken, { from: k, to: k + state.tokens.length, type: state.name.entry.type, known: state.name });
      k += state.tokens.length - 1;
    } else taken[k] = 1;
  }
  const known = matchName(ctx.names, a.tokens, from, to);
  const surface = datelineSurface(a.tokens, from, to, a.text);
  // "WASHINGTON (Reuters) -": the capital as a place, not the state it stands for elsewhere.
  if (known && from + known.tokens.length === to && known.name.kind === "name" && known.name.entry.type === "location")
    push(a, out, taken, { from, to, type: known.name.entry.type, known: known.name, strong: true }, surface);
  else push(a, out, taken, { from, to, type: "location", strong: true }, surface);
}

/** Drops adjectival demonyms ("American") of states the document also names by a name ("the United States"). */
function withoutNamedDemonyms(mentions: Mention[]): Mention[] {
  if (!mentions.some((m) => m.adjective)) return mentions;
  const named = new Set<LexiconEntry>();
  for (const m of mentions) if (m.known?.kind === "name") named.add(m.known.entry);
  return mentions.filter((m) => !m.adjective || !named.has(m.known!.entry));
}

/** How many of a graph node's neighbours a document must name before the node's common-noun names resolve. */
export const ANCHORS_NEEDED = 2;

/**
 * Drops mentions by a graph node's common-noun name ("peace talks") unless the document also names, by proper
 * names, at least {@link ANCHORS_NEEDED} of the node's neighbours: talks between two other countries are other talks.
 */
function anchored(mentions: Mention[], ctx: CompiledContext): Mention[] {
  if (!mentions.some((m) => m.known?.generic)) return mentions;
  const named = new Set<string>();
  for (const m of mentions) if (m.known && !m.known.generic) named.add(m.known.entry.id);
  const ok = new Map<string, boolean>();
  return mentions.filter((m) => {
    if (!m.known?.generic) return true;
    const id = m.known.entry.id;
    let hit = ok.get(id);
    if (hit === undefined) {
      let n = 0;
      for (const neighbour of ctx.anchors.get(id) ?? []) if (named.has(neighbour)) n++;
      ok.set(id, (hit = n >= ANCHORS_NEEDED));
    }
    return hit;
  });
}

function step(
  a: Analysis,
  ctx: CompiledContext,
  titles: DocumentTitles,
  i: number,
  to: number,
  out: Mention[],
  taken: Uint8Array,
): number {
  const { tokens } = a;
  // "the Anglo-Dutch company", "an African-American singer": demonyms joined by hyphens are an adjective, which
  // names the state of its last part (as "Dutch" alone would) when the text names it no other way.
  const compound = demonymCompound(ctx, tokens[i].text);
  if (compound) {
    push(a, out, taken, { from: i, to: i + 1, type: compound.entry.type, known: compound, adjective: true });
    return i + 1;
  }
  const title = titles.titleAt(tokens, i, to);
  if (title) {
    push(a, out, taken, { from: title.from, to: title.to, type: "work", strong: true });
    return title.next;
  }
  // "Former Chelsea striker Didier Drogba", '"When Mars lit up': the sentence's opening word is no part of a name.
  if (isSentenceOpener(a, i) && i + 1 < to) return i + 1;
  // "van Dam said": a surname that keeps its lower-case particle, outside a longer name.
  if (SURNAME_PARTICLES.has(tokens[i].text) && i + 1 < to && !isCapitalized(tokens[i - 1] ?? tokens[i])) {
    const end = properRun(tokens, i + 1, to);
    if (end === i + 2) {
      properName(a, ctx, i, end, out, taken);
      return end;
    }
  }
  const known = matchName(ctx.names, tokens, i, to);
  // "the African Development Bank", "the African Union Commission": the tagger may read a demonym, alone or starting a
  // known body's name, as an adjective, not the start of a name.
  const runEnd =
    (known?.name.kind === "demonym-adjective" || known?.name.entry.type === "organization") &&
    i + known.tokens.length < to
      ? Math.max(properRun(tokens, i, to), properRun(tokens, i + known.tokens.length, to))
      : properRun(tokens, i, to);
  if (known) {
    const end = i + known.tokens.length;
    const kind = known.name.kind;
    // "Swiss National Bank", "United States Tennis Association", "Italian Open", "Russian Empire", "US Treasury": a
    // state's name or demonym that starts a longer name ending with an organisation, event, polity or institution
    // word is part of that name; a state's name before its rule in general ("US Government") stays the state.
    const body = kind === "name" && runEnd > end && GOVERNMENT_HEADS.has(tokens[runEnd - 1].lower);
    // "the African Union Commission": a known body's name followed by words ending with a body's head is one name.
    const last = tokens[runEnd - 1].lower;
    const state = kind === "demonym-adjective" || known.name.entry.type === "country";
    const institution = state && (isOrgHead(last) || INSTITUTION_HEADS.has(last));
    const starts =
      !body &&
      runEnd > end &&
      (institution ||
        (state && (isEventHead(last) || isPolityHead(last))) ||
        (known.name.entry.type === "organization" && isOrgHead(last))) &&
      trimmedEnd(ctx, tokens, i, runEnd) === runEnd;
    if (starts || (kind === "demonym-adjective" && demonymStartsName(a, ctx, end, runEnd, to))) {
      properName(a, ctx, i, runEnd, out, taken);
      // "the U.S. House": a state's institution is an organisation, whatever building its head word also names.
      const named = out[out.length - 1];
      if (starts && institution && named?.from === i && named.to === runEnd) named.type = "organization";
      return runEnd;
    }
    if (kind === "demonym-adjective") return demonym(a, ctx, i, end, to, out, taken);
    if (runEnd <= end || body || trimmedEnd(ctx, tokens, i, runEnd) <= end) {
      push(a, out, taken, { from: i, to: end, type: known.name.entry.type, known: known.name });
      return end;
    }
  }
  if (runEnd > i) {
    // "the Kuala Lumpur-based carrier": the words before "Lumpur-based" finish the place's name.
    const based = runEnd < to ? BASED.exec(tokens[runEnd].text) : null;
    if (based && !taken[runEnd] && tokens[runEnd].start === tokens[runEnd - 1].end + 1) {
      pushPlace(a, ctx, out, taken, i, runEnd, based[1]);
      return runEnd + 1;
    }
    properName(a, ctx, i, runEnd, out, taken);
    return runEnd;
  }
  const t = tokens[i];
  // "the Home Office", "the Cabinet Office": capitalised common words inside a sentence that end with a body's head
  // word are that body's name, though the tagger reads them as an adjective and a noun.
  const body = capitalisedBodyEnd(a, i, to);
  if (body > i + 1 && !taken[i]) {
    properName(a, ctx, i, body, out, taken);
    return body;
  }
  // "Flushing Meadows", "All England Club": a capitalised word the tagger did not read as a name, inside a
  // sentence, starts the name that follows it.
  if (
    i + 1 < to &&
    isCapitalized(t) &&
    t.text.length > 1 &&
    !SHORT_PREFIX_POS.has(t.pos) &&
    // '"The AAP won"': a quotation's first word is its sentence's.
    !startsSentence(a, i) &&
    tokens[i - 1].pos !== "SPACE" &&
    // "NEW YORK, Feb 5 (AP) — The Charlotte Hornets": a dash after a dateline opens the story's first sentence.
    !/^[—–-]$/.test(tokens[i - 1].text) &&
    !a.text.slice(tokens[i - 1].end, t.start).includes("\n") &&
    !taken[i + 1] &&
    !matchName(ctx.names, tokens, i + 1, to)
  ) {
    const after = properRun(tokens, i + 1, to);
    if (after > i + 1) {
      properName(a, ctx, i, after, out, taken);
      return after;
    }
  }
  const based = BASED.exec(t.text);
  if (based) pushPlace(a, ctx, out, taken, i, i, based[1]);
  return i + 1;
}

/**
 * The end of a run of two or three capitalised words from `i`, inside a sentence, that ends with a body's head word
 * ("Home Office"); `i` when there is none.
 */
function capitalisedBodyEnd(a: Analysis, i: number, to: number): number {
  const { tokens } = a;
  const before = tokens[i - 1];
  const inside = before !== undefined && before.sentence === tokens[i].sentence && !isCapitalized(before);
  if (!inside || !isCapitalized(tokens[i]) || tokens[i].pos === "PUNCT" || tokens[i].pos === "DET") return i;
  let j = i + 1;
  while (j < to && j < i + 3 && isCapitalized(tokens[j]) && tokens[j].pos !== "PUNCT") j++;
  // The whole run or nothing: "World Health Organization" is not cut at "Health".
  if (j === to || isCapitalized(tokens[j]) || !isOrgHead(tokens[j - 1].lower)) return i;
  return j;
}

/** Combining forms of demonyms that only occur before a hyphen ("Anglo-", "Sino-", "Franco-"). */
const DEMONYM_PREFIXES = new Set([
  ...["anglo", "franco", "sino", "russo", "serbo", "greco", "italo", "austro", "indo", "afro", "euro", "judeo"],
  ...["hispano", "luso", "dano", "swedo", "germano", "polono", "czecho", "turco", "nippo", "hiberno", "scoto"],
]);

/**
 * For two or more demonyms joined by hyphens ("Anglo-Dutch", "Greek-French", "Serbo-Italian"), the demonym of the
 * last part; null for any other word.
 */
function demonymCompound(ctx: CompiledContext, word: string): LexiconName | null {
  if (!word.includes("-")) return null;
  const parts = word.toLowerCase().split("-");
  const demonymOf = (w: string) =>
    ctx.names.get(w)?.find((p) => p.tokens.length === 1 && p.name.kind === "demonym-adjective")?.name ?? null;
  if (parts.length < 2 || !parts.slice(0, -1).every((w) => DEMONYM_PREFIXES.has(w) || demonymOf(w))) return null;
  return demonymOf(parts[parts.length - 1]);
}

/**
 * Whether the capitalised words from `end` to `runEnd` after a demonym finish one name with it ("British Columbia",
 * "Canadian Pacific Kansas City"): they are not a role or title ("Russian President X"), not a name the lexicon
 * knows on its own ("the Dutch Ajax"), and not a person's name ("the Irish Ciara Dunne").
 */
function demonymStartsName(a: Analysis, ctx: CompiledContext, end: number, runEnd: number, to: number): boolean {
  const { tokens } = a;
  if (runEnd <= end || trimmedEnd(ctx, tokens, end, runEnd) !== runEnd) return false;
  if (matchPhrase(ctx.roles, tokens, end, to) || afterTitle(tokens, end, runEnd) > end) return false;
  if (matchName(ctx.names, tokens, end, runEnd)) return false;
  // One word after the demonym is a name with it only when it heads names or the gazetteer knows the two ("British
  // Columbia", "Irish Sea"); "the Brazilian Amazon" is the Amazon.
  const words = tokens.slice(end - 1, runEnd).map((t) => t.lower);
  // "the governing Georgian Dream party", "Georgian Dream's chairman": a party's noun, or a role the two words own,
  // after them.
  const party = PARTY_NOUNS.has(tokens[runEnd]?.lower ?? "");
  const owner = tokens[runEnd]?.lower === "'s" && !!matchPhrase(ctx.roles, tokens, runEnd + 1, to);
  if (
    runEnd - end === 1 &&
    !isNameHead(words[1]) &&
    !party &&
    !owner &&
    placeLookup().within(words.join(" ")).length === 0
  )
    return false;
  return (
    typeName(tokens, end, runEnd, false, (w) => isKnownPlace(ctx, w)) !== "person" && !isFirstName(tokens[end].lower)
  );
}

/** Lower-case nouns after a party's name: "the Georgian Dream party". */
const PARTY_NOUNS = new Set(["party", "movement", "coalition", "alliance"]);

/** Parts of speech that never start a name: "I", "But", quotes and brackets. */
const SHORT_PREFIX_POS = new Set(["PUNCT", "PART", "PRON", "CCONJ", "SCONJ", "AUX", "NUM", "SYM"]);
/** "Zurich-based", "Lagos-born": the place a company is based in or a person comes from. */
const BASED = /^(\p{Lu}[\p{L}.]+(?: \p{Lu}[\p{L}.]+)?)-(?:based|born|raised|headquartered)$/u;

/**
 * A place named by tokens `[from, k)` and the first `prefix.length` characters of token `k` (the "Zurich" of
 * "Zurich-based", the "Kuala Lumpur" of "Kuala Lumpur-based").
 */
function pushPlace(
  a: Analysis,
  ctx: CompiledContext,
  out: Mention[],
  taken: Uint8Array,
  from: number,
  k: number,
  prefix: string,
) {
  if (taken[k]) return;
  for (let j = from; j <= k; j++) taken[j] = 1;
  const start = a.tokens[from].start;
  const end = a.tokens[k].start + prefix.length;
  const surface = a.text.slice(start, end);
  // "Singapore-based", "Kenyan-born": a place the lexicon knows, by its name or demonym, keeps its entry and type (a
  // city-state is a country); a capital's name stays the city's.
  const known =
    from === k
      ? ctx.names
          .get(prefix.toLowerCase())
          ?.find(
            (p) =>
              p.tokens.length === 1 &&
              HYPHEN_PLACE_KINDS.has(p.name.kind) &&
              PLACE_TYPES.has(p.name.entry.type) &&
              p.original[0] === prefix,
          )
      : undefined;
  if (known)
    out.push({ from, to: k + 1, start, end, surface, type: known.name.entry.type, known: known.name, entity: -1 });
  else out.push({ from, to: k + 1, start, end, surface, type: "location", entity: -1 });
}

/** "Russian forces" is a group of Russia; "Ukrainian President X" keeps "Ukrainian" as a mention of the state. */
function demonym(
  a: Analysis,
  ctx: CompiledContext,
  i: number,
  end: number,
  to: number,
  out: Mention[],
  taken: Uint8Array,
) {
  const { tokens } = a;
  const entry = matchName(ctx.names, tokens, i, end)!.name;
  let j = end;
  // "the Ukrainian and Russian delegations": the first demonym borrows the group noun of the second.
  if (tokens[j]?.lower === "and" && j + 2 < to) {
    const second = matchName(ctx.names, tokens, j + 1, to);
    if (second?.name.kind === "demonym-adjective") j = j + 1 + second.tokens.length;
  }
  const noun = tokens[j];
  if (noun && j < to && ctx.groupNouns.has(noun.lower)) {
    const label = `${tokens
      .slice(i, end)
      .map((t) => t.text)
      .join(" ")} ${noun.text}`;
    const range = j === end ? { from: i, to: j + 1 } : { from: i, to: end };
    push(a, out, taken, { ...range, type: "group", state: entry.entry }, label);
    return range.to;
  }
  if (namesNoState(tokens, i, end)) return end;
  const role = !!matchPhrase(ctx.roles, tokens, end, to);
  // "an American actor", "the Polish border": the demonym still names its state, when nothing else does.
  push(a, out, taken, { from: i, to: end, type: entry.entry.type, known: entry, adjective: !role || undefined });
  return end;
}

/** An unknown proper name: strip titles and roles ("Chancellor", "Secretary-General"), then type what is left. */
function properName(a: Analysis, ctx: CompiledContext, from: number, to: number, out: Mention[], taken: Uint8Array) {
  const { tokens } = a;
  // "5G coverage": a letter the tokenizer split from the number it is written with is no name.
  if (tokens[from - 1]?.pos === "NUM" && tokens[from - 1].end === tokens[from].start) from++;
  if (from >= to) return;
  // "49.1 C": a capital letter after a number is its unit; "I'm": the pronoun the tokenizer kept with its verb.
  if (to - from === 1 && ONE_CAPITAL.test(tokens[from].text) && tokens[from - 1]?.pos === "NUM") return;
  if (to - from === 1 && PRONOUN_CONTRACTION.test(tokens[from].text)) return;
  // "E. coli": an initial before a lower-case word abbreviates a genus, not a name.
  if (to - from === 1 && INITIAL.test(tokens[from].text) && startsLower(tokens[to]?.text ?? "")) return;
  let start = from;
  let titled = false;
  // "King Faisal Hospital", "Prince Sultan Air Base": a title before the name of a body or place named after its
  // holder is part of that name.
  const namedAfter = to - from >= 3 && NAMED_AFTER_HEADS.has(tokens[to - 1].lower);
  while (!namedAfter) {
    const next = afterTitle(tokens, start, to);
    // "NATO Secretary General Mark Rutte", "US Attorney General X": a known name qualifying the office is kept.
    const owner = next > start + 1 ? matchName(ctx.names, tokens, start, next - 1) : null;
    if (owner)
      push(a, out, taken, {
        from: start,
        to: start + owner.tokens.length,
        type: owner.name.entry.type,
        known: owner.name,
      });
    else if (next > start + 1) {
      // "ANRT Director General Laila Tazi": a name no lexicon knows before the office's words is its body's.
      const office = roleEndingAt(ctx, tokens, start + 1, next);
      if (office > start && !portfolioWords(tokens, start, office)) properName(a, ctx, start, office, out, taken);
    }
    if (next > start) start = next;
    else {
      const role = matchPhrase(ctx.roles, tokens, start, to);
      // "Premier League", "Chancellor Hotel": a role word before a lone head word is part of the name, and so is one
      // that owns the rest ("Queen's University Belfast").
      if (!role || (role.to === to - 1 && isNameHead(tokens[to - 1].lower)) || tokens[role.to]?.lower === "'s") break;
      start = role.to;
    }
    titled = true;
    if (start >= to) return;
  }
  // "Minister of Finance and Economy Ruth Richardson": the office's portfolio names its ministry, no part of the name
  // after it; a single name after the words ("Prime Minister of Northern Ireland") is the place the office governs.
  const portfolio = titled ? afterPortfolio(tokens, start, to) : start;
  if (portfolio > start + 1 && (portfolio === to || to - portfolio >= 2)) {
    const from = tokens[start + 1].lower === "the" ? start + 2 : start + 1;
    if (from < portfolio) push(a, out, taken, { from, to: portfolio, type: "organization" });
    start = portfolio;
  } else if (titled && portfolio > start) {
    // "Prime Minister of Northern Ireland": the name after the office's "of" is what it governs, typed by itself.
    properName(a, ctx, start + 1, to, out, taken);
    return;
  }
  if (start >= to) return;
  const end = trimmedEnd(ctx, tokens, start, to);
  if (!titled && splitAtRole(a, ctx, start, end, out, taken)) return;
  // "In March Reuters reported": a month or weekday before a name is a date, not part of the name.
  while (start < end && isCalendarWord(tokens[start].lower, tokens[start + 1]?.lower)) start++;
  // "Rivals KT and LG Uplus won": a plural common noun that only opens the sentence is no part of the acronym after it.
  if (
    end - start >= 2 &&
    ACRONYM.test(tokens[start + 1].text) &&
    startsSentence(a, start) &&
    isPluralNoun(tokens[start].lower)
  )
    start++;
  if (end <= start) return;
  if (end - start === 1 && isCalendarWord(tokens[end - 1].lower, tokens[end]?.lower)) {
    // A lone "May" is a date unless it joins a person's name ("Theresa May ... May said").
    push(a, out, taken, { from: start, to: end, type: null, weak: true });
    return;
  }
  const known = matchName(ctx.names, tokens, start, end);
  if (known && start + known.tokens.length === end) {
    push(a, out, taken, { from: start, to: end, type: known.name.entry.type, known: known.name });
    return;
  }
  if (EPONYMOUS.has(tokens[end]?.lower ?? "") && !titled) {
    const eponym = { from: start, to: end, start: tokens[start].start, end: tokens[end - 1].end };
    push(a, out, taken, { from: start, to: end + 1, type: "organization", eponym });
    return;
  }
  // "Article 5", "Resolution 242": a numbered clause or text.
  if (
    end - start === 1 &&
    NUMBERED.has(tokens[start].lower) &&
    tokens[end]?.pos === "NUM" &&
    tokens[end].sentence === tokens[start].sentence
  ) {
    push(a, out, taken, { from: start, to: end + 1, type: "agreement" });
    return;
  }
  // "The Moderates, who voted against", "beat the Chiefs": a capitalised plural common word after "the" names a team,
  // a party or a band, whatever the context says.
  const plural = end - start === 1 && !titled && pluralBody(a, start);
  // "the Jamaican coach Everton Blake", "opinion editor Bari Weiss", "the winger Raphinha": a role noun in lower case
  // right before a name describes a person.
  const around = contextType(tokens, start, end);
  // "the rapper Kaybee", "Nigerian singer Zeezy": an occupation in lower case before the name does too.
  const occupation = startsLower(tokens[start - 1]?.text ?? "") && isOccupation(tokens[start - 1].lower);
  const described = titled || (around !== "organization" && (roleEndsAt(ctx, tokens, start) || occupation));
  const typed = plural ? "organization" : typeName(tokens, start, end, described, (w) => isKnownPlace(ctx, w));
  // "the son of Oracle co-founder Larry Ellison": a lone word before a role in lower case and its holder's name is
  // the body the role serves ("Finance chief X" names an office).
  const type =
    typed ??
    (end - start === 1 &&
    ((!isPortfolioField(tokens[start].lower) && roleOwnerBefore(ctx, tokens, end)) || partyOfMember(tokens, start))
      ? "organization"
      : null);
  // A lone capitalised common word ("Several days ago", "Western leaders"), or a word capitalised only because a
  // sentence starts with it ("Environmental groups"), is a name only if it joins one ("Spirit" -> "Spirit AeroSystems").
  // "the Government", "the Party", "the Academy": a head word alone is a common noun, capitalised for the one body
  // the text means, and a name only if it joins one.
  // "Environmental group sues": a common adjective that only its sentence's start capitalised does not name the group
  // its noun gives a type to.
  const weak =
    (end - start === 1 &&
      (isDemonymNoun(ctx, tokens[start].lower) ||
        isHeadOnly(tokens, start) ||
        isConceptAcronym(tokens[start].text) ||
        isCountOf(tokens, start) ||
        (onlySentenceInitial(a, start) && commonWordStartingSentence(a, start)))) ||
    (type === null &&
      end - start === 1 &&
      (isCommonWord(tokens[start].lower) ||
        isCommonWord(tokens[start].lemma.toLowerCase()) ||
        onlySentenceInitial(a, start) ||
        commonWordStartingSentence(a, start) ||
        QUALIFIED_NOUNS.has(tokens[end]?.lower ?? "")));
  if (weak && !plural) {
    push(a, out, taken, { from: start, to: end, type: null, weak });
    return;
  }
  // A role noun before the name types it as surely as the words around it ("opinion editor Bari Weiss").
  const strong = type !== null && !titled && (around === type || (described && type === "person"));
  push(a, out, taken, strong ? { from: start, to: end, type, strong } : { from: start, to: end, type });
}

/**
 * "Georgia Governor Jimmy Carter", "Bank of England Governor Andrew Bailey": a role inside a run of capitalised words
 * splits it into the body or place the role serves and the person who holds it. Returns whether it split the run.
 */
function splitAtRole(a: Analysis, ctx: CompiledContext, from: number, to: number, out: Mention[], taken: Uint8Array) {
  const { tokens } = a;
  for (let k = from + 1; k < to - 1; k++) {
    const role = matchPhrase(ctx.roles, tokens, k, to);
    if (!role || role.to >= to || !startsUpper(tokens[k].text)) continue;
    // "Universidad Mayor de San Andrés": between a word that opens a body's name and its "de", a role word is an
    // adjective of that name.
    if (isLeadingOrgWord(tokens[from].lower) && ROMANCE_OF.has(tokens[role.to].lower)) continue;
    // "Steven Dean Moore": a one-word role right after a lone given name is a middle name.
    if (
      k - from === 1 &&
      role.to - k === 1 &&
      isFirstName(tokens[from].lower) &&
      !isKnownPlace(ctx, tokens[from].lower)
    )
      continue;
    const known = matchName(ctx.names, tokens, from, k);
    if (known && from + known.tokens.length === k)
      push(a, out, taken, { from, to: k, type: known.name.entry.type, known: known.name });
    // "Defense Secretary Lloyd Austin", "Science Minister X", "Agriculture and Environment Minister X": common words
    // before the role name the office, not a body of their own ("World Athletics President X" heads a body).
    else if (!BODY_ROLES.has(tokens[k].lower) && portfolioWords(tokens, from, k))
      push(a, out, taken, { from, to: k, type: null, weak: true });
    else properName(a, ctx, from, k, out, taken);
    properName(a, ctx, k, to, out, taken);
    return true;
  }
  return false;
}

/** The first index in `[from, to)` from which a role phrase runs exactly to `to` ("Director General"), or -1. */
function roleEndingAt(ctx: CompiledContext, tokens: Token[], from: number, to: number): number {
  for (let k = from; k < to; k++) if (matchPhrase(ctx.roles, tokens, k, to)?.to === to) return k;
  return -1;
}

/** Whether a role phrase in lower case starts at `k` and a capitalised name follows it ("co-founder Larry Ellison"). */
function roleOwnerBefore(ctx: CompiledContext, tokens: Token[], k: number): boolean {
  if (!tokens[k] || !isLowerCaseWord(tokens[k].text)) return false;
  const role = matchPhrase(ctx.roles, tokens, k, tokens.length);
  const next = role ? tokens[role.to] : undefined;
  return !!next && next.pos === "PROPN" && isCapitalized(next);
}

/** Nouns of a party's people that a party's adjective comes before: "a Liberal member", "the Labor candidate". */
const PARTY_MEMBER_NOUNS = new Set(
  (
    "member members candidate candidates politician politicians mp mps mla mlas mep meps deputy deputies senator " +
    "senators councillor councillors councilor councilors legislator legislators lawmaker lawmakers assemblyman " +
    "assemblywoman congressman congresswoman"
  ).split(" "),
);

/** Capitalised words before those nouns that name a faith or no party at all ("a Catholic politician"). */
const NOT_PARTIES = new Set(
  "independent christian catholic protestant muslim jewish hindu buddhist sikh orthodox anglican senior junior".split(
    " ",
  ),
);

/**
 * "as a Liberal member", "the Labor candidates": a capitalised word between an article and a noun of a party's people
 * is the party's name, though it is a common adjective.
 */
function partyOfMember(tokens: Token[], k: number): boolean {
  const prev = tokens[k - 1]?.lower ?? "";
  return (
    PARTY_MEMBER_NOUNS.has(tokens[k + 1]?.lower ?? "") &&
    startsLower(tokens[k + 1].text) &&
    isArticle(prev) &&
    !NOT_PARTIES.has(tokens[k].lower)
  );
}

/** Whether a role phrase in lower case ends right before `k` ("coach", "opinion editor", "chief executive"). */
function roleEndsAt(ctx: CompiledContext, tokens: Token[], k: number): boolean {
  for (let s = k - 1; s >= Math.max(0, k - MAX_ROLE_WORDS); s--) {
    if (!LOWER_OWNER.test(tokens[s].text)) return false;
    if (matchPhrase(ctx.roles, tokens, s, k)?.to === k) return true;
  }
  return false;
}

/** Most words of a role phrase before a name. */
const MAX_ROLE_WORDS = 3;

/** Roles that head a body rather than hold a portfolio: "World Athletics President", "Red Cross Chairman". */
const BODY_ROLES = new Set(["president", "chairman", "chairwoman", "chairperson", "chair"]);

/** Whether the words `[from, to)` are portfolios, coordinated by "and" ("Agriculture and Environment"). */
function portfolioWords(tokens: Token[], from: number, to: number): boolean {
  if (to - from > 3 || tokens[to - 1].lower === "and") return false;
  // "EPA Administrator X": an acronym names the body, not a portfolio.
  if (tokens.slice(from, to).some((t) => t.text.length > 1 && t.text === t.text.toUpperCase())) return false;
  for (let k = from; k < to; k++)
    if (
      !(k > from && (tokens[k].lower === "and" || tokens[k].text === "&")) &&
      !isPortfolio(tokens, k) &&
      !isPlainWord(tokens[k].lower)
    )
      return false;
  return true;
}

/** Whether token `k` is a capitalised plural common noun right after "the" ("The Chiefs' chief executive"). */
function pluralBody(a: Analysis, k: number): boolean {
  const t = a.tokens[k];
  const the = a.tokens[k - 1];
  return (
    the?.lower === "the" &&
    the.sentence === t.sentence &&
    /^\p{Lu}\p{Ll}+s$/u.test(t.text) &&
    isCommonWord(t.lower.slice(0, -1))
  );
}

/** Whether `word` (lower case) is by itself the name of a known country or place ("paris", not "george"). */
function isKnownPlace(ctx: CompiledContext, word: string): boolean {
  return !!ctx.names
    .get(word)
    ?.some((p) => p.tokens.length === 1 && (p.name.entry.type === "country" || p.name.entry.type === "location"));
}

/** The end of a proper-name run once trailing role words are removed ("United Nations Secretary-General"). */
function trimmedEnd(ctx: CompiledContext, tokens: Token[], from: number, to: number): number {
  for (let k = from + 1; k < to; k++)
    if (matchPhrase(ctx.roles, tokens, k, to)?.to === to) {
      // "the Office of the President": the words that led into the role go with it ("Office", not "Office of the").
      while (k > from + 1 && (tokens[k - 1].lower === "the" || CONNECTORS.has(tokens[k - 1].lower))) k--;
      // A body's head word alone before them names the office as a body: "the Office of the Ombudsman".
      return k === from + 1 && isOrgHead(tokens[from].lower) ? to : k;
    }
  return to;
}

/**
 * Whether a capitalised common noun at `i` owns the body named after it: "The People's Party", "the Workers' Union"
 * (the tagger reads "People" as a noun, so no run of proper names would start there).
 */
function possessiveBody(tokens: Token[], i: number): boolean {
  const owner = tokens[i];
  const possessive = tokens[i + 1]?.lower === "'s" || tokens[i + 1]?.lower === "'";
  if (!isCapitalized(owner) || !possessive) return false;
  // "the People's Liberation Party": capitalised words up to the head word.
  let k = i + 2;
  while (k < i + 2 + MAX_POSSESSED_WORDS && tokens[k] && isCapitalized(tokens[k]) && !isOrgHead(tokens[k].lower)) k++;
  return k > i + 1 && !!tokens[k] && isCapitalized(tokens[k]) && isOrgHead(tokens[k].lower);
}

/** Most capitalised words between a common noun's possessive and the head word of the body it owns. */
const MAX_POSSESSED_WORDS = 3;

/** Abbreviated legal suffixes of firms' names, written with their full stop. */
const FIRM_SUFFIX = /^(?:Co|Inc|Corp|Ltd|Bros|Cos)\.$/;

/** "a Ford factory": a capitalised word the tagger reads as a verb right after an article is a name. */
function verbAsName(tokens: Token[], i: number): boolean {
  return tokens[i].pos === "VERB" && isArticle(tokens[i - 1]?.lower ?? "") && isCapitalized(tokens[i]);
}

/** Tags a firm's name of common words may get from the tagger ("Reach" a verb, "Next" an adjective, "Sky" a noun). */
const COMMON_WORD_TAGS = new Set(["VERB", "ADJ", "NOUN"]);

/**
 * "the British publisher Reach", "the retailer Next", "the broadcaster Sky": a capitalised common word right after a
 * firm's noun in lower case is the firm's name. A noun only alone, so that a title before a person's name ("the
 * central bank Governor Ana Ruiz") starts no name here.
 */
function firmWordAsName(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  if (!prev || !COMMON_WORD_TAGS.has(t.pos) || !isCapitalized(t)) return false;
  if (prev.pos !== "NOUN" || !startsLower(prev.text) || !isFirmNoun(prev.lower)) return false;
  const next = tokens[i + 1];
  return t.pos !== "NOUN" || !next || !isCapitalized(next);
}

/** Whether the slash at `j` joins the capitalised words on both sides with no space ("Bodø/Glimt", "Polydor/Polar"). */
function slashJoined(tokens: Token[], j: number): boolean {
  const slash = tokens[j];
  const next = tokens[j + 1];
  if (slash.text !== "/" || !next || !isCapitalized(next) || next.pos === "PUNCT") return false;
  return tokens[j - 1].end === slash.start && slash.end === next.start;
}

/**
 * Whether token `i` is a capitalised family name the tagger reads as a common word before a hyphenated Korean given
 * name ("Park Hye-jin", "Moon Jae-in").
 */
function familyNameAsWord(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return isCapitalized(tokens[i]) && tokens[i].pos !== "PUNCT" && !!next && isHyphenatedGivenName(next.text);
}

/** Given names the tagger reads as another word: "Per Mathis Kongsrud" (a preposition). */
const GIVEN_NAME_WORDS = new Set(["Per"]);

/** Whether token `i` is a given name the tagger reads as another word, with a capitalised name word after it. */
function givenNameAsWord(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return GIVEN_NAME_WORDS.has(tokens[i].text) && !!next && next.pos === "PROPN" && isCapitalized(next);
}

/** The end of a run of capitalised words starting at `i` (i itself when it does not start one). */
function properRun(tokens: Token[], i: number, to: number): number {
  const starts =
    (tokens[i].pos === "PROPN" && isCapitalized(tokens[i])) ||
    isCamel(tokens[i]) ||
    verbAsName(tokens, i) ||
    firmWordAsName(tokens, i) ||
    isLoneAcronym(tokens, i) ||
    givenNameAsWord(tokens, i) ||
    familyNameAsWord(tokens, i);
  if (!starts && !possessiveBody(tokens, i) && !ofBody(tokens, i)) return i;
  let j = i + 1;
  let cut = -1;
  // Inside the "for" complement of a body's name, "of" joins whatever precedes it ("Committee for the Protection of
  // Journalists", "Court for the Northern District of California").
  let complement = -1;
  while (j < to) {
    const t = tokens[j];
    // "advised by Rothschild & Co. Shares in X rose": a firm's abbreviated suffix ends its name, and may end the
    // sentence the tokenizer did not split there.
    if (FIRM_SUFFIX.test(tokens[j - 1].text) && !FIRM_SUFFIX.test(t.text) && !isGlued(tokens, j)) break;
    if (isGlued(tokens, j) || isCamel(t) || (isCapitalized(t) && t.pos !== "PUNCT" && t.pos !== "PART")) j++;
    else if (slashJoined(tokens, j)) j += 2;
    else if ((FOREIGN_GLUE.has(t.lower) || ELIDED.test(t.text)) && acronymCloses(tokens, j, to, tokens[i].text[0]))
      // "Cassa Depositi e Prestiti (CDP)", "Alianza para el Progreso (APP)", "Autostrade per l'Italia (ASPI)": the
      // words of a name in another language, which the acronym after it vouches for.
      j++;
    else if (
      CONNECTORS.has(t.lower) &&
      j + 1 < to &&
      isCapitalized(tokens[j + 1]) &&
      (t.lower !== "of" || complement >= 0 || ofHead(tokens[j - 1].lower) || regnal(tokens, i, j - 1)) &&
      // "Radical Ventures of Toronto": after a firm's designator, "of" a town says where the firm is.
      !(t.lower === "of" && FIRM_DESIGNATORS.has(tokens[j - 1].lower) && isTownAt(tokens, j + 1)) &&
      // "Court of Arbitration for Sport": inside a body's "of" complement, "for" goes on with it.
      ((t.lower !== "for" && t.lower !== "on") ||
        takesForComplement(tokens[j - 1].lower) ||
        (t.lower === "for" &&
          (ofHeaded(tokens, i, j, ofHead) || (acronymCloses(tokens, j + 1, to) && !isRank(tokens[j - 1].lower))))) &&
      // "American Airlines Group on December 9": a date is no complement of a name.
      !isCalendarWord(tokens[j + 1].lower, tokens[j + 2]?.lower)
    ) {
      if (t.lower === "and" && cut < 0) cut = j;
      if (t.lower === "for" && complement < 0) complement = j;
      j++;
    } else if (
      (t.lower === "of" || t.lower === "for") &&
      tokens[j + 1]?.lower === "the" &&
      j + 2 < to &&
      isCapitalized(tokens[j + 2]) &&
      (t.lower === "of"
        ? ofHead(tokens[j - 1].lower) || tokens[j - 1].lower === "friends"
        : takesForComplement(tokens[j - 1].lower))
    ) {
      // "Ministry of the Interior", "Friends of the Earth", "District Court for the Northern District of California":
      // a body's name may carry its own article.
      if (t.lower === "for" && complement < 0) complement = j;
      j += 2;
    } else if (PARTICLE_PAIR.has(`${t.lower} ${tokens[j + 1]?.lower}`) && j + 2 < to && isCapitalized(tokens[j + 2])) {
      // "Ursula von der Leyen", "Bram van der Berg": two particles between the given name and the surname.
      j += 2;
    } else if (t.text === "," && portfolioListEnd(tokens, i, j, to) > j) {
      // "Ministry of Land, Infrastructure, Transport and Tourism": a ministry's portfolios listed after its "of".
      j = portfolioListEnd(tokens, i, j, to);
    } else if (campusEnd(tokens, i, j, to) > j) {
      // "the University of Texas at Austin": a university's campus after "at" is part of its name.
      j = campusEnd(tokens, i, j, to);
    } else if (nicknameEnd(tokens, j, to) > j) {
      // 'Jon "Bowzer" Bauman': a quoted nickname between the given name and the surname is inside the name.
      j = nicknameEnd(tokens, j, to);
    } else {
      const owned = namePossessive(tokens, i, j, to);
      const next = owned > j ? owned : gazetteerRun(tokens, i, j, to);
      if (next === j) break;
      j = next;
    }
  }
  // "Board of Control for Cricket in India (BCCI)": a place after "in" that the acronym after it spells is in the name.
  if (tokens[j]?.lower === "in") {
    let k = j + 1;
    while (k < to && isCapitalized(tokens[k]) && tokens[k].pos !== "PUNCT") k++;
    if (k > j + 1 && initialsSpell(tokens, i, k)) j = k;
  }
  // "the City Council for the Democratic Centre party": a complement that a common noun calls a body is its own name.
  if (complement >= 0 && j < to && OUTLET_NOUNS_AFTER.has(tokens[j].lower)) return complement;
  // "Alibaba and Tencent" are two names; "Competition and Markets Authority", "Maritime and Port Authority of
  // Singapore", "Institute for Safety and Health" and "Procter & Gamble" are one.
  if (cut >= 0 && !bodyAfterAnd(tokens, i, cut, j)) {
    // "the X University of Science and Technology and Germany's Y": a second "and" may start the list's next name.
    const second = tokens.findIndex((t, k) => k > cut && k < j && t.lower === "and");
    return second > 0 && bodyAfterAnd(tokens, i, cut, second) ? second : cut;
  }
  return j;
}

/**
 * The end of a university's campus after "at" at `j` ("the University of Texas at Austin", "the University of North
 * Carolina at Chapel Hill"), when the run `[from, j)` names a university or college "of" a place; else `j`.
 */
function campusEnd(tokens: Token[], from: number, j: number, to: number): number {
  if (tokens[j].lower !== "at" || !tokens[j + 1] || !isCapitalized(tokens[j + 1]) || tokens[j + 1].pos === "PUNCT")
    return j;
  let named = false;
  for (let k = from; k + 1 < j; k++)
    if (COLLEGE_HEADS.has(tokens[k].lower) && tokens[k + 1].lower === "of") named = true;
  if (!named || isCalendarWord(tokens[j + 1].lower, tokens[j + 2]?.lower)) return j;
  let k = j + 1;
  while (k < to && (isCapitalized(tokens[k]) || isGlued(tokens, k)) && tokens[k].pos !== "PUNCT") k++;
  return k;
}

/** Bodies of government whose "of" or "for" lists their portfolios: "Ministry of Agriculture, Forestry and Fisheries". */
const PORTFOLIO_HEADS = new Set([
  "ministry",
  "department",
  "minister",
  "secretary",
  "secretariat",
  "secretary-general",
]);

/**
 * Where a list of portfolios that goes on at the comma `j` ends (", Forestry and Fisheries": after its last word),
 * when the run from `i` is a ministry's or a school's name up to its "of" ("Moscow School of Painting, Sculpture and
 * Architecture"; another body's when an acronym in brackets follows the list); `j` when it is no such list.
 */
function portfolioListEnd(tokens: Token[], i: number, j: number, to: number): number {
  let of = -1;
  // A ministry's portfolios and a school's fields are its name's; another body's list needs its acronym after it.
  let listsFields = false;
  for (let k = i + 1; k < j; k++) {
    const head = tokens[k - 1].lower;
    if ((tokens[k].lower === "of" || tokens[k].lower === "for") && (PORTFOLIO_HEADS.has(head) || ofHead(head))) {
      of = k;
      listsFields = PORTFOLIO_HEADS.has(head) || HEADS_OF_BODIES.has(head);
    }
  }
  if (of < 0) return j;
  // Portfolios are common nouns: "the Ministry of Defence, Lockheed Martin and BAE Systems" lists three names.
  const plain = (w: string) => isPlainWord(w) || FIELD_OF_STUDY.test(w);
  const words = (k: number) => {
    let e = k;
    while (e < to && isCapitalized(tokens[e]) && tokens[e].pos !== "PUNCT" && plain(tokens[e].lower)) e++;
    return e < to && isCapitalized(tokens[e]) ? k : e;
  };
  // "National Institute of Seismology, Volcanology, Meteorology and Hydrology (INSIVUMEH)": another body's list of
  // fields is its name only when an acronym in brackets follows it.
  const end = listEnd(tokens, j, to, words);
  return listsFields || (end > j && bracketedAcronym(tokens, end)) ? end : j;
}

/** Where the list of common words that goes on at the comma `j` ends, through its "and"; `j` when there is none. */
function listEnd(tokens: Token[], j: number, to: number, words: (k: number) => number): number {
  let k = j;
  while (k < to && tokens[k].text === ",") {
    const last = tokens[k + 1]?.lower === "and" ? k + 2 : k + 1;
    const e = words(last);
    if (e === last) return j;
    if (last === k + 2) return e;
    k = e;
  }
  if (tokens[k]?.lower !== "and") return j;
  const e = words(k + 1);
  return e > k + 1 ? e : j;
}

/** Quote marks that open or close a nickname. */
const NICKNAME_QUOTES = new Set(['"', "“", "”"]);
/** Words a quoted nickname has at most. */
const MAX_NICKNAME_WORDS = 3;

/**
 * Where a quoted nickname that starts at `j` ends, when a capitalised word follows it ('Jon "Bowzer" Bauman',
 * 'Wilfried " Willi " Schneider'): the index of that word; `j` when there is none.
 */
function nicknameEnd(tokens: Token[], j: number, to: number): number {
  if (!NICKNAME_QUOTES.has(tokens[j].text)) return j;
  let k = j + 1;
  while (k < to && k - j - 1 < MAX_NICKNAME_WORDS && isCapitalized(tokens[k]) && tokens[k].pos !== "PUNCT") k++;
  if (k === j + 1 || k + 1 >= to || !NICKNAME_QUOTES.has(tokens[k].text)) return j;
  const surname = tokens[k + 1];
  return isCapitalized(surname) && surname.pos !== "PUNCT" ? k + 1 : j;
}

/**
 * Whether the "and" at `cut` joins the words of one body's name `[from, to)`: a body's head word follows it (the last
 * word, or the word before "of"), or it coordinates inside the "for" complement of one ("Institute for X and Y").
 */
function bodyAfterAnd(tokens: Token[], from: number, cut: number, to: number): boolean {
  // "X and Port Authority and Y": with a second "and" the run coordinates names.
  for (let k = cut + 1; k < to; k++) if (tokens[k].lower === "and") return false;
  // "the CHIPS and Science Act": an act's head word after "and" ends one name.
  if (isAgreementHead(tokens[to - 1].lower) && to - cut <= 3 && isCapitalized(tokens[to - 1])) return true;
  // "The Cybersecurity and Infrastructure Security Agency (CISA)": the acronym after the run spells all of it.
  if (initialsSpell(tokens, from, to)) return true;
  // "University of Antofagasta and Britain's University of Warwick": an owner after "and" starts a second name.
  const owner = to === cut + 2 && tokens[to]?.lower === "'s" && isCapitalized(tokens[to + 1]);
  if (owner && tokens.slice(from, cut).some((t) => isOrgHead(t.lower))) return false;
  // "the Royal Guard and Walloon Guard": one head word ending both sides names two bodies.
  if (tokens[cut - 1].lower === tokens[to - 1].lower && cut - from > 1) return false;
  // "Lappeenranta University of Technology and Saimaa University of Applied Sciences": a body's head word on each side.
  const headed = (a: number, b: number) => tokens.slice(a, b).some((t) => HEADS_OF_BODIES.has(t.lower));
  if (headed(from + 1, cut) && headed(cut + 2, to)) return false;
  // "the mobile operators Brolga Mobile and Southern Cross Telecom": a plural noun before the run announces two.
  const announcing = tokens[from - 1];
  if (announcing?.pos === "NOUN" && isLowerPlural(announcing.text) && isPluralNoun(announcing.lower)) return false;
  for (let k = from + 1; k < cut; k++)
    if (tokens[k].lower === "for" && takesForComplement(tokens[k - 1].lower)) return true;
  // "Absa and Standard Bank": a name before "and" and a body's full name after it are two bodies ("Minneapolis Park
  // and Recreation Board", whose "and" follows a common word, is one).
  const before = tokens[cut - 1].lower;
  // "Airbus Defence and Space", "Ministry of Health and Welfare": one common word after "and", after a name of
  // several words ending in a common word, finishes that name ("the Army and Navy" stays two).
  if (to - cut === 2 && cut - from >= 2 && isPlainWord(before) && isPlainWord(tokens[cut + 1].lower)) return true;
  // "Ministry of Climate and Green Growth", "Federation of Ski and Andinism (FASA)": inside a body's "of" complement,
  // common words after "and", or words whose initials the acronym after the name spells, go on with it.
  if (ofHeaded(tokens, from, cut, ofHead) && to - cut <= 4) {
    const after = tokens.slice(cut + 1, to);
    if (after.every((t) => isPlainWord(t.lower) || FIELD_OF_STUDY.test(t.lower)) || initialsSpell(tokens, from, to))
      return true;
    // "Ministry of Science and ICT": a field's acronym after "and" in a ministry's portfolio.
    if (after.length === 1 && PORTFOLIO_ACRONYM.test(after[0].text) && PORTFOLIO_HEADS.has(tokens[from].lower))
      return true;
  }
  if (!isCommonWord(before) && !isVocabularyWord(before) && to - cut > 2) return false;
  // "Sable Healthcare and Indlovu Health": a name that a body's head word already ends is whole before "and", unless
  // the acronym after the run spells both ("National Health and Medical Research Council (NHMRC)").
  if (isOrgHead(before) && cut - from > 1 && to - cut > 2 && !initialsSpell(tokens, from, to)) return false;
  for (let k = cut + 1; k < to; k++)
    if (isOrgHead(tokens[k].lower) && (k === to - 1 || tokens[k + 1].lower === "of")) return true;
  return false;
}

/** The first token after an office's portfolio at `k` ("of Finance and Economy", "for Foreign Affairs"), or `k`. */
function afterPortfolio(tokens: Token[], k: number, to: number): number {
  if (!/^(?:of|for|on)$/.test(tokens[k]?.lower ?? "")) return k;
  let j = k + 1;
  while (j < to && (/^(?:and|the|&)$/.test(tokens[j].lower) || isPlainWord(tokens[j].lower))) j++;
  while (j > k + 1 && /^(?:and|the|&)$/.test(tokens[j - 1].lower)) j--;
  return j;
}

/** Names of fields of study that no vocabulary lists: "Museology", "Archaeometry", "Geoinformatics". */
const FIELD_OF_STUDY = /^\p{Ll}{3,}(?:ology|ometry|onomy|ography|ics|istry)$/u;

/** A field's acronym of two to four letters: "ICT", "IT". */
const PORTFOLIO_ACRONYM = /^[A-Z]{2,4}$/;

/** Most tokens between a "for" and the acronym in brackets that closes the name. */
const MAX_COMPLEMENT = 12;
/** Conjunctions, prepositions and articles inside names in other languages: "e", "y", "para el", "per". */
const FOREIGN_GLUE = new Set(["e", "y", "et", "und", "para", "per", "pour", "el", "la", "le", "los", "las", "il"]);
/** Words that may join the capitalised words of a name's complement. */
const COMPLEMENT_GLUE = new Set(["of", "and", "for", "the", ",", ...FOREIGN_GLUE]);
/** An elided article before a capitalised word: "l'Italia", "d'Ivoire". */
const ELIDED = /^[ld]['’]\p{Lu}/u;

/**
 * Whether the capitalised words from `k` (joined by "of", "and", "the" or commas) run up to an acronym in brackets:
 * "National Coordinator for Disaster Reduction (CONRED)", "Swiss Laboratory for Doping Analyses (LAD)". (After an
 * office, "High Commissioner for Refugees (UNHCR)", the office's role is read apart.) With `initial`, the acronym
 * must start with it: the first letter of the name the words go on.
 */
function acronymCloses(tokens: Token[], k: number, to: number, initial?: string): boolean {
  let n = k;
  let words = 0;
  while (n < to && n < k + MAX_COMPLEMENT) {
    const t = tokens[n];
    if (t.text === "(") break;
    const word = (isCapitalized(t) && t.pos !== "PUNCT") || ELIDED.test(t.text);
    const next = tokens[n + 1];
    const joins = !!next && (isCapitalized(next) || ELIDED.test(next.text) || FOREIGN_GLUE.has(next.lower));
    if (!word && !(COMPLEMENT_GLUE.has(t.lower) && joins)) return false;
    if (word) words++;
    n++;
  }
  const acronym = bracketedAcronym(tokens, n);
  return words > 0 && !!acronym && (initial === undefined || acronym[0] === initial);
}

/** The acronym of three capitals or more in brackets that opens at token `k` ("(CONRED)"), or null. */
function bracketedAcronym(tokens: Token[], k: number): string | null {
  const acronym = tokens[k + 1]?.text ?? "";
  return tokens[k]?.text === "(" && tokens[k + 2]?.text === ")" && /^\p{Lu}{3,}$/u.test(acronym) ? acronym : null;
}

/** Most letters of an acronym compared with a name's initials. */
const MAX_ACRONYM = 8;

/**
 * Whether the acronym in brackets after the name `[from, to)` is made of the initials of its capitalised words, in
 * any order ("Argentine Federation of Ski and Andinism (FASA)": a name written in another language's word order).
 */
function initialsSpell(tokens: Token[], from: number, to: number): boolean {
  const acronym = bracketedAcronym(tokens, to);
  if (!acronym || acronym.length > MAX_ACRONYM) return false;
  const initials = tokens
    .slice(from, to)
    .filter((t) => startsUpper(t.text))
    .map((t) => t.text[0]);
  return initials.length === acronym.length && [...initials].sort().join("") === [...acronym].sort().join("");
}

/**
 * "St. Brendan's Medical Center", "the Korean Metal Workers' Union": a possessive inside a body's name, after a
 * common noun or a saint, when capitalised words ending with a body's head word follow. Returns the end of the name
 * through them, or `j` ("Britain's Labour Party" is two names).
 */
function namePossessive(tokens: Token[], from: number, j: number, to: number): number {
  const t = tokens[j];
  const prev = tokens[j - 1];
  if ((t.lower !== "'s" && t.lower !== "'") || !prev || prev.end !== t.start) return j;
  // "the Seoul Central District Prosecutors' Office": a plural owner the tagger does not list may still be a common word.
  const commonOwner =
    isCommonWord(prev.lower) || isCommonWord(singular(prev.lower)) || (t.lower === "'" && isPlainWord(prev.lower));
  if (!commonOwner && !/^(?:st\.?|saint)$/.test(tokens[from].lower)) return j;
  // "the World Bank's International Finance Corporation": a body's name that its head word ends owns a second body.
  if (j - from > 1 && t.lower === "'s" && isOrgHead(prev.lower)) return j;
  let k = j + 1;
  while (k < to && isCapitalized(tokens[k]) && tokens[k].pos !== "PUNCT") k++;
  // "the House of Commons' Standing Committee": a body named with "of" owns the next one; one head word after it
  // finishes it ("Federation of Air Line Pilots' Associations").
  if (ofHeaded(tokens, from, j, ofHead) && k - j > 2) return j;
  const last = tokens[k - 1].lower;
  // "Queen's University Belfast", "King's College London": the body's head word may come before its town.
  const owned =
    k > j + 1 && (endsOrgName(last) || endsOrgName(singular(last)) || COLLEGE_HEADS.has(tokens[j + 1].lower));
  return owned ? k : j;
}

/** Heads of the learned bodies that a town's name may follow: "University Belfast", "College London". */
const COLLEGE_HEADS = new Set(["university", "college"]);

/** A plural's "-s" dropped ("pilots", "associations"), for lexicons that list the singular; other words unchanged. */
function singular(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

/** At most this many particles stand together in a town's name. */
const MAX_PARTICLES = 2;

/**
 * The end of the run `[from, j)` carried over lower-case particles and one more capitalised word when the gazetteer
 * knows the longer name as a town; `j` when it does not.
 */
function gazetteerRun(tokens: Token[], from: number, j: number, to: number): number {
  let k = j;
  while (k < to && k - j < MAX_PARTICLES && TOWN_NAME_PARTICLES.has(tokens[k].text)) k++;
  if (k === j || k >= to || !isCapitalized(tokens[k])) return j;
  const name = tokens
    .slice(from, k + 1)
    .map((t) => t.text)
    .join(" ");
  return placeLookup().within(name).length > 0 ? k + 1 : j;
}

/**
 * "Philip V of Spain", "Marguerite of Enghien": a lone first name, or a name with a regnal number, takes "of" and the
 * place its bearer is named after.
 */
function regnal(tokens: Token[], from: number, k: number): boolean {
  return /^[IVX]+$/.test(tokens[k].text) || (k === from && isFirstName(tokens[k].lower));
}

/** Last words of firms' names that take no "of" complement of their own ("Ventures", "Capital", "Holdings"). */
const FIRM_DESIGNATORS = new Set(
  "ventures capital partners holdings labs technologies systems industries investments enterprises solutions".split(
    " ",
  ),
);

/** Whether the capitalised word at `k` is a town or state the place index knows. */
function isTownAt(tokens: Token[], k: number): boolean {
  const places = placeLookup();
  return places.within(tokens[k].text).length > 0 || places.countryCode(tokens[k].text) !== null;
}

/** Words that take "of" inside a name ("Bank of England", "Republic of Korea"); "George Russell of Mercedes" is two. */
function ofHead(word: string): boolean {
  return isOrgHead(word) || OF_HEADS.has(word) || isPolityHead(word);
}

/**
 * Nouns that an unknown lone word before them qualifies rather than names a body or place: "an Ebola outbreak", "the
 * Marburg virus", "several Olympic champions".
 */
const QUALIFIED_NOUNS = new Set([
  ...["outbreak", "outbreaks", "virus", "viruses", "disease", "fever", "epidemic", "pandemic", "strain", "variant"],
  ...["champion", "champions", "medal", "medals", "medallist", "medallists", "medalist", "medalists"],
]);

/** An acronym of two to five capitals: "KT", "BYD". */
const ACRONYM = /^\p{Lu}{2,5}$/u;

/** A common noun in lower case owning a body: "the university's School of Medicine". */
const LOWER_OWNER = /^\p{Ll}+$/u;

/** Whether a capitalised common noun at `i` heads a body's name with "of": "the Church of England", "the Church of the East". */
function ofBody(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const after = tokens[i + 2]?.lower === "the" ? tokens[i + 3] : tokens[i + 2];
  return (
    t.pos === "NOUN" &&
    isCapitalized(t) &&
    // "the School of Law", "the university's School of Medicine": an article, or a common noun's possessive, before it.
    (tokens[i - 1]?.lower === "the" ||
      (tokens[i - 1]?.lower === "'s" && LOWER_OWNER.test(tokens[i - 2]?.text ?? ""))) &&
    tokens[i + 1]?.lower === "of" &&
    !!after &&
    isCapitalized(after) &&
    ofHead(t.lower)
  );
}

const CAMEL = /^\p{Ll}{1,2}\p{Lu}\p{L}*$/u;

/** A brand written with a lower-case first letter: "iPhone", "eBay", "iOS". */
function isCamel(t: Token): boolean {
  return CAMEL.test(t.text);
}

/** Words already read by {@link isCapitalized}: the rules ask again about the same tokens as they scan a run. */
const capitalized = new Map<string, boolean>();
const MAX_CAPITALIZED = 50_000;

/** A name word: capitalised, and so is every hyphenated part ("Saint-Germain", not "NATO-style"). */
function isCapitalized(t: Token): boolean {
  let hit = capitalized.get(t.text);
  if (hit === undefined) {
    hit = isCapitalizedWord(t.text);
    if (capitalized.size >= MAX_CAPITALIZED) capitalized.clear();
    capitalized.set(t.text, hit);
  }
  return hit;
}

function isCapitalizedWord(text: string): boolean {
  // "Omar al-Khatib", "Bashar al-Assad": an Arabic article before a capitalised surname.
  if (ARABIC_ARTICLE.test(text)) return true;
  if (!startsUpper(text)) return false;
  const tail = /-(\p{Ll}+)$/u.exec(text);
  // "Russia-based" is an adjective; "Won-yong", "Kai-shek", "Dong-hyeok" are romanised given names, whose syllables
  // are short and not English words.
  if (!/-\p{Ll}/u.test(text)) return true;
  if (!tail || HYPHEN_SUFFIXES.has(tail[1]) || /-.*-/.test(text)) return false;
  return tail[1].length <= 4 || (tail[1].length <= MAX_SYLLABLE && !isVocabularyWord(tail[1]));
}

/** Most letters of a romanised syllable after a hyphen ("hyeok", "kyeong"). */
const MAX_SYLLABLE = 6;

/** A lower-case Arabic article glued to a capitalised name: "al-Khatib", "el-Sisi", "ash-Shaibani". */
const ARABIC_ARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an)-\p{Lu}\p{Ll}/u;

/** Lower-case words after a hyphen that make a capitalised word an adjective or a compound, not a name. */
const HYPHEN_SUFFIXES = new Set([
  ...["led", "born", "bred", "run", "made", "era", "like", "wide", "only", "free", "type", "in", "up", "off", "out"],
  ...["on", "old", "new", "day", "year", "side", "way", "less", "ish", "age", "area", "zone", "and", "to", "the"],
  ...["a", "an", "of", "cum", "east", "west", "north", "south", "bound", "held", "ruled", "owned", "based", "backed"],
  ...["war", "law", "time", "size", "long", "term", "goer", "ties", "ite", "ist", "ism", "ese", "ian"],
]);

function push(
  a: Analysis,
  out: Mention[],
  taken: Uint8Array,
  m: Omit<Mention, "start" | "end" | "surface" | "entity">,
  surface?: string,
) {
  for (let k = m.from; k < m.to; k++) if (taken[k]) return;
  for (let k = m.from; k < m.to; k++) taken[k] = 1;
  // Completed in place, not copied: every caller passes a fresh literal, and spreading objects of many shapes was slow.
  const mention = m as Mention;
  mention.start = a.tokens[m.from].start;
  mention.end = a.tokens[m.to - 1].end;
  mention.surface = surface ?? a.text.slice(mention.start, mention.end);
  mention.entity = -1;
  out.push(mention);
}

function addNumeric(a: Analysis, out: Mention[], taken: Uint8Array): void {
  for (const n of a.numeric) {
    const type = NUMERIC_TYPES[n.kind];
    // "Jan-Willem": wink-nlp reads the "Jan" of a hyphenated given name as a month.
    if (n.to - n.from === 1 && /^\p{Lu}\p{Ll}+-\p{Lu}/u.test(a.tokens[n.from].text)) continue;
    // "Nguyen Thi Thu Ha", "Sun Yat-sen": a short calendar word between capitalised words is part of a name.
    if (n.to - n.from === 1 && a.tokens[n.from].text.length <= 4 && insideName(a.tokens, n.from)) continue;
    // "the Alliance for the Republic (APR)": an acronym in brackets, not April.
    if (n.to - n.from === 1 && /^\p{Lu}{3}$/u.test(a.tokens[n.from].text) && a.tokens[n.from - 1]?.text === "(")
      continue;
    if (type) push(a, out, taken, { from: n.from, to: n.to, type });
  }
}
