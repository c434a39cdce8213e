/**
 * Context cues: the words around a capitalised name that say whether it is a firm or a person, however much the
 * name itself looks like the other ("Morgan Stanley" is acquired, "Morgan Stanley" is appointed).
 */
import type { Token } from "../nlp/types.ts";
import { startsLower, startsUpper } from "../nlp/letters.ts";

/** Nouns that, right before a name, say it is a firm: "investment bank Morgan Stanley", "the broker Edward Jones". */
const FIRM_BEFORE = new Set([
  ...["bank", "lender", "firm", "broker", "brokerage", "insurer", "carmaker", "automaker", "retailer", "conglomerate"],
  ...["manufacturer", "supplier", "chipmaker", "startup", "airline", "outlet", "publisher", "consultancy", "rival"],
  ...["company", "group", "maker", "label", "studio", "developer", "fund", "operator", "subsidiary"],
  ...["distributor", "contractor", "consortium", "shipyard", "builder", "investor", "unit", "affiliate"],
  ...["shipowner", "shipper", "shipbuilder", "miner", "refiner", "utility", "platform"],
  ...["drugmaker", "steelmaker", "planemaker", "meatpacker", "exporter", "importer", "telco"],
  // "the delivery app Dashly": news names the firm by its app.
  ...["app"],
  // "the journal Nature Microbiology", "the Rome daily La Repubblica": a publication is its publisher's name
  // ("newspaper" and "broadcaster" are among the apposition nouns below).
  ...["journal", "daily", "magazine", "tabloid"],
]);
/** People who work "at" a firm: "analysts at Morgan Stanley". */
const FIRM_STAFF = new Set([
  ...["analyst", "analysts", "economist", "economists", "strategist", "strategists", "banker", "bankers"],
  ...["trader", "traders", "executive", "executives", "employees", "staff", "workers", "engineers", "researchers"],
  ...["employee", "worker", "engineer", "researcher", "scientist", "scientists"],
]);
/** Posts held in a club or firm, written in lower case between its name and the holder's: "Arsenal manager X". */
const BODY_POSTS = new Set([
  ...["manager", "coach", "chairman", "chairwoman", "striker", "midfielder", "defender", "goalkeeper", "winger"],
  ...["owner", "founder", "co-founder", "boss"],
]);
/** Nouns whose "of X" names a firm: "shares of Credit Suisse", "the takeover of Y". */
const FIRM_OF = new Set([
  ...["shares", "stock", "stake", "owner", "parent", "subsidiary", "unit", "division", "investors", "takeover"],
  ...["acquisition", "purchase", "shareholders", "customers", "founder", "founders", "ceo", "chairman", "imprint"],
]);
/** Words after a name (or its possessive) that make it a firm: "Morgan Stanley shares", "X's chief executive". */
const FIRM_AFTER = new Set([
  ...["shares", "stock", "stocks", "bonds", "shareholders", "investors", "subsidiary", "headquarters", "ceo"],
  ...["revenue", "revenues", "profit", "profits", "earnings", "board", "chairman", "customers", "employees"],
]);
/** Plural nouns of kinds of firm, whose examples ("chains such as X") are firms. */
const FIRM_KINDS = new Set([
  ...["companies", "firms", "banks", "lenders", "insurers", "chains", "retailers", "supermarkets", "carmakers"],
  ...["automakers", "airlines", "carriers", "groups", "brands", "platforms", "apps", "startups", "manufacturers"],
  ...["suppliers", "miners", "producers", "operators", "publishers", "broadcasters", "studios", "labels"],
]);
/** Verbs whose object is a firm: "agreed to acquire X". */
const FIRM_OBJECT = new Set(["acquire", "acquired", "acquiring", "buy", "bought", "buying", "merge", "merged"]);
/** Participles whose agent ("operated by X") is a firm. */
const FIRM_WORK = new Set(["operated", "manufactured", "acquired", "underwritten"]);
/** Past forms of verbs whose object is a team: "had coached Vitória de Guimarães" ("coach X" is a title). */
const TEAM_OBJECT = new Set(["coached", "captained"]);
/** Nouns that, after "X, a" or "X, the", say X is a firm ("X, a Zurich-based bank,"). */
const FIRM_APPOSITION = new Set([
  ...[...FIRM_BEFORE].filter((w) => w !== "rival"),
  ...["party", "partner", "coalition", "alliance", "club", "team", "band", "union", "movement", "organisation"],
  ...["organization", "agency", "charity", "newspaper", "broadcaster", "regulator", "watchdog", "railway", "railroad"],
  ...["carrier", "miner", "utility", "network", "chain", "exchange", "university", "college", "hospital", "institute"],
  ...["foundation", "museum", "orchestra", "ministry", "authority", "commission", "league", "federation"],
  ...["association", "society", "cooperative", "council", "spin-off", "spinoff", "start-up", "nonprofit"],
  ...["imprint", "division"],
]);
/** Whether a common noun names a kind of firm or body ("sportswear firm", "club"). */
export function isFirmNoun(word: string): boolean {
  return FIRM_APPOSITION.has(word);
}

/** What advisers advise on: "X advised UBS on the transaction" is a bank's or a law firm's work. */
const DEALS = new Set(["deal", "transaction", "merger", "takeover", "acquisition", "sale", "bid", "offer", "listing"]);
/** Verbs whose object is a person: "appointed X". */
const PERSON_OBJECT = new Set(["appointed", "appoint", "hired", "elected", "nominated", "married", "interviewed"]);
/** Passive verbs after "X was": "X was appointed", "X was born". */
const PERSON_PASSIVE = new Set(["appointed", "born", "elected", "hired", "nominated", "sworn", "knighted"]);
/** Occupations and positions that, heading an apposition after a name, say it is a person's ("X, a midfielder,"). */
const OCCUPATIONS = new Set([
  ...["midfielder", "defender", "striker", "forward", "winger", "goalkeeper", "captain", "coach", "footballer"],
  ...["player", "athlete", "runner", "sprinter", "swimmer", "cyclist", "boxer", "cricketer", "batter", "bowler"],
  ...["lawyer", "attorney", "solicitor", "barrister", "prosecutor", "judge", "spokesman", "spokeswoman"],
  ...["spokesperson", "minister", "senator", "lawmaker", "legislator", "politician", "economist", "professor"],
  ...["researcher", "scientist", "author", "novelist", "writer", "journalist", "reporter", "editor", "actor"],
  ...["actress", "singer", "rapper", "musician", "composer", "painter", "poet", "businessman", "businesswoman"],
  ...["billionaire", "entrepreneur", "activist", "doctor", "nurse", "surgeon", "physician", "diplomat"],
  ...["ambassador", "colonel", "priest", "bishop", "mayor", "governor", "executive", "chairman", "chairwoman"],
  ...["teacher", "farmer", "student", "designer", "engineer", "architect", "official", "banker", "fisherman"],
]);
/** Whether a common noun (lower case) is a person's occupation or position: "midfielder", "lawyer", "teacher". */
export function isOccupation(word: string): boolean {
  return OCCUPATIONS.has(word);
}
const SAYING = new Set(["said", "says", "told", "added", "wrote", "argued", "insisted"]);
const PERSON_PRONOUNS = new Set(["he", "she", "his", "her", "him"]);

/** The type the words around the name `tokens[from, to)` give it, or null when they say nothing clear. */
export function contextType(tokens: Token[], from: number, to: number): "person" | "organization" | null {
  if (firmContext(tokens, from, to)) return "organization";
  if (personContext(tokens, from, to)) return "person";
  return null;
}

/**
 * Whether the words around the name say it is a firm (or another organisation): "analysts at X", "shares of X",
 * "investment bank X", "X shares", "X's chief executive", "X, the bank,", "X, a company", "X, Y's biggest lender", "agreed to acquire X", "X
 * was acquired", "X advised Y on the deal", "X, the third partner in the coalition,".
 */
function firmContext(tokens: Token[], from: number, to: number): boolean {
  const prev = tokens[from - 1]?.lower ?? "";
  const before = tokens[from - 2]?.lower ?? "";
  // "the charity Hearthstone Rights", "ETH Zurich spin-off Ferrovia Sensing" (the tagger may read a hyphenated noun
  // as an adjective).
  const noun = tokens[from - 1]?.pos === "NOUN" || prev.includes("-");
  // (The tagger reads "daily" before a name as an adjective: "the Rome daily La Repubblica".)
  if ((FIRM_BEFORE.has(prev) || FIRM_APPOSITION.has(prev)) && (noun || prev === "daily")) return true;
  // "the Copenhagen-based Halvorsen Line": people are from places, bodies are based in them.
  if (/-based$/.test(prev)) return true;
  if (prev === "at" && FIRM_STAFF.has(before)) return true;
  if ((prev === "of" || prev === "in") && FIRM_OF.has(before)) return true;
  // "published in Nature Astronomy": a study appears in a journal (a known place was typed before any cue).
  if (prev === "in" && /^(?:published|publishes|appeared)$/.test(before)) return true;
  // "the defender Aníbal Recalde of Cerro Porteño": after a person's full name, "of" names their club or firm.
  if (prev === "of" && fullNameEnding(tokens, from - 1)) return true;
  if (FIRM_OBJECT.has(prev) || TEAM_OBJECT.has(prev)) return true;
  // "operated by SpaceX", "manufactured by Airbus": the agent of a firm's work.
  if (prev === "by" && FIRM_WORK.has(before)) return true;
  // "large chains such as Carrefour and GPA": examples of a kind of firm are firms.
  if (prev === "as" && before === "such" && FIRM_KINDS.has(tokens[from - 3]?.lower ?? "")) return true;
  // "a transport firm called X"; "the operator, X," and "The foundation, X, filed": a firm's noun names it.
  if ((prev === "called" || prev === "named") && FIRM_APPOSITION.has(before)) return true;
  if (prev === "," && FIRM_APPOSITION.has(before) && ownedNounPhrase(tokens, from - 2)) return true;
  const next = tokens[to]?.lower ?? "";
  const possessive = next === "'s";
  const after = possessive ? (tokens[to + 1]?.lower ?? "") : next;
  if (FIRM_AFTER.has(after)) return true;
  // "Arsenal manager Mikel Arteta", "Kestrel founder X": a club's or firm's post in lower case before a person's name.
  if (BODY_POSTS.has(next) && tokens[to + 1]?.pos === "PROPN" && startsUpper(tokens[to + 1].text)) return true;
  if (possessive && after === "chief" && tokens[to + 2]?.lower === "executive") return true;
  if (next === "was" && /^(?:acquired|bought|founded|listed|delisted)$/.test(tokens[to + 1]?.lower ?? "")) return true;
  if (holdsSeats(tokens, to)) return true;
  if (/^(?:advised|advises|advising)$/.test(next) && (advisedOnDeal(tokens, to + 1) || advisedFirm(tokens, to + 1)))
    return true;
  if (next !== ",") return false;
  // "Citizen Action, whose 14 deputies are led by X": a body's members.
  if (tokens[to + 1]?.lower === "whose" && membersWithin(tokens, to + 2)) return true;
  if (isArticle(tokens[to + 1]?.lower ?? "")) return appositionNoun(tokens, to + 2, FIRM_APPOSITION);
  // "X, Indonesia's second-largest airline,": an apposition owned by a name.
  return (
    startsUpper(tokens[to + 1]?.text ?? "") &&
    tokens[to + 2]?.lower === "'s" &&
    appositionNoun(tokens, to + 3, FIRM_APPOSITION)
  );
}

/** Members of a party, a chamber or a club, whose "whose" makes the name before it a body's. */
const MEMBER_NOUNS = new Set([
  "deputies",
  "members",
  "lawmakers",
  "senators",
  "mps",
  "councillors",
  "players",
  "employees",
]);
/** Most words between "whose" and the members' noun ("whose 14 elected deputies"). */
const MAX_MEMBER_GAP = 3;

/** Whether a members' noun comes within a few words from `k` ("14 deputies"). */
function membersWithin(tokens: Token[], k: number): boolean {
  for (let n = k; n < k + MAX_MEMBER_GAP && tokens[n]; n++) if (MEMBER_NOUNS.has(tokens[n].lower)) return true;
  return false;
}

/** Articles, after which no verb stands and before which an apposition's noun phrase opens. */
const ARTICLES = new Set(["a", "an", "the"]);

/** Whether `word` (lower case) is an article: "a", "an", "the". */
export function isArticle(word: string): boolean {
  return ARTICLES.has(word);
}

/** A match's score: "2-0", "3–1". */
const SCORE = /^\d{1,2}[-–]\d{1,2}$/;

/** Whether `text` is a match's score ("2-0"), which follows the name of a team. */
export function isScore(text: string): boolean {
  return SCORE.test(text);
}

/** Offices written in capitals before "of", which are no one's name: "Prime Minister of Northern Ireland". */
const OFFICES_BEFORE_OF = new Set([
  ...["minister", "president", "secretary", "director", "governor", "mayor", "chairman", "chairwoman", "chair"],
  ...["head", "chief", "leader", "member", "king", "queen", "prince", "princess", "duke", "duchess", "earl"],
  ...["bishop", "archbishop", "emperor", "general", "commander", "professor", "dean", "rector", "ambassador"],
  ...["speaker", "deputy", "officer", "executive", "justice", "judge", "attorney", "chancellor", "premier"],
]);

/**
 * Whether two capitalised words that are no office, after a lower-case word, end right before token `k`
 * ("defender Aníbal Recalde").
 */
function fullNameEnding(tokens: Token[], k: number): boolean {
  const name = (t: Token | undefined) => !!t && t.pos === "PROPN" && /^\p{Lu}\p{Ll}/u.test(t.text);
  return (
    name(tokens[k - 1]) &&
    name(tokens[k - 2]) &&
    !OFFICES_BEFORE_OF.has(tokens[k - 1].lower) &&
    startsLower(tokens[k - 3]?.text ?? "")
  );
}

/** Most modifiers before the noun of a noun phrase that names a body ("Indonesia's state-owned vaccine maker"). */
const MAX_MODIFIERS = 3;

/**
 * Whether the noun at `k` ends a definite or possessed noun phrase: "the operator", "its parent", "Indonesia's
 * state-owned vaccine maker" (a few lower-case modifiers may come between).
 */
function ownedNounPhrase(tokens: Token[], k: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 1 - MAX_MODIFIERS; j--) {
    const t = tokens[j];
    // "the president of the city council, X": a noun after "of" is not the one the name stands beside.
    if (/^(?:the|its|their)$/.test(t.lower)) return tokens[j - 1]?.lower !== "of";
    if (t.lower === "'s") return true;
    if (!startsLower(t.text) || (t.pos !== "NOUN" && t.pos !== "ADJ" && t.pos !== "VERB")) return false;
  }
  return false;
}

/**
 * Whether a name follows at `k` and no advice to act ("advised Zelensky to wait"): "Morgan Stanley advised Canva,
 * while" is a bank's or a law firm's work.
 */
function advisedFirm(tokens: Token[], k: number): boolean {
  if (!startsUpper(tokens[k]?.text ?? "") || tokens[k].pos !== "PROPN") return false;
  for (let j = k + 1; j < k + 5 && tokens[j]; j++) if (tokens[j].lower === "to") return false;
  return true;
}

const SEAT_VERBS = new Set(["holds", "held", "won", "wins", "took", "has"]);
/** Words besides numbers between "holds" and "seats". */
const SEAT_GAP_WORDS = new Set(["of", "the", "its", "their"]);
/** Most words between "holds" and "seats": "holds 38 of the 118 seats". */
const MAX_SEAT_GAP = 5;

/** Whether the name ending before `k` holds or won seats ("Pangu Pati holds 38 of the 118 seats"): a party. */
function holdsSeats(tokens: Token[], k: number): boolean {
  if (!SEAT_VERBS.has(tokens[k]?.lower ?? "")) return false;
  for (let j = k + 1; j <= k + MAX_SEAT_GAP && tokens[j]; j++) {
    if (tokens[j].lower === "seats") return true;
    if (tokens[j].pos !== "NUM" && !SEAT_GAP_WORDS.has(tokens[j].lower)) return false;
  }
  return false;
}

/** Whether "on the deal" (or transaction, merger...) follows within a few words of token `k`. */
function advisedOnDeal(tokens: Token[], k: number): boolean {
  for (let j = k; j < k + 5 && tokens[j]; j++)
    if (tokens[j].lower === "on")
      return DEALS.has(tokens[j + 1]?.lower === "the" ? (tokens[j + 2]?.lower ?? "") : tokens[j + 1].lower);
  return false;
}

/** Most words of a name inside an apposition before its noun. */
const MAX_NAME_WORDS = 4;

/** Whether a noun of `nouns` heads the apposition starting at `k` ("a Zurich-based bank", "the lender"). */
function appositionNoun(tokens: Token[], k: number, nouns: Set<string>): boolean {
  // "X, a Ho Chi Minh City firm": a place's name before the noun counts as one word.
  let names = 0;
  // "X, the country's largest construction company": an owner inside the apposition adds a word.
  const owned = tokens[k + 1]?.lower === "'s" ? 1 : 0;
  for (let j = k; j < k + 4 + names + owned && tokens[j]; j++) {
    if (startsUpper(tokens[j].text) && tokens[j].pos === "PROPN" && names < MAX_NAME_WORDS) names++;
    // "X, the company's chief scientist" is the company's person, not the company.
    // "X, the publisher at Fremantle Press" holds a post at a body: a person.
    if (nouns.has(tokens[j].lower))
      return tokens[j + 1]?.pos !== "NOUN" && tokens[j + 1]?.lower !== "'s" && tokens[j + 1]?.lower !== "at";
    // "X, a spokesman for the ministry": the noun after a preposition is not the apposition's head.
    if (tokens[j].pos === "PUNCT" || tokens[j].pos === "VERB" || tokens[j].pos === "ADP") return false;
  }
  return false;
}

/** Whether a bracket opening at `k` gives a birth or a lifespan: "(born 1950", "(1801–1870)", "(12 May 1820 – 1910)". */
function lifeDates(tokens: Token[], k: number): boolean {
  if (tokens[k]?.lower === "born") return true;
  let years = 0;
  for (let j = k; j < k + 9 && tokens[j] && tokens[j].text !== ")"; j++) {
    if (/^\d{3,4}$/.test(tokens[j].text)) years++;
    else if (/^\d{3,4}\s*[–-]\s*\d{2,4}$/.test(tokens[j].text)) years += 2;
    else if (tokens[j].pos !== "NUM" && !/^[–-]$/.test(tokens[j].text) && !/^\p{Lu}\p{Ll}+$/u.test(tokens[j].text))
      return false;
  }
  return years >= 2;
}

/**
 * Whether the words around the name say it is a person: "X, 54,", "X said he", "appointed X", "X was born", "X (born
 * 1950)", "X (1801–1870)", "née X".
 */
function personContext(tokens: Token[], from: number, to: number): boolean {
  const next = tokens[to]?.lower ?? "";
  if (
    next === "," &&
    tokens[to + 1]?.pos === "NUM" &&
    /^\d{1,3}$/.test(tokens[to + 1].text) &&
    tokens[to + 2]?.lower === ","
  )
    return true;
  if (SAYING.has(next) && PERSON_PRONOUNS.has(tokens[to + 1]?.lower ?? "")) return true;
  // "X, who": unless X follows a preposition ("groups in Gràcia, who marched"), when "who" is the noun's before it, or
  // an article ("the ACT Brumbies, who play"), which comes before a team's name, not a person's.
  if (
    next === "," &&
    tokens[to + 1]?.lower === "who" &&
    tokens[from - 1]?.pos !== "ADP" &&
    tokens[from - 1]?.lower !== "the"
  )
    return true;
  if (next === "was" && PERSON_PASSIVE.has(tokens[to + 1]?.lower ?? "")) return true;
  if (next === "(" && lifeDates(tokens, to + 1)) return true;
  // "McTominay, the Scottish midfielder,", "X, the club's captain,": an occupation heads the apposition, unless the
  // name follows a preposition and the noun a verb of saying ("Speaking at Prague Castle, the prime minister said").
  if (
    next === "," &&
    isArticle(tokens[to + 1]?.lower ?? "") &&
    tokens[from - 1]?.pos !== "ADP" &&
    appositionNoun(tokens, to + 2, OCCUPATIONS)
  )
    return true;
  // "Eva Bosáková, née Věchtová": a maiden name.
  return PERSON_OBJECT.has(tokens[from - 1]?.lower ?? "") || /^n[ée]e$/.test(tokens[from - 1]?.lower ?? "");
}
