/**
 * Name typing: decides whether an unknown proper name is a person, organisation, location or event from its words,
 * compromise's lexicon (first names, organisations, places) and the words around it.
 */
import nlp from "compromise";
import type { EntityType } from "../../model/types.ts";
import type { Token } from "../nlp/types.ts";
import { contextType, isArticle, isFirmNoun, isOccupation, isScore } from "./cues.ts";
import { nameWords } from "./glue.ts";
import { placeLookup } from "../geo/places.ts";
import { foldLatin } from "../nlp/foldLatin.ts";
import { startsLower, startsUpper } from "../nlp/letters.ts";
import { isVocabularyWord } from "../nlp/analyse.ts";

interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords: Record<string, unknown>; placeWords: Record<string, unknown> };
}
// compromise is used through its lexicon, not its parser: a lookup per word is ~1000x cheaper than nlp(text),
// which is what keeps extraction above 20,000 words per second.
const model = nlp.model() as unknown as CompromiseModel;

/** Last words that make a name an organisation ("... Authority", "... Party"). */
const ORG_HEADS = new Set([
  ...Object.keys(model.two.orgWords),
  ...["party", "union", "commission", "authority", "federation", "club", "bank", "department", "ministry", "council"],
  ...["alliance", "movement", "secretariat", "force", "forces", "guard", "unit"],
  ...["committee", "agency", "fund", "court", "parliament", "assembly", "congress", "senate", "government"],
  ...["administration", "inc", "inc.", "corp", "corp.", "ltd", "plc", "fc", "examiner", "times", "post", "news"],
  ...[
    "army",
    "racing",
    "treasury",
    "motors",
    "airlines",
    "carriers",
    "ltd.",
    "co.",
    "llc",
    "gmbh",
    "partners",
    "holdings",
    "ventures",
    // "World Food Programme", "Arvéa Cycling": UN bodies, professional teams.
    "programme",
    "cycling",
  ],
  ...["associates", "capital", "brothers", "bros.", "industries", "enterprises", "technologies", "systems", "labs"],
  ...["pictures", "studios", "records", "entertainment", "publishing", "networks", "communications", "pharmaceuticals"],
  ...["regiment", "battalion", "brigade", "squadron", "fleet", "corps", "railroad", "railway", "railways", "transit"],
  ...["trust", "books", "studio", "films", "airways", "press", "media", "magazine", "orchestra", "choir", "band"],
  // Libraries are institutions before buildings; football clubs end in a suffix or a word no place has.
  ...["library", "inspectorate", "ff", "afc", "cf", "sc", "ac", "united", "rovers", "wanderers", "hotspur"],
  // Last words of firms' names in trade: "Calyx Therapeutics", "Redstone Metals", "Lotus Bay Shipping".
  ...["therapeutics", "biosciences", "biotech", "genomics", "diagnostics", "metals", "mining", "minerals", "shipping"],
  ...["logistics", "lines", "robotics", "semiconductor", "semiconductors", "materials", "aerospace", "automotive"],
  ...["software", "solutions", "foods", "beverages", "bancorp", "refining", "exploration", "survey", "haulage"],
  ...["pharma", "biologics", "biopharma", "telecom", "energy", "healthcare", "health", "archives", "juniors"],
  // "Amkor Technology", "Peru's National Elections Jury".
  ...["technology", "jury", "tribunal", "sparbank", "sparebank", "sparkasse"],
  ...["distribution", "producciones", "produções", "productions", "holding", "film", "exchange", "offshore"],
  // "Irish Music Rights Organisation".
  ...["organisation", "organization"],
]);
/** Adjectives that end the names of parties and bodies in Spanish or Portuguese (alone, "Libre" is a name too). */
const ROMANCE_BODY_ENDINGS = new Set([
  ...["nacional", "libre", "popular", "socialista", "republicano", "republicana", "democrático", "democrática"],
  ...["unida", "unido", "progresista", "nacionalista"],
]);
/**
 * Trade words that end a firm's one-word last name: "Corrie Biotherapeutics", "MTN Group Fintech", "Agritech", and
 * Nordic and German banks' "Vestlandsbanken", "Murtal Sparbank", "Stadtsparkasse".
 */
const TRADE_ENDING =
  /\p{L}{2}(?:therapeutics|sciences|pharma|genomics|robotics|logistics|systems|fintech|tech|banken|sparbank|sparkasse)$/u;
/**
 * Last words that make a name an organisation but take no "for" complement into it ("People's Progressive Front";
 * "the Western Front for France" is two names).
 */
const ORG_LAST_WORDS = new Set(["front"]);
/** First words that make a name an organisation: "Centre Muraz", "Olympique Lyonnais", "Sporting Lisbon". */
const LEADING_ORG = new Set([
  ...["centre", "center", "institute", "instituto", "institut", "banco", "banque", "grupo", "groupe", "compagnie"],
  ...["universidad", "universidade", "università", "université", "universität", "universitat"],
  ...["olympique", "sporting", "atlético", "atletico", "dynamo", "dinamo", "borussia", "real", "racing", "société"],
  ...["team", "club", "pt", "pt.", "bank"],
  ...["centro", "fundación", "fundação", "fondation", "asociación", "associação", "istituto", "compañía", "companhia"],
]);
/** Place words that are also common surnames: "Helen Marsh", "Damon Hill", "Sally Field" are people. */
const SURNAME_PLACE_WORDS = new Set([
  ...["marsh", "hill", "hills", "field", "woods", "grove", "hall", "house", "lane", "bridge", "park", "castle"],
  ...["ridge", "shore", "farm", "garden", "gardens", "banks", "ford", "brooks"],
]);
/** Lower-case particles inside people's names: "Bram de Vries", "Ursula von der Leyen", "Ana dos Santos". */
const NAME_PARTICLES = new Set(["de", "van", "von", "der", "den", "ter", "da", "di", "du", "dos", "das", "del", "bin"]);
/**
 * Those that, in lower case, start a surname standing alone: "van Dam", "von Braun", "de Gaulle" ("das" is also an
 * article, "das Kapital"; "bin" joins a father's name, not a surname).
 */
export const SURNAME_PARTICLES = new Set([...NAME_PARTICLES].filter((p) => p !== "das" && p !== "bin"));
/** Last words that make a name a state or realm, past or present ("Russian Empire", "Dutch Republic"). */
const POLITY_HEADS = new Set([
  ...["empire", "republic", "kingdom", "dynasty", "confederation", "commonwealth", "caliphate", "sultanate"],
  ...["khanate", "principality", "duchy", "protectorate", "colony", "raj", "emirate", "tsardom"],
]);
/** Last words that make a name a place ("... Stadium", "... River"). */
const PLACE_HEADS = new Set([
  ...Object.keys(model.two.placeWords),
  ...POLITY_HEADS,
  ...["stadium", "airport", "street", "square", "province", "region", "sea", "ocean", "valley", "oblast"],
  ...["oceans", "oblasts", "governorate", "reservoir", "peak", "peaks", "range", "ranges", "rim", "viaduct"],
  ...["drive", "route", "highway", "motorway", "canal", "channel", "monastery", "abbey", "station", "mausoleum"],
  ...["theatre", "marina", "wilderness", "bowl", "temple", "armory", "cathedral", "mosque", "cdp", "massif"],
  ...["delta", "shelf", "terminal", "terminals", "base", "basin", "canton"],
]);
/** Words before "Centre" or "Center" that make it a venue, not an institute: "Kennedy Space Center". */
const VENUE_CENTRE_KINDS = new Set([
  ...["space", "entertainment", "convention", "exhibition", "shopping", "sports", "leisure", "aquatic", "aquatics"],
  ...["civic", "arts", "trade", "events", "tennis", "cricket", "conference", "congress", "performing"],
]);
/** Compass words that end the names of districts and constituencies: "Okaikwei Central", "Ablekuma North". */
const COMPASS_AFTER = new Set(["north", "south", "east", "west", "central"]);
/** Nouns that name firms and people alike, before a name: "the investor Michael Moritz", "partner Ines Kowalczyk". */
const EITHER_NOUNS = new Set(["partner", "investor", "backer", "shareholder", "owner", "buyer", "bidder", "founder"]);
/** First words that make a name a place: "Lake Tana", "Mount Guna", "Cape Horn". */
const LEADING_PLACE = new Set([
  "lake",
  "mount",
  "mt",
  "mt.",
  "cape",
  "isle",
  "lago",
  "monte",
  "sierra",
  "fort",
  "loch",
  // "Via Prenestina", "Rue de Rivoli", "Calle Mayor", "Piazza Navona": a street's name in the languages of its city.
  ...["via", "rue", "calle", "avenida", "piazza", "plaza", "strada", "rua"],
  // "Cerro Pachón", "Mauna Kea", "Isla Mujeres": a mountain's, volcano's or island's name in the language of its land.
  ...["cerro", "mauna", "pico", "volcán", "nevado", "isla", "ilha", "laguna", "gran"],
  // "Stadio Diego Armando Maradona", "Estadio Azteca", "Stade de France": a stadium's name in its land's language.
  ...["stadio", "estadio", "estádio", "stade", "stadion"],
]);
/** Common nouns after a name that make it a place: "the Santiago Bernabeu stadium". */
const FOLLOWING_PLACE = new Set([
  ...["stadium", "airport", "arena", "square", "street", "avenue", "bridge", "station", "park", "palace", "hall"],
  ...["building", "district", "districts", "province", "region", "area", "basilica", "cathedral", "church"],
  ...["mosque", "temple", "museum", "tower", "island", "neighbourhood", "neighborhood", "quarter", "suburb"],
  ...["regions", "provinces", "ward", "wards", "prefecture", "county", "municipality", "oblast", "governorate"],
  ...["constituency", "city", "town", "village", "seat"],
  // "Guatemala's Fuego volcano", "the Juneau icefield".
  ...["volcano", "glacier", "icefield", "peninsula", "desert", "plateau", "crater", "reef", "atoll", "archipelago"],
  // "the Harz mountains", "the Chiltern hills".
  ...["mountains", "hills", "islands", "mountain", "forest", "highlands", "lowlands", "wetlands", "gorge"],
]);
/** Words that, first in a name, make it a storm's: "Hurricane Kyle", "Cyclone Chido". */
const STORM_WORDS = new Set(["hurricane", "typhoon", "cyclone", "storm", "tropical"]);
/** Heads of names of venues and ways, which stay places in any context. */
const VENUE_HEADS = new Set([
  ...["airport", "stadium", "street", "avenue", "square", "bridge", "station", "harbour", "market"],
]);
/** Last words that make a name an event ("... Championship", "... Games"). */
const EVENT_HEADS = new Set([
  ...["championship", "championships", "cup", "cups", "games", "olympics", "league", "summit", "war", "open", "slam"],
  ...["tournament", "prix", "marathon", "festival", "expo", "conference", "congress", "forum", "classic", "masters"],
  ...["series", "derby", "invitational", "world cup", "elections", "election", "referendum", "talks", "awards"],
  ...["prize", "prizes", "award", "medal", "medals", "trophy", "shield", "tour"],
]);
/**
 * Event words that head a name before its "of": "Tour of Flanders", "Africa Cup of Nations" ("League of Women Voters"
 * is a body).
 */
const EVENT_OF_HEADS = new Set(["tour", "cup", "festival", "championship", "championships", "games"]);
/** Last words that make a name an agreement ("... Grain Initiative", "... Treaty"). */
const AGREEMENT_HEADS = new Set([
  "initiative",
  "agreement",
  "treaty",
  "accord",
  "deal",
  "pact",
  "protocol",
  "convention",
  "act",
  "plan",
]);
/** How many names a list may hold before the preposition that makes them all places ("in A, B, C and D"). */
const MAX_CONJUNCTS = 6;

/** Nouns after a name that make a known town's name the place of a works: "the Ulsan plant". */
const FACILITY_NOUNS = new Set(["plant", "factory", "mine", "refinery", "smelter", "shipyard", "site", "campus"]);
/** Words after which a lone name is a place: "in Sochi", "the port of Odesa". */
const LOCATIVE = new Set(["in", "near", "outside", "across", "around", "throughout", "within", "towards", "toward"]);
const PLACE_NOUNS = new Set([
  ...["port", "city", "town", "village", "region", "province", "capital", "state", "county", "municipality"],
  ...["district", "island", "lake", "river", "valley", "commune", "parish", "borough", "township", "suburb"],
  ...["provinces", "cities", "towns", "villages", "districts", "islands", "counties", "municipalities", "states"],
  ...["territory", "territories", "prefecture", "oblast", "governorate", "canton", "voivodeship"],
]);
/** Nouns whose "of X" names a place governed or inhabited: "the government of Catalonia", "the mayor of Lyon". */
const PLACE_OF = new Set([
  ...["government", "mayor", "governor", "people", "residents", "streets", "outskirts", "suburbs", "centre"],
  ...["center", "north", "south", "east", "west", "heart", "parliament", "president", "premier", "parts"],
  ...["areas", "regions", "citizens", "inhabitants"],
]);
/** Common nouns after a name that make it a company or outlet: "the Beltway Confidential blog". */
const OUTLET_NOUNS = new Set([
  "blog",
  "newspaper",
  "magazine",
  "website",
  "channel",
  "podcast",
  "company",
  "firm",
  "group",
  "party",
  "club",
  "team",
  "agency",
  "network",
]);

const COMPASS = new Set([
  ...COMPASS_AFTER,
  ...["northern", "southern", "eastern", "western", "upper", "lower", "greater", "new"],
]);

/** First words of place names that also start saints' and people's names: "St Louis", "San Fernando". */
const SAINT_PREFIX = new Set([
  "st",
  "st.",
  "saint",
  "san",
  "santa",
  "são",
  "sao",
  "ste",
  "ste.",
  "sainte",
  "fort",
  "port",
]);

const PERSON_TAGS = new Set(["FirstName", "MaleName", "FemaleName"]);
const PLACE_TAGS = new Set(["City", "Country", "Region", "Place"]);

function tagsOf(word: string): string[] {
  const t = model.one.lexicon[word];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

/** Whether compromise knows `word` (lower case) as a first name. */
export function isFirstName(word: string): boolean {
  if (tagsOf(word).some((t) => PERSON_TAGS.has(t))) return true;
  // "Marie-Hélène", "Anna-Lena": a compound of given names, which the lexicon lists one by one and without marks.
  if (!word.includes("-")) return false;
  return foldLatin(word)
    .split("-")
    .every((part) => tagsOf(part).some((t) => PERSON_TAGS.has(t)));
}

/** Whether compromise knows `word` (lower case) as a first name, surname or person. */
export function isPersonWord(word: string): boolean {
  return tagsOf(word).some((t) => PERSON_TAGS.has(t) || t === "LastName" || t === "Person");
}

/** Lower-case words inside the names of towns: "Weiden am See", "Bruck an der Leitha", "Villanueva de la Serena". */
export const TOWN_NAME_PARTICLES = new Set([
  "am",
  "an",
  "der",
  "de",
  "la",
  "le",
  "les",
  "sur",
  "upon",
  "on",
  "im",
  "del",
  "di",
]);
/** Those of them that rarely join the names of people ("de", "del", "di" do: "Diego de la Vega"). */
const TOWN_PARTICLES = new Set(["am", "an", "der", "sur", "upon", "im", "la", "les"]);

/** Whether the gazetteer (GeoNames) knows the name as a town or district and no word of it is a person's name. */
function isGazetteerPlace(words: string[]): boolean {
  // One word is too often a firm or a surname that some town also bears ("Mercedes"); a person's name among the words
  // makes it a person's unless particles of a town's name join them ("Villanueva de la Serena").
  if (words.length < 2 || words.every(isCommonWord)) return false;
  const particles = words.some((w) => TOWN_PARTICLES.has(w));
  if (!particles && words.some((w) => isPersonWord(w) || isFirstName(w))) return false;
  return placeLookup().within(words.join(" ")).length > 0;
}

/**
 * "Bram de Vries", "Femke van der Berg": one capitalised given name, lower-case particles, then a capitalised surname
 * of one word (a town's name with particles was ruled out before: "Villanueva de la Serena").
 */
function personWithParticles(tokens: Token[], from: number, to: number, words: string[]): boolean {
  if (words.length < 3 || words.length > 4 || !NAME_PARTICLES.has(words[1])) return false;
  let k = from + 1;
  // Flemish and Italian names capitalise the particle: "Arne De Smet", "Luigi Di Maio".
  while (k < to - 1 && NAME_PARTICLES.has(tokens[k].lower)) k++;
  return k === to - 1 && startsUpper(tokens[from].text) && startsUpper(tokens[k].text);
}

/** Two-letter initials that open football and sports clubs' names. */
const CLUB_INITIALS = new Set("FC SK AC AS SC SV CF CD FK NK KV RC BK IF IK".split(" "));
/** Initials with a lower-case letter inside: "VfL", "VfB". */
const MIXED_INITIALS = /^[A-Z][a-z][A-Z]$/;

/** Nouns of people that say nothing of their trade: "a man from Ghent", "a retired postman from Esbjerg". */
const PERSON_NOUNS = new Set("man woman boy girl native resident postman postwoman pensioner".split(" "));

/** An age written as a noun: "a 24-year-old from Herning". */
const AGE_NOUN = /^\d+-year-old$/;

/** Whether the name at `from` follows "from" after a person's occupation, age or person noun ("a postman from"). */
function personFrom(tokens: Token[], from: number): boolean {
  if (tokens[from - 1]?.lower !== "from") return false;
  const noun = tokens[from - 2]?.lower ?? "";
  return isOccupation(noun) || PERSON_NOUNS.has(noun) || AGE_NOUN.test(noun);
}

/** A plural's ending, not a word's in "-ss" or "-us" ("Lakers", not "Express" or "Campus"). */
const PLURAL_ENDING = /[^su]s$/;

/**
 * "San Antonio Spurs", "Kansas City Kings", "Boston Celtics": a town's name and a plural noun that is no kind of
 * place name a team, wherever the name stands (in a list of clubs nothing else types it).
 */
function isTownTeam(words: string[], knownPlace: (lower: string) => boolean): boolean {
  if (words.length < 2 || words.length > 4) return false;
  const last = words[words.length - 1];
  // Compromise knows few team names as plurals ("lakers"): a plural ending serves, but not a surname's ("Austin
  // Harris") nor after a given name.
  if (PLACE_HEADS.has(last) || !PLURAL_ENDING.test(last) || isFirstName(words[0])) return false;
  if (isPersonWord(last) || isTaggedPerson(last) || last.includes("-")) return false;
  const town = words.slice(0, -1).join(" ");
  const places = placeLookup();
  // One word that only the gazetteer knows is as often a given name or a surname ("Verónica Salinas").
  const gazetteer = words.length > 2 && places.within(town).length > 0;
  const isTown = gazetteer || knownPlace(town) || isPlaceName(town) || places.regionCodes(town).length > 0;
  // "Colorado Springs", "Sioux Falls": the whole name may itself be a town's.
  return isTown && places.within(words.join(" ")).length === 0;
}

/** Whether compromise knows `word` (lower case) as a place. */
export function isPlaceName(word: string): boolean {
  return tagsOf(word).some((t) => PLACE_TAGS.has(t));
}

const NAME_TAGS = new Set([...PERSON_TAGS, ...PLACE_TAGS, "LastName", "Person", "Organization", "ProperNoun"]);

/** Whether compromise knows `word` (lower case) only as a common word ("several", "western", "wars"). */
export function isCommonWord(word: string): boolean {
  const tags = tagsOf(word);
  return tags.length > 0 && !tags.some((t) => NAME_TAGS.has(t));
}

/**
 * A common word, or a vocabulary word that names nothing: "Health", "Welfare", "Green Growth" inside a name (compromise
 * knows it as no name, or wink-nlp's vocabulary holds it and compromise knows it as no name).
 */
export function isPlainWord(word: string): boolean {
  return isCommonWord(word) || (isVocabularyWord(word) && !isNameWord(word));
}

/** Whether compromise knows `word` (lower case) as a name of a person, place or organisation. */
export function isNameWord(word: string): boolean {
  return tagsOf(word).some((t) => NAME_TAGS.has(t));
}

const MODIFIER_TAGS = new Set(["Adjective", "Cardinal", "TextValue", "Ordinal", "Determiner"]);

/** Whether compromise knows `word` (lower case) as an adjective or number word ("red", "one"). */
export function isModifierWord(word: string): boolean {
  return tagsOf(word).some((t) => MODIFIER_TAGS.has(t));
}

const taggerCache = new Map<string, string[]>();

/**
 * Whether compromise reads `word` (lower case) as a plural common noun ("regulators"). This runs compromise's
 * tagger, so it is kept for the rare sentence-initial unknown word, and cached.
 */
export function isPluralNoun(word: string): boolean {
  const tags = taggedAs(word);
  return tags.includes("Plural") && !tags.includes("ProperNoun");
}

/** Whether compromise's tagger reads `word` (lower case) as a surname or a person ("harris", by its rules). */
function isTaggedPerson(word: string): boolean {
  const tags = taggedAs(word);
  return tags.includes("LastName") || tags.includes("Person");
}

/** Compromise's tags for one word read alone (its tagger, not only its lexicon), cached; empty for several terms. */
function taggedAs(word: string): string[] {
  let tags = taggerCache.get(word);
  if (tags === undefined) {
    const terms = (nlp(word).json() as { terms: { tags: string[] }[] }[])[0]?.terms ?? [];
    tags = terms.length === 1 ? terms[0].tags : [];
    if (taggerCache.size < 10_000) taggerCache.set(word, tags);
  }
  return tags;
}

/** Whether `word` (lower case) starts organisation names: "Bank Mazowsze", "Banco Sabadell", "Grupo Televisa". */
export function isLeadingOrgWord(word: string): boolean {
  return LEADING_ORG.has(word);
}

/** Whether `word` (lower case) ends organisation names. */
export function isOrgHead(word: string): boolean {
  return ORG_HEADS.has(word);
}

/** Heads of bodies' names that take a "for" complement: "Court for the Northern District", "Institute for X". */
const FOR_HEADS = new Set([
  ...["court", "committee", "commission", "council", "institute", "centre", "center", "office", "agency"],
  // "Centers for Disease Control and Prevention".
  ...["centres", "centers"],
  ...["foundation", "fund", "association", "society", "alliance", "coalition", "campaign", "league", "union"],
  ...["network", "movement", "party", "organisation", "organization", "department", "ministry", "board"],
  ...["authority", "service", "trust", "programme", "program", "school", "college", "bureau", "tribunal"],
  ...["federation", "forum", "group", "initiative", "project", "academy", "university", "observatory", "hospital"],
  ...["clinic", "museum", "library", "chamber", "bank", "council", "institution", "secretariat", "panel", "mission"],
  // "Swiss Laboratory for Doping Analyses".
  ...["laboratory", "laboratories"],
  // "U.S. Court of Appeals for the Third Circuit".
  ...["appeals"],
  // "High Military Command for the Restoration of Order".
  ...["command"],
]);

/**
 * Whether a name ending with `word` (lower case) can go on with a "for" complement: an institution's head, not a
 * firm's trade word ("Orbitale Systems for the European Space Agency" is two names).
 */
export function takesForComplement(word: string): boolean {
  return FOR_HEADS.has(word);
}

/** Whether `word` (lower case) as a name's last word makes it an organisation ("... Bank", "... Front"). */
export function endsOrgName(word: string): boolean {
  return ORG_HEADS.has(word) || ORG_LAST_WORDS.has(word) || TRADE_ENDING.test(word);
}

/** Whether `word` (lower case) ends names of states and realms ("... Empire", "... Republic"). */
export function isPolityHead(word: string): boolean {
  return POLITY_HEADS.has(word);
}

/** Whether `word` (lower case) ends names of organisations, events, places or things built ("... Bridge"). */
export function isNameHead(word: string): boolean {
  return ORG_HEADS.has(word) || EVENT_HEADS.has(word) || PLACE_HEADS.has(word) || FOLLOWING_PLACE.has(word);
}

/** Word endings of town names in many languages (Greek -pol(is), Slavic -grad/-sk, Germanic -burg, Persian -abad...). */
const TOWN_ENDING = /\p{L}{3}(?:pol|polis|grad|gorod|burg|burgh|bourg|ville|stadt|dorf|insk|ovsk|evsk|abad|pur)$/u;

/** How a name follows a locative: right after it ("in Sochi"), or coordinated with a name after it ("in X and Y"). */
type Locative = "direct" | "coordinated" | null;

/**
 * Whether the name at token `from` follows a locative preposition ("in Sochi"), a place noun's "of" ("the port of
 * Odesa", "the government of Catalonia"), or a capitalised name coordinated after one ("in Eixample and Ciutat Vella").
 */
function afterLocative(tokens: Token[], from: number): Locative {
  let k = from - 1;
  for (let hops = 0; hops < MAX_CONJUNCTS && k >= 0; hops++) {
    const prev = tokens[k];
    const before = tokens[k - 1];
    // "the mayor of Porto Alegre, Helena Bittencourt,": a comma alone may open an apposition, not a list.
    const found = hops === 0 ? "direct" : tokens[from - 1].lower === "," ? "direct" : "coordinated";
    if (LOCATIVE.has(prev.lower)) return found;
    // "the mayor of Balikpapan, Hendra Saputra,": after an office's place and a comma, the holder's name.
    if (prev.lower === "of" && hops > 0 && tokens[from - 1].lower === "," && OFFICES_OF_PLACES.has(before?.lower ?? ""))
      return null;
    if (prev.lower === "of" && before && (PLACE_NOUNS.has(before.lower) || PLACE_OF.has(before.lower))) return found;
    if (prev.lower !== "and" && prev.lower !== "or" && prev.lower !== ",") return null;
    k--;
    if (tokens[k]?.lower === ",") k--;
    let words = 0;
    while (k >= 0 && startsUpper(tokens[k].text) && tokens[k].sentence === tokens[from].sentence && words < 4) {
      k--;
      words++;
    }
    if (words === 0) return null;
  }
  return null;
}

/** Offices in lower case that a place's name comes before: "the Kwara governor" (a title's capital is read apart). */
const PLACE_OFFICES_AFTER = new Set(["governor", "governorship", "mayor", "mayoralty"]);
/** Most words of the name coordinated after "and" before a plural place noun. */
const MAX_LISTED_WORDS = 3;

/** Whether "and", a capitalised name and a plural place noun follow token `to`: "X and Ghotki districts". */
function placesListed(tokens: Token[], to: number): boolean {
  if (tokens[to]?.lower !== "and") return false;
  let k = to + 1;
  while (k < to + 1 + MAX_LISTED_WORDS && tokens[k] && startsUpper(tokens[k].text) && tokens[k].pos !== "PUNCT") k++;
  const noun = tokens[k];
  return k > to + 1 && !!noun && startsLower(noun.text) && PLACE_NOUNS.has(noun.lower) && noun.lower.endsWith("s");
}

/** Offices "of" a place whose holder an apposition after the place names ("the mayor of X, Y,"). */
const OFFICES_OF_PLACES = new Set(["mayor", "governor", "president", "premier"]);

/** Prepositions that put a town's name on a route: "the road between Ravenna and Chioggia", "via Gdynia". */
const ROUTE_PREPOSITIONS = new Set(["between", "via", "towards", "toward"]);
/** Verbs of sending or travelling whose "to X" is a destination, not a buyer or a club ("diverted ships to Gdynia"). */
const TRAVEL_VERBS = new Set(["divert", "travel", "fly", "sail", "deport", "evacuate", "relocate", "drive", "reroute"]);
/** Most words between a travel verb and its "to" ("diverted two vessels to"). */
const MAX_TRAVEL_OBJECT = 4;

/**
 * Whether the one word at `from` is used as a town's name: on a route ("between X and", "via X"), as a destination
 * of travel ("diverted two vessels to X"), or before the kind of a body named next ("the Monterrey sportswear firm
 * Zorzal Sport"). The caller still asks the place index whether a town bears the name.
 */
function townUse(tokens: Token[], from: number): boolean {
  let k = from - 1;
  if (tokens[k]?.lower === "and" && ROUTE_PREPOSITIONS.has(tokens[k - 2]?.lower ?? "")) return true;
  if (ROUTE_PREPOSITIONS.has(tokens[k]?.lower ?? "")) return true;
  if (tokens[k]?.lower === "to")
    for (k--; k >= 0 && k >= from - 2 - MAX_TRAVEL_OBJECT && tokens[k].sentence === tokens[from].sentence; k--)
      if (tokens[k].pos === "VERB") return TRAVEL_VERBS.has(tokens[k].lemma.toLowerCase());
  if (tokens[from - 1]?.pos !== "DET") return false;
  let n = from + 1;
  while (n < from + 4 && tokens[n] && startsLower(tokens[n].text) && tokens[n].pos !== "VERB") n++;
  return n > from + 1 && isFirmNoun(tokens[n - 1].lower) && startsUpper(tokens[n]?.text ?? "");
}

/** Whether `word` (lower case) ends the names of agreements and laws ("... Treaty", "... Act"). */
export function isAgreementHead(word: string): boolean {
  return AGREEMENT_HEADS.has(word);
}

/** Whether `word` (lower case) ends the names of events ("... Open", "... Cup"). */
export function isEventHead(word: string): boolean {
  return EVENT_HEADS.has(word);
}

/**
 * The type of the proper name `tokens[from, to)`, or null when nothing decides it. `titled` says a title or role
 * preceded it ("Chancellor Olaf Scholz"); `knownPlace` says whether a word is a known place (gazetteer).
 */
export function typeName(
  tokens: Token[],
  from: number,
  to: number,
  titled: boolean,
  knownPlace: (lower: string) => boolean,
): EntityType | null {
  const words = nameWords(tokens, from, to);
  // "Procter & Gamble", "Marks & Spencer": an ampersand joins the names of a firm.
  if (words.includes("&")) return "organization";
  // "Bodø/Glimt", "Polydor/Polar": two names a slash joins are a club's or a firm's.
  if (words.includes("/")) return "organization";
  // "beating Cagliari 2-0": a match's score after a name makes it a team's, whatever town it also names ("beating
  // Taylor Fritz 6-3": unless a given name opens it).
  if (isScore(tokens[to]?.text ?? "") && !isPersonWord(words[0])) return "organization";
  // "Inflection AI", "Mistral AI": a firm's name that ends with the letters of its trade.
  if (to - from > 1 && tokens[to - 1].text === "AI") return "organization";
  // "Park Hye-jin", "Moon Jae-in": a family name and a hyphenated Korean given name.
  if (words.length === 2 && isHyphenatedGivenName(tokens[to - 1].text)) return "person";
  // "van Dam said", "de Gaulle": a lower-case particle starts only a person's surname.
  if (words.length === 2 && NAME_PARTICLES.has(tokens[from].text)) return "person";
  // "IFK Göteborg", "PSV Eindhoven", "BBC Radio", "MTN South Africa": an acronym does not start a person's name, nor
  // a place's (a firm's national unit is named by the firm and the state).
  // ("the CHIPS and Science Act", "the NBA Finals": unless a law's or an event's head word ends it.)
  const lawOrEvent = AGREEMENT_HEADS.has(words[words.length - 1]) || EVENT_HEADS.has(words[words.length - 1]);
  if (words.length > 1 && /^[A-Z]{3,5}$/.test(tokens[from].text) && !knownPlace(words[0]) && !lawOrEvent)
    return "organization";
  // "VfL Wolfsburg", "FC Porto", "SK Rapid Wien": a club's initials open its name (two capitals only from the clubs'
  // own list: "JD Vance" is a person's).
  if (words.length > 1 && (CLUB_INITIALS.has(tokens[from].text) || MIXED_INITIALS.test(tokens[from].text)))
    return "organization";
  const whole = tagsOf(words.join(" "));
  if (whole.includes("Organization")) return "organization";
  if (whole.some((t) => PLACE_TAGS.has(t))) return "location";
  if (productBefore(tokens, to, words)) return "work";
  // "the Benetton family's Atlantia": a family, not a body or a person.
  // ("a Pilbara family saga": not when the noun only modifies another.)
  const family = /^(?:family|clan)$/.test(tokens[to]?.lower ?? "") && tokens[to + 1]?.pos !== "NOUN";
  if (family && words.length === 1) return "group";
  // "Idorsia's insomnia drug Quviviq", "its lupus drug DB-217": a product's noun right before a one-word name.
  if (productNamed(tokens, from, to)) return "work";
  // "Ministry of Forests", "University of Oxford", "District Court for the Northern District", "Standing Committee on
  // Finance": the word before the first "of", "for" or "on" heads the name, whatever ends it.
  const of = words.findIndex((w) => w === "of" || w === "for" || w === "on");
  // "Queen's University Belfast": what the possessive owns heads the name, whatever town ends it.
  const owned = words.indexOf("'s") + 1;
  const last =
    of > 0 && (ORG_HEADS.has(words[of - 1]) || PLACE_HEADS.has(words[of - 1]) || EVENT_OF_HEADS.has(words[of - 1]))
      ? words[of - 1]
      : owned > 0 && owned < words.length - 1 && ORG_HEADS.has(words[owned])
        ? words[owned]
        : words[words.length - 1];
  // "Kennedy Space Center", "Adelaide Entertainment Centre", "Subaru Telescope": a venue or an instrument's site, where
  // "Kasikorn Research Center" is an institute.
  const venueCentre = (last === "centre" || last === "center") && VENUE_CENTRE_KINDS.has(words[words.length - 2]);
  if (last === words[words.length - 1] && words.length > 1 && (venueCentre || last === "telescope")) return "location";
  // "House of Representatives", "House of Commons": a chamber, not a building.
  if (last === "house" && words[of] === "of") return "organization";
  if (endsOrgName(last)) return "organization";
  // "Perú Libre", "Cruzada Nacional": a Spanish or Portuguese adjective that ends the name of a party or body.
  if (words.length > 1 && ROMANCE_BODY_ENDINGS.has(last)) return "organization";
  // "Quillon Games, the Seattle-based maker of...": a firm's context outweighs an event's head word.
  if (EVENT_HEADS.has(last)) return contextType(tokens, from, to) === "organization" ? "organization" : "event";
  // "Hurricane Kyle", "Typhoon Haiyan", "Tropical Storm Alberto": a storm's name, not a person's.
  if (words.length > 1 && STORM_WORDS.has(words[words[0] === "tropical" ? 1 : 0])) return "event";
  if (AGREEMENT_HEADS.has(last)) return "agreement";
  // A title before the name says person, whatever place word ends it ("Judge Helen Marsh").
  if (titled) return "person";
  // "X, the Calgary-based railway", "agreed to acquire X": what the sentence says of the name outweighs its look.
  // "Madrid's Barajas Airport": a name a venue's head word ends is a place, whatever is said of it.
  if (VENUE_HEADS.has(last) && words.length > 1) return "location";
  // "the former Kwara governor", "the Lagos governor": a place's office after its name.
  const office = tokens[to];
  if (office && PLACE_OFFICES_AFTER.has(office.text) && !endsOrgName(last)) return "location";
  if (isTownTeam(words, knownPlace)) return "organization";
  // "a teacher from Ilave", "a retired postman from Esbjerg", "a 24-year-old from Herning": after a person's
  // occupation or age, "from" names the place they come from, whatever the clause after it says.
  if (personFrom(tokens, from) && !isFirstName(words[0])) return "location";
  // "to Kashmore and Ghotki districts": a name coordinated before a plural place noun is one of the places.
  if (placesListed(tokens, to)) return "location";
  const cue = contextType(tokens, from, to);
  // "Balderton's partner Ines Kowalczyk", "the investor Michael Moritz": a noun that names firms and people alike
  // yields to a given name and surname.
  const partner = EITHER_NOUNS.has(tokens[from - 1]?.lower ?? "") && words.length === 2 && isFirstName(words[0]);
  if (cue && !(cue === "organization" && partner)) return cue;
  if (FOLLOWING_PLACE.has(tokens[to]?.lower ?? "")) return "location";
  const firstNamed = isFirstName(words[0]) && !knownPlace(words[0]);
  if (words.length === 2 && firstNamed && SURNAME_PLACE_WORDS.has(last)) return "person";
  // "Marieke van Dam": "van" and "von", or a given name, before the particles make a person of a place-like surname.
  const particled = personWithParticles(tokens, from, to, words);
  if (particled && (words[1] === "van" || words[1] === "von" || firstNamed)) return "person";
  if (PLACE_HEADS.has(last) && words.length > 1) return "location";
  // "the World Food Programme (WFP)": people's names do not come with an acronym of their initials.
  if (acronymAfter(tokens, to, words)) return "organization";
  if (LEADING_ORG.has(words[0]) && words.length > 1) return "organization";
  // "Defensor Sporting": a club's word ends its name too (alone, "Sporting" is a club the lexicon may know).
  if (last === "sporting" && words.length > 1) return "organization";
  if (LEADING_PLACE.has(words[0]) && words.length > 1 && !isFirstName(words[1])) return "location";
  const following = tokens[to]?.lower ?? "";
  if (OUTLET_NOUNS.has(following)) return "organization";
  // "St Louis, Missouri", "San Fernando, Chile": a name followed by a known place after a comma is a place in it.
  // ("Mykhailo Podolyak, Kyiv's lead negotiator" is no place: the place there owns what follows.)
  if (tokens[to]?.lower === "," && startsUpper(tokens[to + 1]?.text ?? "") && tokens[to + 2]?.pos !== "PART") {
    const place = tokens[to + 1].lower;
    if ((knownPlace(place) || isPlaceName(place)) && !isFirstName(words[0])) return "location";
  }
  const saint = SAINT_PREFIX.has(words[0]);
  // "San Carlos de Bariloche", "Santa Cruz de la Sierra": a saint's name with a place particle names a town.
  if (saint && words.length > 2 && words.some((w) => w === "de" || w === "del" || w === "do" || w === "da"))
    return "location";
  // "the lake Saimaa", "the island Vigra": a place noun in lower case right before the name.
  const prev = tokens[from - 1];
  if (prev && PLACE_NOUNS.has(prev.text) && prev.pos === "NOUN" && !isFirstName(words[0])) return "location";
  // "in MINUSMA": an acronym of four letters or more names a body; places' acronyms are short ("UK", "NYC").
  if (to - from === 1 && /^\p{Lu}{4,}$/u.test(tokens[from].text) && !knownPlace(words[0])) return "organization";
  // "in Onehunga and Glen Innes", "the provinces of Dak Lak, Khanh Hoa and Gia Lai": a name coordinated with places
  // is one, though it starts like a given name; right after "in" a person may follow ("in 2019 Lewis Hamilton").
  const locative = afterLocative(tokens, from);
  if (locative === "coordinated" && words.length > 1 && tokens[to]?.pos !== "VERB") return "location";
  if (locative && (saint || words.length === 1 || words.every((w) => !isFirstName(w)))) return "location";
  // "the title at Flushing Meadows", "a concert at the Eventim Apollo": after "at", a name of several words none of
  // which is a first name is a venue, unless it is a town's team ("his career at Accra Lions").
  const at = prev?.lower === "the" ? tokens[from - 2] : prev;
  const team = words.length === 2 && knownPlace(words[0]) && isPluralNoun(last) && !PLACE_HEADS.has(last);
  if (at?.lower === "at" && words.length > 1 && !words.some(isFirstName) && !isModifierWord(words[0]) && !team)
    return "location";
  const placeWord = (w: string) => knownPlace(w) || isPlaceName(w);
  if (placeApposition(tokens, to)) return "location";
  // "the Vía Andina consortium", "the Eventim Apollo": the article says it is no person's name.
  if (prev?.lower === "the" && words.length > 1) return isGazetteerPlace(words) ? "location" : "organization";
  // "Lewis Hamilton": a first name that is not itself a known place starts a person's name.
  if (words.length >= 2 && words.length <= 4 && isFirstName(words[0]) && !knownPlace(words[0])) return "person";
  // "Ablekuma North", "Okaikwei Central": a constituency or district named by a place and a compass word after it.
  if (words.length === 2 && COMPASS_AFTER.has(last) && !isFirstName(words[0])) return "location";
  // "Northern Ireland", "Western Australia": a compass word before a place is still a place.
  if (words.length > 1 && placeWord(last) && words.slice(0, -1).every((w) => COMPASS.has(w))) return "location";
  // "Lewis Hamilton": words compromise knows as names of people, and no word that is only a place.
  if (words.length > 1 && words.some(isPersonWord) && !words.some((w) => placeWord(w) && !isPersonWord(w)))
    return "person";
  // "Weiden am See", "Frankfurt am Main": a name the gazetteer knows as a town.
  if (isGazetteerPlace(words)) return "location";
  // "Universidad de Chile", "Vitória de Guimarães": a particle before a known place names a body after it.
  if (words.length > 2 && NAME_PARTICLES.has(words[words.length - 2]) && placeWord(last) && !isFirstName(words[0]))
    return "organization";
  if (particled) return "person";
  // "Paris Saint-Germain", "Borussia Dortmund": a place inside a longer name makes it a club or company.
  if (words.length > 1 && words.some(placeWord)) return "organization";
  // "AeroSystems", "PlayStation": a capital inside a word after three lower-case letters marks a brand.
  if (tokens.slice(from, to).some((t) => /\p{Ll}{3}\p{Lu}/u.test(t.text))) return "organization";
  if (words.length >= 2 && words.length <= 4 && isFirstName(words[0])) return "person";
  if (words.some((w) => tagsOf(w).includes("Organization"))) return "organization";
  // "Voltaire", "Napoleon": one word compromise knows as a person's name.
  if (words.length === 1 && tagsOf(words[0]).includes("Person")) return "person";
  if (words.length === 1 && /^[A-Z]{2,6}$/.test(tokens[from].text)) return "organization";
  // Unknown names of two to four words are people unless a word is an adjective or number ("Formula One", "Red Bull"),
  // or every word is a common noun and the tagger knows the last as one ("World Athletics", "Human Rights"; wink-nlp's
  // vocabulary alone holds surnames too).
  if (
    words.length >= 2 &&
    words.length <= 4 &&
    !words.includes("of") &&
    !words.includes("and") &&
    !words.some(isModifierWord) &&
    !(isCommonWord(words[words.length - 1]) && words.every(isPlainWord))
  )
    return "person";
  if (words.length > 1) return "organization";
  // "the carmaker's Ulsan plant": a word the place index knows, before a facility noun, is the place of the works
  // (firms that share a town's name are known to the tagger as organisations; "from X" is no sign: clubs are named
  // after their towns).
  if (words.length === 1 && townUse(tokens, from) && placeLookup().within(tokens[from].text).length > 0)
    return "location";
  if (words.length === 1 && FACILITY_NOUNS.has(following) && placeLookup().within(tokens[from].text).length > 0)
    return "location";
  // "the site of a Ford factory": a name no town bears, between an article and a works noun, is the firm's.
  if (words.length === 1 && FACILITY_NOUNS.has(following) && isArticle(tokens[from - 1]?.lower ?? ""))
    return "organization";
  // "Mariupol", "Yekaterinburg", "Hyderabad": endings that in many languages make a word a town's name.
  // "Europol", "Interpol": a police body's name, not a town's ending.
  if (words.length === 1 && TOWN_ENDING.test(words[0]) && !/^(?:euro|inter)/.test(words[0])) return "location";
  // "the Donbas area", "the Beltway Confidential blog": the common noun after the name says what it is.
  const next = tokens[to]?.lower ?? "";
  if (PLACE_NOUNS.has(next) || next === "area") return "location";
  // ("Wildfire forces 9,000 from their homes": "forces" and "force" after a name are verbs as often as bodies.)
  if ((ORG_HEADS.has(next) && next !== "forces" && next !== "force") || OUTLET_NOUNS.has(next)) return "organization";
  return null;
}

/** A word in lower case, hyphens allowed ("mobile-money"). */
const LOWER_WORD = /^\p{Ll}[\p{Ll}-]*$/u;

/** A Korean given name written with a hyphen: "Hye-jin", "Jae-in", "Tae-won". */
const HYPHENATED_GIVEN_NAME = /^\p{Lu}\p{Ll}{1,4}-\p{Ll}{1,4}$/u;

/** Whether `text` is a hyphenated Korean given name ("Hye-jin", "Jae-myung"). */
export function isHyphenatedGivenName(text: string): boolean {
  return HYPHENATED_GIVEN_NAME.test(text);
}

/** Whether `text` is a word in lower case, hyphens allowed ("co-founder", "mobile-money"). */
export function isLowerCaseWord(text: string): boolean {
  return LOWER_WORD.test(text);
}

/** Nouns of products that a model's name stands before: "the Nuri rocket", "GE9X engines", "a CRISPR therapy". */
const PRODUCT_NOUNS = new Set(
  [
    ...["rocket", "engine", "jet", "airliner", "plane", "missile", "drone", "chip", "processor", "vaccine", "drug"],
    ...["pill", "app", "handset", "phone", "smartphone", "car", "truck", "vehicle", "launcher", "spacecraft"],
    ...["telescope", "reactor", "turbine", "fighter", "rifle", "tablet", "laptop", "console", "jab"],
  ].flatMap((w) => [w, `${w}s`]),
)
  .add("aircraft")
  .add("therapy")
  .add("therapies")
  .add("treatment")
  .add("service");

/**
 * Whether a product's noun follows the name `[from, to)` of one word or with a digit in it, perhaps past one lower-case
 * modifier ("the MoMo mobile-money service", "737 MAX jets"): the name is a model's or a brand's, not its maker's
 * (makers the tagger or lexicon knows never get here).
 */
function productBefore(tokens: Token[], to: number, words: string[]): boolean {
  if (words.length > 1 && !words.some((w) => /\d/.test(w))) return false;
  let k = to;
  // "the MoMo mobile-money service", "737 MAX 10 jets": one modifier or model number between.
  const t = tokens[k];
  const modifier =
    t && ((LOWER_WORD.test(t.text) && (t.pos === "NOUN" || t.pos === "ADJ")) || /^\d{1,4}$/.test(t.text));
  if (modifier && !PRODUCT_NOUNS.has(tokens[k].lower)) k++;
  const noun = tokens[k];
  return !!noun && noun.pos === "NOUN" && startsLower(noun.text) && PRODUCT_NOUNS.has(noun.lower);
}

/**
 * Whether a product's noun in lower case stands right before the one-word name `[from, to)` and no verb follows it
 * ("the drug Quviviq in 14 countries", not "the vaccine Pfizer developed").
 */
function productNamed(tokens: Token[], from: number, to: number): boolean {
  const noun = tokens[from - 1];
  const next = tokens[to];
  if (to - from !== 1 || !noun || noun.pos !== "NOUN" || !startsLower(noun.text) || !PRODUCT_NOUNS.has(noun.lower))
    return false;
  // "the delivery app Dashly", "the streaming service Boomplay": news names a firm by its app or service.
  if (isFirmNoun(noun.lower) || noun.lower === "service") return false;
  return !next || (next.pos !== "VERB" && next.pos !== "AUX");
}

/** Whether "(XYZ)" follows the name, XYZ being capitals that start with the name's initial: "Food Programme (WFP)". */
function acronymAfter(tokens: Token[], to: number, words: string[]): boolean {
  const acronym = tokens[to + 1]?.text ?? "";
  return (
    tokens[to]?.text === "(" &&
    tokens[to + 2]?.text === ")" &&
    /^[A-Z]{2,6}$/.test(acronym) &&
    acronym[0] === words[0][0]?.toUpperCase()
  );
}

/** Whether ", a district" or ", the town" (a place noun heading an apposition) follows the name at `to`. */
function placeApposition(tokens: Token[], to: number): boolean {
  if (tokens[to]?.lower !== "," || !/^(?:the|a|an)$/.test(tokens[to + 1]?.lower ?? "")) return false;
  for (let j = to + 2; j < to + 5 && tokens[j]; j++) {
    // "X, a city councillor" is a person: the place noun must head the apposition.
    if (PLACE_NOUNS.has(tokens[j].lower) || tokens[j].lower === "neighbourhood" || tokens[j].lower === "neighborhood")
      return tokens[j + 1]?.pos !== "NOUN" && tokens[j + 1]?.lower !== "'s";
    if (tokens[j].pos === "PUNCT" || tokens[j].pos === "VERB" || tokens[j].pos === "ADP") return false;
  }
  return false;
}
