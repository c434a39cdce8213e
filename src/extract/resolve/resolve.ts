/**
 * Entity resolution: joins mentions into entities — known names first, then surnames, acronyms and equal labels —
 * resolving capitals, seats and demonyms to their state when they act, and recording every merge.
 */
import type { EntityType } from "../../model/types.ts";
import { slug } from "../lexicon/gazetteer.ts";
import { normalizeName } from "../lexicon/normalize.ts";
import type { LexiconEntry } from "../lexicon/types.ts";
import type { Mention } from "../mentions/types.ts";
import type { Analysis } from "../nlp/types.ts";
import { isVocabularyWord } from "../nlp/analyse.ts";
import type { MergeRecord, MergeRule } from "../types.ts";
import { isCommonWord, isFirstName, isLeadingOrgWord, isOrgHead } from "../mentions/typing.ts";
import { isLocative, isPlaceUse } from "./capitals.ts";
import { learnedNameTyper, type UntypedNameTyper } from "../nameType/guess.ts";
import { placeLookup } from "../geo/places.ts";
import { startsLower, startsUpper } from "../nlp/letters.ts";

/** The weight of a mention typed by its context in the per-document type vote (see {@link voteTypes}). */
const STRONG_VOTE = 100;

/** An entity under construction. */
export interface Cluster {
  id: string;
  label: string;
  type: EntityType;
  entry?: LexiconEntry;
  mentions: Mention[];
  /** The state a demonym group belongs to ("Russian forces" -> Russia). */
  state?: LexiconEntry;
}

/** Resolution result: the entities and the merges that built them. */
export interface Resolution {
  clusters: Cluster[];
  merges: MergeRecord[];
}

/**
 * Resolves `mentions` (sets each mention's `entity`) into clusters. A name that nothing typed and that joins no other
 * gets its type from `typeUntyped` (the learned name-type model; training passes a recorder).
 */
export function resolveMentions(
  a: Analysis,
  mentions: Mention[],
  typeUntyped: UntypedNameTyper = learnedNameTyper(a, mentions),
): Resolution {
  const r = new Resolver();
  const pending: Mention[] = [];
  voteTypes(mentions);
  const designated = designatedNames(mentions);
  const acronyms = new Set(mentions.filter((m) => givenAcronym(a, m)).map((m) => m.surface));
  // "in Whitmore's last game ... Tane Whitmore": an unknown word read as a place by its preposition may be a surname.
  const surnames = new Set(
    mentions.filter((m) => m.type === "person" && !m.known).flatMap((m) => surnamesOf(m.surface).map(normalizeName)),
  );
  for (const m of mentions) {
    if (m.eponym) pending.push((m.inner = eponymMention(a, m)));
    // "Health New Zealand (Te Whatu Ora)", "... Prevention (Africa CDC)": a name of several words in brackets right
    // after a body's name is that body's other name, there and after.
    if (m.to - m.from > 1 && !m.known && r.bracketedName(a, m)) continue;
    const club = designated.get(normalizeName(m.surface));
    // "FC Porto ... Porto's president": a name the text also gives with a club's or firm's designator is that body,
    // unless it follows a locative preposition ("a flat in Porto").
    if (club && m.surface !== club.surface && !isLocative(a, m.from))
      r.add(
        `organization:${normalizeName(club.surface)}`,
        m,
        { label: club.surface, type: "organization" },
        "short-name",
      );
    else if (m.known) r.known(a, m);
    else if (m.state)
      r.add(`group:${normalizeName(m.surface)}`, m, { label: m.surface, type: "group", state: m.state });
    else if (
      m.type &&
      m.type !== "person" &&
      !(m.type === "organization" && m.to - m.from === 1) &&
      // "Serious Fraud Office (SFO) ... SFO investigators": an acronym a body's name gave stands for it, whatever the
      // gazetteer makes of its letters (an airport's code).
      !(m.to - m.from === 1 && acronyms.has(m.surface)) &&
      !(m.type === "location" && m.to - m.from === 1 && surnames.has(normalizeName(m.surface)))
    )
      r.add(`${m.type}:${normalizeName(m.surface)}`, m, { label: m.surface, type: m.type });
    else pending.push(m);
  }
  // Full names first, so that surnames (which may come earlier in the text, e.g. in a headline) can join them.
  // An acronym given in brackets after its body's name goes before its other uses, which may come earlier (a headline).
  const given = new Map(pending.map((m) => [m, +givenAcronym(a, m)]));
  pending.sort((x, y) => y.to - y.from - (x.to - x.from) || given.get(y)! - given.get(x)!);
  for (const m of pending) {
    // "Alpenländische Kreditbank (AKB) ... AKB Banka Ljubljana": an acronym the text gives for a body stands for
    // it before it is read as the first word of another.
    const acronym = acronyms.has(m.surface);
    if (r.tradeName(a, m)) continue;
    if (
      m.to - m.from === 1 &&
      ((acronym && r.acronym(m, a)) ||
        r.surname(m, a) ||
        r.shortName(m) ||
        (!acronym && r.acronym(m, a)) ||
        r.sameLabel(m) ||
        r.firstWord(m))
    )
      continue;
    if (m.to - m.from > 1 && m.type === "person" && r.surnameTail(m)) continue;
    if (m.weak) continue;
    const type = m.type ?? typeUntyped(m);
    r.add(`${type}:${normalizeName(m.surface)}`, m, { label: m.surface, type });
  }
  return r.finish();
}

/** A name typed a person only by its look: several words, no given name first, no mention typed by its context. */
function looksPersonal(c: Cluster): boolean {
  return (
    c.type === "person" &&
    !c.entry &&
    c.label.includes(" ") &&
    !isFirstName(c.label.split(" ")[0].toLowerCase()) &&
    c.mentions.every((m) => !m.strong)
  );
}

/** Bodies a state has one of, which a lone head word names apart from a longer name ("entered the Army"). */
const STATE_BODIES = new Set(["army", "navy", "parliament", "government", "police", "senate", "congress", "cabinet"]);

/** Last words of the names of parties and movements whose members the text may name instead ("Social Democrats"). */
const PARTY_HEADS = new Set(["party", "union", "alliance", "front", "movement", "league", "congress"]);

/**
 * Whether `plural` names the members of the party `name`: "Social Democrats" of "Social Democratic Party of Austria",
 * "Christian Democrats" of "Christian Democratic Union", "Greens" of "Green Party" (each word a start of the party's).
 */
function membersOf(plural: string, name: string): boolean {
  const members = normalizeName(plural).split(" ");
  const last = members[members.length - 1];
  if (!last.endsWith("s") || last.length < 4) return false;
  members[members.length - 1] = last.slice(0, -1);
  const words = normalizeName(name).split(" ");
  if (words.length <= members.length || !words.some((w) => PARTY_HEADS.has(w))) return false;
  return members.every((w, i) => words[i].startsWith(w) && !PARTY_HEADS.has(words[i]));
}

/** Words after a firm's name that name the whole group: "MTN Group", "Naspers Holdings". */
const GROUP_WORDS = new Set(["group", "holdings", "holding", "corporation", "corp", "inc", "plc", "company", "co"]);

/** Whether `name` ends with a word naming the whole group after at least one other word ("MTN Group"). */
function namesGroup(name: string): boolean {
  const words = normalizeName(name).split(" ");
  return words.length >= 2 && GROUP_WORDS.has(words[words.length - 1]);
}

/** Whether `name` is `short` and one word naming the whole group ("MTN Group" of "MTN"). */
function groupOf(short: string, name: string): boolean {
  const words = normalizeName(name).split(" ");
  return (
    words.length >= 2 &&
    GROUP_WORDS.has(words[words.length - 1]) &&
    words.slice(0, -1).join(" ") === normalizeName(short)
  );
}

/** Endings of demonyms: "Austrian", "Swedish", "Congolese", "Icelandic", "Czech". */
const DEMONYM_ENDING = /(?:an|ish|ese|ic|i|ch)$/;

/** Whether `short` is `name` without the demonym it opens with: "People's Party" of "Austrian People's Party". */
function withoutDemonym(short: string, name: string): boolean {
  const words = normalizeName(name).split(" ");
  const rest = normalizeName(short);
  return words.length > 2 && DEMONYM_ENDING.test(words[0]) && words.slice(1).join(" ") === rest;
}

/** Whether a mention stands alone in brackets: "(SEPTA)". */
function bracketed(a: Analysis, m: Mention): boolean {
  return a.tokens[m.from - 1]?.text === "(" && a.tokens[m.to]?.text === ")";
}

/** Verbs before "as" that give a body's other name: "trades as", "operating as", "known as". */
const TRADE_VERBS = new Set(["trades", "trading", "operates", "operating", "known", "branded"]);

/**
 * Where the name ends (exclusive token index) whose other name starts at `k`: ", which trades as", ", trading as",
 * ", also known as"; -1 when the words are not there.
 */
function tradedBefore(a: Analysis, k: number): number {
  const t = a.tokens;
  let j = k - 1;
  if (t[j]?.lower !== "as" || !TRADE_VERBS.has(t[j - 1]?.lower ?? "")) return -1;
  j -= 2;
  if (t[j]?.lower === "also") j--;
  if (t[j]?.lower === "is") j--;
  if (t[j]?.lower === "which" || t[j]?.lower === "that") j--;
  return t[j]?.text === "," ? j : -1;
}

/** Whether a mention is an acronym in brackets, given for the name before it: "(SEPTA)". */
function givenAcronym(a: Analysis, m: Mention): boolean {
  return bracketed(a, m) && ACRONYM.test(m.surface);
}

/** One word of up to 15 letters and "&", a hyphen between letters: what a body's name may give in brackets. */
const SHORT_NAME = /^\p{Lu}(?:[\p{L}&]|-(?=\p{Lu})){1,14}$/u;

/** Capitals, digits and "&", a hyphen between letters ("N-VA"). */
const ACRONYM = /^\p{Lu}(?:[\p{Lu}\p{N}&]|-(?=\p{Lu}))+$/u;

/** Lower-case particles after a surname: "Lula da Silva". */
const SURNAME_PARTICLES = new Set(["da", "de", "dos", "das", "do"]);

/**
 * The words of a person's name of several words that can stand alone for them: the last, one before a particle
 * ("Lula" of "Luiz Inácio Lula da Silva"), and the first of two surnames ("Echeverry" of "Valentina Echeverry Sosa":
 * the middle word of three, when it is no given name). None for a one-word name.
 */
function surnamesOf(name: string): string[] {
  const words = name.split(" ");
  return words.filter(
    (w, i) =>
      i > 0 &&
      (i === words.length - 1 ||
        SURNAME_PARTICLES.has(words[i + 1]) ||
        (words.length === 3 && i === 1 && w.length > 2 && !w.endsWith(".") && !isFirstName(w.toLowerCase()))),
  );
}

/** Words that mark a name as a club's or a firm's: "FC Porto", "Valencia CF", "Nokia Oyj", "Siemens AG". */
const DESIGNATORS = new Set([
  ...["fc", "cf", "afc", "sc", "ac", "fk", "sk", "ff", "bk", "cd", "inc", "inc.", "corp", "corp.", "ltd", "ltd."],
  ...["plc", "llc", "gmbh", "ag", "sa", "nv", "bv", "spa", "oy", "oyj", "ab", "asa"],
]);

/** Whether `label` is a town's name and one more word ("Charlotte Hornets", "New York Knicks"). */
function opensWithTown(label: string): boolean {
  const words = label.split(" ");
  return words.length >= 2 && placeLookup().within(words.slice(0, -1).join(" ")).length > 0;
}

/** Last words of football clubs' names that the town's name alone stands for: "Newcastle United" is "Newcastle". */
const CLUB_SUFFIXES = new Set(["united", "rovers", "wanderers", "athletic", "albion", "hotspur", "town"]);

/** The organisations named with a designator, by the normalised name without it ("porto" -> the "FC Porto" mention). */
function designatedNames(mentions: Mention[]): Map<string, Mention> {
  const out = new Map<string, Mention>();
  for (const m of mentions) {
    if (m.type !== "organization") continue;
    const words = m.surface.split(/\s+/);
    if (words.length < 2) continue;
    const last = words[words.length - 1].toLowerCase();
    const rest = DESIGNATORS.has(words[0].toLowerCase())
      ? words.slice(1)
      : DESIGNATORS.has(last) || CLUB_SUFFIXES.has(last)
        ? words.slice(0, -1)
        : null;
    if (rest && !out.has(normalizeName(rest.join(" ")))) out.set(normalizeName(rest.join(" ")), m);
  }
  return out;
}

class Resolver {
  readonly clusters: Cluster[] = [];
  private byKey = new Map<string, Cluster>();
  readonly merges: MergeRecord[] = [];

  add(key: string, m: Mention, init: Omit<Cluster, "id" | "mentions">, rule?: MergeRule): Cluster {
    let c = this.byKey.get(key);
    if (!c) {
      c = { id: "", mentions: [], ...init };
      this.byKey.set(key, c);
      this.clusters.push(c);
    }
    this.attach(c, m, rule);
    return c;
  }

  attach(c: Cluster, m: Mention, rule?: MergeRule): void {
    c.mentions.push(m);
    if (rule) this.merges.push({ entity: c.label, surface: m.surface, start: m.start, end: m.end, rule });
  }

  /** A known name: capitals that do not act stay places; seats, demonyms and acting capitals become the state. */
  known(a: Analysis, m: Mention): void {
    const { kind, entry } = m.known!;
    const possessive = a.tokens[m.to]?.pos === "PART";
    // A city-state's capital bears its name ("Singapore", "Monaco"): the name is the state's.
    const cityState = normalizeName(m.surface) === normalizeName(entry.label);
    if (kind === "capital" && !cityState && ((isLocative(a, m.from) && !possessive) || isPlaceUse(a, m))) {
      this.add(`location:${normalizeName(m.surface)}`, m, { label: m.surface, type: "location" });
      return;
    }
    const rule: MergeRule | undefined =
      kind === "capital" || kind === "seat"
        ? "metonymy"
        : kind.startsWith("demonym")
          ? "demonym"
          : normalizeName(m.surface) !== normalizeName(entry.label)
            ? "alias"
            : undefined;
    this.add(`known:${entry.origin}:${entry.id}`, m, { label: entry.label, type: entry.type, entry }, rule);
  }

  /**
   * "Podolyak" joins the one person of the document whose name ends with it. Of two or more, it joins the only one
   * named before it ("Parvesh Verma ... Verma, 47, is the son of Sahib Singh Verma"), unless a noun introduces it as
   * someone new ("the screenwriter Sreenivasan").
   */
  surname(m: Mention, a: Analysis): boolean {
    const word = normalizeName(m.surface);
    const people = this.clusters.filter(
      (c) => c.type === "person" && surnamesOf(c.label).some((w) => normalizeName(w) === word),
    );
    const person = people.length === 1 ? people[0] : onlyNamedBefore(people, m, a);
    if (!person || normalizeName(person.label) === word) return false;
    // "Gedeon Richter ... Richter, Hungary's largest drugmaker": a last word that its context makes a firm's makes the
    // name, which nothing but its look typed a person, that firm's; unless a firm's name holds the word ("Henry Ford
    // ... Ford Motor Company ... Ford, the carmaker").
    const firmInContext =
      m.type === "organization" && m.strong && !person.entry && !person.mentions.some((x) => x.strong);
    const firmHolds = (c: Cluster) => c.type === "organization" && normalizeName(c.label).split(" ").includes(word);
    if (firmInContext && !this.clusters.some(firmHolds)) person.type = "organization";
    this.attach(person, m, "surname");
    return true;
  }

  /**
   * "Roslan" of "Roslan Jaafar", "Yoon" of "Yoon Seo-yeon": a name many cultures use alone (a given name, or a family
   * name written first) joins the one person whose name opens with it, when nothing else typed it and it is no given
   * name of English texts.
   */
  firstWord(m: Mention): boolean {
    // A given name English texts know ("William", "Annie") may be another person's of the family.
    if ((m.type !== null && m.type !== "person") || isFirstName(m.surface.toLowerCase())) return false;
    const word = normalizeName(m.surface);
    const people = this.clusters.filter((c) => {
      const words = c.label.split(" ");
      // Two or three words, the others a name's ("Purbaya Yudhi Sadewa"; "Sonic Team", "Avenue SW" are no one's names).
      const named =
        (words.length === 2 || words.length === 3) &&
        words.slice(1).every((w) => !isCommonWord(w.toLowerCase()) && !/^\p{Lu}+$/u.test(w));
      return c.type === "person" && named && normalizeName(words[0]) === word;
    });
    if (people.length !== 1) return false;
    this.attach(people[0], m, "surname");
    return true;
  }

  /** "Van Rensburg" joins the one person whose longer name ends with it ("Pieter van Rensburg"). */
  surnameTail(m: Mention): boolean {
    const tail = ` ${normalizeName(m.surface)}`;
    const people = this.clusters.filter((c) => c.type === "person" && normalizeName(c.label).endsWith(tail));
    if (people.length !== 1) return false;
    this.attach(people[0], m, "surname");
    return true;
  }

  /**
   * "Activision" joins the one organisation of the document whose name starts with it ("Activision Blizzard"), and a
   * body's head word the one whose name ends with it ("Commission" of "European Commission").
   */
  shortName(m: Mention): boolean {
    const word = normalizeName(m.surface);
    // "the Knicks, who drafted him": a team's plural name, which "who" made a person, is still the team's.
    const plural = /\p{Ll}s$/u.test(m.surface);
    if (m.type !== "organization" && m.type !== null && !(m.type === "person" && plural)) return false;
    // "Kestrel" of "Kestrel Microsystems"; "a Commission spokeswoman" of "the European Commission": a body's head word
    // that ends one body's name.
    const head = isOrgHead(word) && !STATE_BODIES.has(word);
    const orgs = this.clusters.filter((c) => {
      if (c.type !== "organization" || !c.label.includes(" ")) return false;
      const words = normalizeName(c.label).split(" ");
      // "Knicks" of "New York Knicks", "Hornets" of "Charlotte Hornets": a plural after a town's name names the team.
      const team = plural && words[words.length - 1] === word && opensWithTown(c.label);
      if (m.type === "person") return team;
      // "Socialist deputy X" of "the Party of Socialists": a party's adjective, its members' noun in the name.
      const party = words.includes("party") && words.includes(`${word}s`);
      return words[0] === word || team || party || (head && words[words.length - 1] === word);
    });
    // "the Democratic Republic of Congo ... Congo's 16th outbreak": the last word of a state's name "of" something,
    // which the gazetteer finds ambiguous, is that state.
    if (orgs.length === 0) {
      const states = this.clusters.filter(
        (c) =>
          c.type === "country" &&
          c.mentions.some((x) => / of (?:the )?(\S+)$/.exec(normalizeName(x.surface))?.[1] === word),
      );
      if (states.length === 1) {
        this.attach(states[0], m, "short-name");
        return true;
      }
    }
    // "Halcyon Wireless ... Halcyon, which is owned by": a name typed a person only by its look is the body that its
    // first word, typed by its context, names.
    if (orgs.length === 0 && m.type === "organization") {
      const looks = this.clusters.filter((c) => looksPersonal(c) && normalizeName(c.label).split(" ")[0] === word);
      if (looks.length !== 1) return false;
      looks[0].type = "organization";
      orgs.push(looks[0]);
    }
    if (orgs.length !== 1) return false;
    this.attach(orgs[0], m, "short-name");
    return true;
  }

  /**
   * "CMA" joins "Competition and Markets Authority" when its letters are the initials of the name's words, and an
   * acronym in brackets right after an organisation's name joins it whatever its letters ("... and Health (BAuA)"), and
   * so does every later use of that acronym.
   */
  acronym(m: Mention, a: Analysis): boolean {
    // "New Flemish Alliance (N-VA)": a hyphen may stand between the letters; "African Export-Import Bank
    // (Afreximbank)": a short name in one word is given the same way.
    if (SHORT_NAME.test(m.surface)) {
      const named = bracketed(a, m);
      const org = named
        ? this.clusters.find((c) => c.type === "organization" && c.mentions.some((x) => x.to === m.from - 1))
        : undefined;
      // "... of Singapore (MPA) said ... The MPA said": the acronym once given stands for the body again.
      const given = this.merges.find((r) => r.rule === "acronym" && r.surface === m.surface);
      const again = org ?? (given ? this.clusters.find((c) => c.label === given.entity) : undefined);
      if (again) {
        this.attach(again, m, "acronym");
        return true;
      }
    }
    if (!/^[A-Z]{2,6}$/.test(m.surface)) return false;
    const orgs = this.clusters.filter((c) => c.type === "organization" && initials(c.label) === m.surface);
    if (orgs.length !== 1) return false;
    this.attach(orgs[0], m, "acronym");
    return true;
  }

  /**
   * Whether `m` joined an organisation as the other name given in brackets right after its name, or as a later use
   * of a name so given.
   */
  bracketedName(a: Analysis, m: Mention): boolean {
    return this.otherName(m, bracketed(a, m) ? m.from - 1 : -1);
  }

  /**
   * "Wana Corporate, which trades as Inwi", "X, also known as Y": a body's other name joins it, there and after.
   */
  tradeName(a: Analysis, m: Mention): boolean {
    return this.otherName(m, tradedBefore(a, m.from));
  }

  /**
   * Joins `m` to the organisation whose name ends at token `end` (-1: none), or to the one an earlier use of the same
   * other name joined.
   */
  private otherName(m: Mention, end: number): boolean {
    const given = this.merges.find((r) => r.rule === "alias" && r.surface === m.surface);
    const org = given
      ? this.clusters.find((c) => c.label === given.entity)
      : end >= 0
        ? this.clusters.find((c) => c.type === "organization" && c.mentions.some((x) => x.to === end))
        : undefined;
    if (!org) return false;
    this.attach(org, m, "alias");
    return true;
  }

  /** A lone word with nothing to type it joins an entity of the same name, whatever its type. */
  sameLabel(m: Mention): boolean {
    if (m.type) return false;
    const word = normalizeName(m.surface);
    const c = this.clusters.find((x) => x.mentions.some((y) => normalizeName(y.surface) === word));
    if (!c) return false;
    this.attach(c, m, "same-label");
    return true;
  }

  /**
   * "Red Bull" joins "Red Bull Racing": an organisation, or a name typed a person only by its look, named by the first
   * words of exactly one longer organisation.
   */
  joinPrefixes(): void {
    const orgs = this.clusters.filter((c) => c.type === "organization" && !c.entry);
    // "Ashford Mercantile" (a headline's short form, typed a person for want of cues) joins "Ashford Mercantile Bank".
    for (const short of [...orgs, ...this.clusters.filter(looksPersonal)]) {
      // "MTN Group ... MTN Group Fintech": a name a group's designator ends names the whole group, not its unit.
      if (namesGroup(short.label)) continue;
      const words = normalizeName(short.label) + " ";
      // "Rubin Observatory" of "Vera C. Rubin Observatory": the last words of a body named after someone, when the
      // first of them is a name's ("National Party" may be another party's).
      const tail = short.type === "organization" && ownTail(short.label) ? ` ${normalizeName(short.label)}` : null;
      const longer = orgs.filter(
        (c) =>
          c !== short &&
          c.mentions.length > 0 &&
          (normalizeName(c.label).startsWith(words) ||
            (tail !== null && normalizeName(c.label).endsWith(tail) && !JOINING_WORDS.test(c.label)) ||
            membersOf(short.label, c.label) ||
            withoutDemonym(short.label, c.label) ||
            (short.type === "organization" && withoutLeadingWord(short.label, c.label))),
      );
      // "MTN ... MTN Group ... MTN Nigeria": among several, the firm's name with a group's designator is the firm.
      const group = longer.length > 1 ? longer.filter((c) => groupOf(short.label, c.label)) : longer;
      if (group.length !== 1 || short.mentions.length === 0) continue;
      for (const m of short.mentions) this.attach(group[0], m, "short-name");
      short.mentions = [];
    }
    this.clusters.splice(0, this.clusters.length, ...this.clusters.filter((c) => c.mentions.length > 0));
  }

  finish(): Resolution {
    this.joinPrefixes();
    const used = new Set<string>();
    this.clusters.forEach((c, index) => {
      if (c.type === "person" && !c.entry) c.label = longest(c);
      c.id = uniqueId(c.entry?.id ?? slug(c.label), c.type, used);
      for (const m of c.mentions) m.entity = index;
      for (const merge of this.merges) if (c.mentions.some((m) => m.start === merge.start)) merge.entity = c.id;
    });
    return { clusters: this.clusters, merges: this.merges };
  }
}

/**
 * Of several people sharing a surname, the only one named before the mention `m`; null when none or several are, or
 * when a common noun introduces `m` as someone new ("the screenwriter Sreenivasan").
 */
function onlyNamedBefore(people: Cluster[], m: Mention, a: Analysis): Cluster | null {
  const prev = a.tokens[m.from - 1];
  if (prev?.pos === "NOUN" && startsLower(prev.text)) return null;
  const before = people.filter((c) => c.mentions.some((x) => x.start < m.start));
  return before.length === 1 ? before[0] : null;
}

/** Whether `short` is `name` without the word that opens it as a body's: "Mazowsze" of "Bank Mazowsze". */
function withoutLeadingWord(short: string, name: string): boolean {
  const space = name.indexOf(" ");
  return space > 0 && isLeadingOrgWord(name.slice(0, space).toLowerCase()) && name.slice(space + 1) === short;
}

/** Words that join two names into one, after which a body's last words may be another's ("Friends of the Prado Museum"). */
const JOINING_WORDS = / (?:and|of|for|&) /;

/** Whether a body's name of two or more words opens with a word no dictionary has ("Rubin Observatory"). */
function ownTail(label: string): boolean {
  const words = label.split(" ");
  const first = words[0].toLowerCase();
  return words.length >= 2 && !isCommonWord(first) && !isVocabularyWord(first) && /^\p{Lu}\p{Ll}/u.test(words[0]);
}

/** The person an organisation is named after, as a mention of its own (nested in the organisation's). */
function eponymMention(a: Analysis, m: Mention): Mention {
  const e = m.eponym!;
  return {
    from: e.from,
    to: e.to,
    start: e.start,
    end: e.end,
    surface: a.text.slice(e.start, e.end),
    type: "person",
    entity: -1,
    nested: true,
  };
}

/**
 * One unknown name is one thing within a document: its mentions take the type most of them got (the first one's on a
 * tie), so "in Las Vegas" and "the Las Vegas race" do not make a place and a company. A type the context gave
 * ("shares of X", "X, 54,") outvotes any number of types guessed from the name's look.
 */
function voteTypes(mentions: Mention[]): void {
  const votes = new Map<string, Map<EntityType, number>>();
  for (const m of mentions) {
    if (m.known || m.state || !m.type || m.eponym) continue;
    const key = normalizeName(m.surface);
    const tally = votes.get(key) ?? new Map<EntityType, number>();
    tally.set(m.type, (tally.get(m.type) ?? 0) + (m.strong ? STRONG_VOTE : 1));
    votes.set(key, tally);
  }
  for (const m of mentions) {
    if (m.known || m.state || !m.type || m.eponym) continue;
    m.type = firstBest(votes.get(normalizeName(m.surface))!);
  }
}

/** The type with most votes; Map order is first-seen order, so ties go to the first mention's type. */
function firstBest(tally: Map<EntityType, number>): EntityType {
  let best: EntityType | null = null;
  for (const [type, n] of tally) if (best === null || n > tally.get(best)!) best = type;
  return best!;
}

function longest(c: Cluster): string {
  return c.mentions.reduce((best, m) => (m.to - m.from > best.to - best.from ? m : best)).surface;
}

function initials(label: string): string {
  return label
    .split(/\s+/)
    .filter(startsUpper)
    .map((w) => w[0])
    .join("");
}

function uniqueId(base: string, type: string, used: Set<string>): string {
  let id = used.has(base) ? `${base}-${type}` : base;
  for (let n = 2; used.has(id); n++) id = `${base}-${type}-${n}`;
  used.add(id);
  return id;
}
