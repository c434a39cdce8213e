/**
 * Nominal relations: possessives and modifiers between names ("the Examiner's Beltway Confidential blog",
 * "Britain's Competition and Markets Authority", "US Commerce Department") and places in places: "the Santiago
 * Bernabéu stadium in Madrid", "Sacramento, California, in the United States", "the U.S. state of Oregon".
 */
import { liesOutside } from "../geo/places.ts";
import { isArticle } from "../mentions/cues.ts";
import { matchName } from "../mentions/phrases.ts";
import type { Sentence } from "../nlp/types.ts";
import { DEMONYM_PREDICATES } from "./copula.ts";
import { isOrganizationNoun, possessedBodyNamed, referentAt } from "./coref.ts";
import { describedAt, nextPlace, placePredicates } from "./places.ts";
import { demonymAt, stateEntity } from "./states.ts";
import { isLowerWord, isPossessive, mentionEnding, mentionStarting, type Candidate, type View } from "./view.ts";
import { startsLower } from "../nlp/letters.ts";

/** Tunables of nominal rules. */
export interface NominalOptions {
  /** Confidence of "X, Y" and "X in Y" for the first place of a chain. */
  locative: number;
  /** Factor per further hop of a chain ("Sacramento, California, United States": Sacramento in the United States). */
  hop: number;
  /** Most places in one chain. */
  maxChain: number;
}

/** Defaults. */
export const DEFAULT_NOMINAL_OPTIONS: NominalOptions = { locative: 0.65, hop: 0.9, maxChain: 4 };

const PART_OWNERS = new Set(["organization", "country"]);
/** Last words of the names of a state's own bodies: "Britain's Competition and Markets Authority" is part of it. */
const STATE_BODY_HEADS = new Set([
  ...["ministry", "department", "army", "navy", "police", "parliament", "government", "senate", "congress", "cabinet"],
  ...["treasury", "agency", "commission", "authority", "court", "council", "office", "service", "forces", "force"],
  ...["assembly", "administration", "inspectorate", "regulator", "guard", "bureau", "directorate", "secretariat"],
]);

/** Whether a name is that of a state's body ("... Ministry", "... Authority of X"), by the head word of its name. */
function isStateBody(label: string): boolean {
  const words = label.toLowerCase().split(/\s+/);
  const of = words.indexOf("of");
  return STATE_BODY_HEADS.has(of > 0 ? words[of - 1] : words[words.length - 1]);
}
const PLACE_OWNERS = new Set(["country", "location"]);
const PLACED = new Set(["location", "organization", "event"]);

/** Possessive and locative relations of one sentence. */
export function nominalRelations(v: View, s: Sentence, options: Partial<NominalOptions> = {}): Candidate[] {
  const o = { ...DEFAULT_NOMINAL_OPTIONS, ...options };
  const out: Candidate[] = [];
  for (let k = s.from; k < s.to; k++) {
    describedPlace(v, s, k, o, out);
    basedIn(v, s, k, out);
    nominalTransfer(v, s, k, out);
    placeModifiedBody(v, s, k, out);
    firmFrom(v, s, k, out);
    const m = mentionStarting(v, k);
    if (!m) continue;
    possessive(v, m.entity, m.from, m.to, out);
    statePossessedBody(v, s, m.entity, m.from, m.to, out);
    if (v.clusters[m.entity].type === "organization") {
      stateApposition(v, s, m.entity, m.from, m.to, out);
      ownSeat(v, m.entity, m.from, m.to, out);
    }
    if (v.clusters[m.entity].type === "person") personOf(v, s, m.entity, m.to, out);
    else if (m.to - m.from > 1) demonymInName(v, m.entity, m.from, m.to, out);
    if (PLACED.has(v.clusters[m.entity].type)) chain(v, s, m.entity, m.from, m.to, o, out);
  }
  return out;
}

/** "Britain's Competition and Markets Authority" (part of), "Kyiv's Maidan square" (located in). */
function possessive(v: View, owner: number, from: number, to: number, out: Candidate[]): void {
  const o = v.clusters[owner];
  let j = to;
  const marked = isPossessive(v, j);
  if (marked) j++;
  const owned = mentionStarting(v, j);
  if (!owned || !(marked || (o.type === "country" && !o.state))) return;
  const type = v.clusters[owned.entity].type;
  const base = { source: owned.entity, target: owner, rule: "possessive", confidence: 0.7, from, to: owned.to };
  // "South Africa's Standard Bank" is a firm in the country; "Britain's Competition Authority" a body of its state.
  if (type === "organization" && o.type === "country" && !isStateBody(v.clusters[owned.entity].label))
    out.push({ ...base, predicates: ["in_country"] });
  else if (type === "organization" && PART_OWNERS.has(o.type)) out.push({ ...base, predicates: ["part_of"] });
  if (type === "location" && PLACE_OWNERS.has(o.type)) out.push({ ...base, predicates: ["in_country", "located_in"] });
  // "Labour's Marcus Adebayo", "the CDU's Tobias Reinhardt": a person named as an organisation's is affiliated with it;
  // so is a person with the organisation named as theirs ("Giorgia Meloni's Brothers of Italy").
  if (type === "person" && marked && o.type === "organization")
    out.push({ ...base, predicates: ["affiliated_with"], confidence: 0.6 });
  // "Bahrain's Salwa Eid Naser": a person named as a state's is its citizen.
  if (type === "person" && marked && o.type === "country")
    out.push({ ...base, predicates: ["citizen_of"], confidence: 0.6 });
  if (type === "organization" && marked && o.type === "person")
    out.push({ ...base, source: owner, target: owned.entity, predicates: ["affiliated_with"], confidence: 0.6 });
}

/** "Slovenia's central bank, Banka Slovenije": the body a state's possessed noun phrase names is in that state. */
function statePossessedBody(v: View, s: Sentence, state: number, from: number, to: number, out: Candidate[]): void {
  if (v.clusters[state].type !== "country" || !isPossessive(v, to)) return;
  const body = possessedBodyNamed(v, s, to + 1);
  if (!body || isStateBody(v.clusters[body.entity].label)) return;
  out.push({
    source: body.entity,
    target: state,
    predicates: ["in_country"],
    rule: "possessive",
    confidence: 0.7,
    from,
    to: body.to,
  });
}

/**
 * "the Royal Canadian Air Force", "the Chinese Basketball Association": a name built on a demonym is in that
 * country, when the text names the country elsewhere (the name alone does not make the country an entity).
 */
function demonymInName(v: View, named: number, from: number, to: number, out: Candidate[]): void {
  const type = v.clusters[named].type;
  // "Russian forces" is affiliated with Russia (extract.ts), not in it; a person's name holds no state.
  if (type === "group" || type === "person") return;
  const predicate = DEMONYM_PREDICATES[type];
  if (!predicate || isPolityName(v, from, to)) return;
  for (let k = from; k < to; k++) {
    // "New Mexico", "Latin America": a word before a country's name inside a name makes another place of it.
    if (k > from && OTHER_PLACE_WORDS.has(v.tokens[k - 1].lower)) continue;
    const state = demonymAt(v, k, true) ?? countryAt(v, k, to);
    const target = state ? v.clusters.findIndex((c) => c.entry === state) : -1;
    if (target < 0 || target === named) continue;
    out.push({ source: named, target, predicates: [predicate], rule: "demonym-name", confidence: 0.6, from, to });
  }
}

/** Words that make a country's name after them another place's: "New Mexico", "Latin America", "North America". */
const OTHER_PLACE_WORDS = new Set(["new", "latin", "central", "north", "south", "east", "west"]);

/**
 * Last words of a polity's name: "the Russian Empire" is a state of its own, not a place in Russia. Fewer than
 * typing's polity heads: a republic or a commonwealth may lie in the state ("the Ukrainian Soviet Socialist Republic",
 * part of the Soviet Union).
 */
const POLITY_HEADS = new Set(["empire", "dynasty", "caliphate", "sultanate", "khanate"]);

/** First words of an era's polity: "Nazi Germany", "Ancient Egypt" are states of their own. */
const ERA_WORDS = new Set(["ancient", "medieval", "nazi", "imperial", "colonial"]);

/** Whether the name from `from` to `to` names a polity of its own after a state ("the British Empire"). */
function isPolityName(v: View, from: number, to: number): boolean {
  return POLITY_HEADS.has(v.tokens[to - 1].lower) || ERA_WORDS.has(v.tokens[from].lower);
}

/** A country's own name inside a longer name ("Communist Party of China"), or null. */
function countryAt(v: View, k: number, to: number) {
  const name = matchName(v.ctx.names, v.tokens, k, to);
  return name && name.name.kind === "name" && name.name.entry.type === "country" ? name.name.entry : null;
}

const BASED = /^(.+)-(based|born)$/i;
const BETWEEN_BASED_AND_NAME = new Set(["ADJ", "NOUN"]);

/** Nouns of a body's seat: "the bank's headquarters in Gdynia". */
const SEAT_NOUNS = new Set(["headquarters", "seat", "base"]);

/** "Pomorski's headquarters in Gdynia", "the firm's head office in Warsaw": the body's seat is in the place. */
function ownSeat(v: View, body: number, from: number, to: number, out: Candidate[]): void {
  if (!isPossessive(v, to)) return;
  let k = to + 1;
  if (v.tokens[k]?.lower === "head" && v.tokens[k + 1]?.lower === "office") k++;
  else if (!SEAT_NOUNS.has(v.tokens[k]?.lower ?? "")) return;
  if (v.tokens[k + 1]?.lower !== "in") return;
  const place = mentionStarting(v, k + 2);
  if (!place || !PLACE_OWNERS.has(v.clusters[place.entity].type)) return;
  out.push({
    source: body,
    target: place.entity,
    predicates: ["headquartered_in"],
    rule: "possessive-seat",
    confidence: 0.7,
    from,
    to: place.to,
  });
}

/** Nouns of a transfer, whose "of" names what changed hands and whose "to" or "from" the other party. */
const TRANSFER_NOUNS = new Set(["sale", "transfer", "signing", "purchase", "loan"]);
/** Most lower-case words between "of" and the name transferred ("the striker"). */
const MAX_TRANSFERRED_MODIFIERS = 3;

/**
 * "the sale of the striker Ruben Castelo to Atlético Madrid", "the signing of X from Y": what changed hands and the
 * party after its "to" or "from", as an open relation labelled with the noun and the preposition.
 */
function nominalTransfer(v: View, s: Sentence, k: number, out: Candidate[]): void {
  if (!TRANSFER_NOUNS.has(v.tokens[k].lower) || v.tokens[k + 1]?.lower !== "of") return;
  let n = v.tokens[k + 2]?.lower === "the" ? k + 3 : k + 2;
  const first = n;
  while (n < s.to && n < first + MAX_TRANSFERRED_MODIFIERS && isLowerWord(v, n)) n++;
  const moved = mentionStarting(v, n);
  const prep = moved ? v.tokens[moved.to]?.lower : undefined;
  if (!moved || (prep !== "to" && prep !== "from")) return;
  const at = v.tokens[moved.to + 1]?.lower === "the" ? moved.to + 2 : moved.to + 1;
  const party = mentionStarting(v, at);
  if (!party || party.entity === moved.entity) return;
  out.push({
    source: moved.entity,
    target: party.entity,
    predicates: [],
    rule: "nominal-transfer",
    confidence: 0.7,
    from: k,
    to: party.to,
    label: `${v.tokens[k].lower} ${prep}`,
  });
}

/** "the London-based lender Revolut": the firm named after the adjective has its headquarters in the place. */
function basedIn(v: View, s: Sentence, k: number, out: Candidate[]): void {
  const match = BASED.exec(v.tokens[k].text);
  if (!match) return;
  // The name finder may already have read "London" out of "London-based".
  const named = v.mentionAt[k];
  const place = named
    ? PLACE_OWNERS.has(v.clusters[named.entity].type)
      ? named.entity
      : -1
    : placeNamed(v, match[1], k);
  if (place < 0) return;
  // "Lagos-born novelist X": a person born there (the predicate's domain leaves out whatever else follows).
  const born = match[2].toLowerCase() === "born";
  const based = (firm: number, from: number, to: number): Candidate => ({
    source: firm,
    target: place,
    predicates: [born ? "born_in" : "headquartered_in"],
    rule: born ? "born-hyphen" : "based-hyphen",
    confidence: 0.7,
    from,
    to,
  });
  for (let n = k + 1; n < s.to && n <= k + 4; n++) {
    const m = mentionStarting(v, n);
    // "the Houston-based LNG company Tellurian": a name that modifies a noun is not the firm.
    const modifier = m && v.tokens[m.to]?.pos === "NOUN" && startsLower(v.tokens[m.to].text);
    if (m && modifier) n = m.to - 1;
    else if (m) {
      out.push(based(m.entity, k, m.to));
      return;
    } else if (v.tokens[n].lower === "," && n > k + 1 && mentionStarting(v, n + 1)) {
      // "the Kathmandu-based central bank, Nepal Rastra Bank": the name the description is set beside.
      const named = mentionStarting(v, n + 1)!;
      out.push(based(named.entity, k, named.to));
      return;
    } else if (!BETWEEN_BASED_AND_NAME.has(v.tokens[n].pos)) break;
  }
  // "Hartwell & Rowe, the London-based engineering group": an apposition describing the name before it.
  let j = k - 1;
  if (v.tokens[j]?.pos === "DET") j--;
  const owner = v.tokens[j]?.lower === "," && j > s.from ? mentionEnding(v, j) : null;
  if (owner && owner.entity !== place) out.push(based(owner.entity, owner.from, k + 1));
}

/** Most names coordinated before what they share ("A, B and C of X"). */
const MAX_COORDINATED = 4;

/**
 * The token after the last of the names of `type` coordinated with the one ending at `to` ("A, B and C"), `to` when
 * none is; -1 when a coordinated name is of another type. A comma before "the" opens an apposition, not a list.
 */
function coordinatedEnd(v: View, to: number, type: string): number {
  let k = to;
  for (let hop = 0; hop < MAX_COORDINATED && (v.tokens[k]?.lower === "and" || v.tokens[k]?.lower === ","); hop++) {
    if (v.tokens[k].lower === "," && v.tokens[k + 1]?.lower === "the") break;
    const next = mentionStarting(v, k + 1);
    if (!next || v.clusters[next.entity].type !== type) return -1;
    k = next.to;
  }
  return k;
}

/** Most common words between a place and the noun of the body it describes ("the London investment bank X"). */
const MAX_PLACE_MODIFIED = 3;

/**
 * "the London investment bank Whitcombe & Dray", "the Istanbul club": a city's name before the kind of a body places
 * the body (named right after, or the one the description refers to) there; "house" is a firm's kind after a word
 * saying which ("the Milan fashion house Prada", not "the house").
 */
function placeModifiedBody(v: View, s: Sentence, k: number, out: Candidate[]): void {
  const place = mentionStarting(v, k);
  if (!place || v.clusters[place.entity].type !== "location" || v.tokens[k - 1]?.pos !== "DET") return;
  let n = place.to;
  while (n < s.to && n < place.to + MAX_PLACE_MODIFIED && isLowerWord(v, n)) n++;
  if (n === place.to) return;
  const named = mentionStarting(v, n);
  // "the Belfast rapper Kojaye Okafor": a person the place describes comes from it (no predicate says how).
  if (named && v.clusters[named.entity].type === "person" && v.tokens[n - 1].pos === "NOUN") {
    out.push({
      source: named.entity,
      target: place.entity,
      predicates: [],
      label: "from",
      rule: "place-modifier",
      confidence: 0.7,
      from: k - 1,
      to: named.to,
    });
    return;
  }
  if (!isOrganizationNoun(v.tokens[n - 1].lower) && !(v.tokens[n - 1].lower === "house" && n - 1 > place.to)) return;
  const body = named ? named.entity : (referentAt(v, k - 1)?.entity ?? -1);
  if (body < 0 || body === place.entity || v.clusters[body].type !== "organization") return;
  out.push({
    source: body,
    target: place.entity,
    predicates: ["headquartered_in"],
    rule: "place-modifier",
    confidence: 0.6,
    from: k - 1,
    to: named ? named.to : n,
  });
}

/** Most lower-case words of an apposition's description before "from" ("a Spanish engineering firm from"). */
const MAX_FIRM_DESCRIBED = 4;

/**
 * "Montoya & Hijos, an engineering firm from Medellín,": an apposition that calls the body before it a kind of body
 * from a city seats the body there.
 */
function firmFrom(v: View, s: Sentence, k: number, out: Candidate[]): void {
  if (v.tokens[k].lower !== "from" || !isOrganizationNoun(v.tokens[k - 1]?.lower ?? "")) return;
  const place = mentionStarting(v, k + 1);
  if (!place || v.clusters[place.entity].type !== "location") return;
  let j = k - 1;
  while (j > s.from && k - j <= MAX_FIRM_DESCRIBED && isLowerWord(v, j - 1)) j--;
  if (!isArticle(v.tokens[j - 1]?.lower ?? "") || v.tokens[j - 2]?.lower !== ",") return;
  const body = mentionEnding(v, j - 2);
  if (!body || v.clusters[body.entity].type !== "organization") return;
  out.push({
    source: body.entity,
    target: place.entity,
    predicates: ["headquartered_in"],
    rule: "firm-from",
    confidence: 0.6,
    from: body.from,
    to: place.to,
  });
}

/** The place or state the text names `name` ("London"), or the state the gazetteer knows by it, or -1. */
function placeNamed(v: View, name: string, k: number): number {
  const lower = name.toLowerCase();
  const found = v.clusters.findIndex(
    (c) =>
      PLACE_OWNERS.has(c.type) &&
      (c.label.toLowerCase() === lower || c.mentions.some((m) => m.surface.toLowerCase() === lower)),
  );
  if (found >= 0) return found;
  const known = v.ctx.names.get(lower)?.find((p) => p.tokens.length === 1 && p.name.entry.type === "country");
  return known ? stateEntity(v, known.name.entry, k) : -1;
}

/** Nouns that say where a party stands, read like adjectives before its name: "of the opposition X". */
const PARTY_STANDINGS = new Set(["opposition", "ruling", "governing"]);

/**
 * "Mary Wilson of the Supremes", "Dan Ives of Wedbush", "A and B of the restructuring firm X": a person of an
 * organisation is one of its members; a person of a state ("Marita Koch of East Germany") is its citizen.
 */
function personOf(v: View, s: Sentence, person: number, to: number, out: Candidate[]): void {
  // "Priya Natarajan and Owen Faulkner of X": the "of" after the last of coordinated people is each one's.
  const k = coordinatedEnd(v, to, "person");
  if (k < 0 || v.tokens[k]?.lower !== "of") return;
  let j = k + 1;
  if (v.tokens[j]?.lower === "the") {
    j++;
    // "of the Buenos Aires agency X": a place before the kind of body.
    const place = mentionStarting(v, j);
    const from = place && PLACE_OWNERS.has(v.clusters[place.entity].type) ? place.to : j;
    // "of the restructuring firm X": the kind of body before its name; "of the centrist X": adjectives before it.
    let n = from;
    while (n < s.to && n < from + MAX_PLACE_MODIFIED && isLowerWord(v, n)) n++;
    const adjectives =
      n > from && from === j && v.tokens.slice(j, n).every((t) => t.pos === "ADJ" || PARTY_STANDINGS.has(t.lower));
    if (n > from && (isOrganizationNoun(v.tokens[n - 1].lower) || adjectives)) j = n;
  }
  const org = mentionStarting(v, j);
  if (!org || j >= s.to) return;
  // "Marita Koch of East Germany", "McLaughlin-Levrone of the United States": a person of a state is its citizen.
  const state = v.clusters[org.entity].type === "country" && j <= k + 2;
  if (v.clusters[org.entity].type !== "organization" && !state) return;
  out.push({
    source: person,
    target: org.entity,
    predicates: state ? ["citizen_of"] : ["member_of"],
    rule: "person-of",
    confidence: 0.6,
    from: v.mentionAt[to - 1]!.from,
    to: org.to,
  });
}

/** Most words between "the country's" and the firm noun it owns ("the country's two largest mobile operators"). */
const MAX_STATE_MODIFIERS = 4;

/**
 * "Telstra and Optus, the country's two largest operators,": bodies set beside a firm noun the state the text is about
 * owns are in that state.
 */
function stateApposition(v: View, s: Sentence, body: number, from: number, to: number, out: Candidate[]): void {
  const t = v.tokens;
  // "Telstra and Optus, ...": the apposition after the last of coordinated bodies is each one's.
  const j = coordinatedEnd(v, to, "organization");
  if (j < 0 || t[j]?.lower !== "," || t[j + 1]?.lower !== "the" || !isPossessive(v, j + 3)) return;
  const state = referentAt(v, j + 1);
  if (!state || state.to !== j + 3 || v.clusters[state.entity].type !== "country") return;
  for (let n = j + 4; n < s.to && n <= j + 4 + MAX_STATE_MODIFIERS && !v.mentionAt[n]; n++) {
    if (!isOrganizationNoun(t[n].lower) && !isOrganizationNoun(t[n].lemma.toLowerCase())) continue;
    out.push({
      source: body,
      target: state.entity,
      predicates: ["in_country"],
      rule: "state-apposition",
      confidence: 0.7,
      from,
      to: n + 1,
    });
    return;
  }
}

/**
 * "X, Y[, Z]" (not in a list), "X [stadium] in Y", "X in the state of Y": X lies in every place of the chain, and
 * each place in the ones after it (those relations are read when the chain is walked from that place).
 */
function chain(v: View, s: Sentence, placed: number, from: number, to: number, o: NominalOptions, out: Candidate[]) {
  const listBefore = v.tokens[from - 1]?.lower === "," || v.tokens[from - 1]?.lower === "and";
  let j = to;
  let factor = 1;
  for (let hop = 0; hop < o.maxChain; hop++) {
    const next = nextPlace(v, s, j, hop === 0 && listBefore);
    if (!next || next.entity === placed) return;
    // A place the gazetteer puts elsewhere ends the chain: the commas were a list ("Buchach, Chernivtsi, Drohobych").
    if (v.clusters[placed].type === "location" && liesOutside(v.clusters[placed].label, v.clusters[next.entity].label))
      return;
    out.push({
      source: placed,
      target: next.entity,
      predicates: placePredicates(v, placed, next.entity),
      rule: "locative",
      confidence: o.locative * factor,
      from,
      to: next.to,
    });
    factor *= o.hop;
    j = next.to;
  }
}

/** "the U.S. state of Oregon" / "the Canadian province of Alberta": Oregon is in the state named before it. */
function describedPlace(v: View, s: Sentence, k: number, o: NominalOptions, out: Candidate[]): void {
  const owner = mentionStarting(v, k);
  const state = owner ? null : demonymAt(v, k);
  if (!owner && !state) return;
  const d = describedAt(v, s, k);
  if (!d) return;
  const target = owner ? owner.entity : stateEntity(v, state!, k);
  if (!PLACE_OWNERS.has(v.clusters[target].type) || target === d.entity) return;
  out.push({
    source: d.entity,
    target,
    predicates: placePredicates(v, d.entity, target),
    rule: "described-place",
    confidence: o.locative,
    from: k,
    to: d.to,
  });
}
