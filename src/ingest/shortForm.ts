/**
 * Short forms across documents: the names by which a later article may call an entity of the graph — a person by
 * the surname, with or without a title ("Putin", "President Putin" for "Vladimir Putin"), an organisation without
 * its designator ("Microsoft" for "Microsoft Corp.", "Graz" for "FC Graz") or by its initials ("ECB" for "European
 * Central Bank", and the other way round).
 */
import type { EntityType } from "../model/types.ts";
import { normalizeName } from "../search/normalize.ts";

/**
 * Words that follow a firm's own name ("Corp.", "Inc", "Group"), normalised. Only these make a short form of an
 * organisation: on 226 real articles, first words alone ("Harvard" for "Harvard University", but also "Atlantic" for
 * "Atlantic Council", "Apple" for "Apple TV") joined wrongly about two times in three.
 */
const DESIGNATORS = new Set([
  ...["corp", "corporation", "inc", "incorporated", "ltd", "limited", "plc", "llc", "co", "company", "group"],
  ...["holdings", "ag", "sa", "gmbh", "nv", "se"],
]);
/** Words that precede a club's own name ("FC Graz", "SV Linz"), normalised. */
const LEADING_DESIGNATORS = new Set(["fc", "afc", "cf", "sc", "sv", "fk", "nk", "sk", "ac", "as", "vfb", "vfl", "tsv"]);
/** Titles and honorifics said before a surname ("President Putin", "Ms Halvorsen"), normalised. */
const TITLES = new Set([
  ...["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor"],
  ...["president", "prime", "minister", "chancellor", "mayor", "governor", "senator", "councillor", "councilor"],
  ...["judge", "justice", "coach", "manager", "general", "king", "queen", "prince", "princess", "pope"],
]);
/** Small words an acronym leaves out ("Competition and Markets Authority" → CMA). */
const ACRONYM_SKIPS = new Set(["and", "of", "the", "for", "on", "in", "de", "du", "des", "la", "le", "&"]);
/** Shortest short form: one- and two-letter words are initials or particles far more often than names. */
const MIN_SHORT_LENGTH = 3;
/** An acronym as written: capitals (and digits), 3 to 6 of them. */
const ACRONYM = /^[A-Z][A-Z0-9]{2,5}$/;
/** Mark the keys of a long name's initials and of a name written as an acronym: one meets only the other. */
const INITIALS_KEY = "=";
const ACRONYM_KEY = "#";

/**
 * The short forms of a node named `label` of `type`, as lookup keys (none for other types): a person's last word
 * (words split at spaces only, so "Jean-Luc" stays one word); an organisation's name without a designator before or
 * after it, and its acronym (its initials when it has three or more words, or its label when it is one).
 */
export function shortFormsOf(label: string, type: EntityType): string[] {
  const words = label.trim().split(/\s+/);
  if (type === "person") {
    const form = words.length >= 2 ? normalizeName(words[words.length - 1]) : "";
    return form.length >= MIN_SHORT_LENGTH ? [form] : [];
  }
  if (type !== "organization") return [];
  const forms: string[] = [];
  if (words.length >= 2 && DESIGNATORS.has(normalizeName(words[words.length - 1])))
    forms.push(nameKey(words.slice(0, -1).join(" ")));
  if (words.length >= 2 && LEADING_DESIGNATORS.has(normalizeName(words[0])))
    forms.push(nameKey(words.slice(1).join(" ")));
  const acronym = acronymOf(label);
  if (acronym) forms.push(acronymKey(label, acronym, false));
  return forms.filter((f) => f.length >= MIN_SHORT_LENGTH);
}

/**
 * The keys under which `name` (of `type`) looks for the entity it shortens: for a person one word, after any title;
 * for an organisation its name and its acronym. None when the name cannot be a short form.
 */
export function shortFormKeys(name: string, type: EntityType): string[] {
  if (type === "person") {
    const key = nameKey(withoutTitle(name));
    return key.length >= MIN_SHORT_LENGTH && !key.includes(" ") ? [key] : [];
  }
  if (type !== "organization") return [];
  const acronym = acronymOf(name);
  const key = nameKey(name);
  return [...(key.length >= MIN_SHORT_LENGTH ? [key] : []), ...(acronym ? [acronymKey(name, acronym, true)] : [])];
}

/**
 * The key of an acronym: a name written as one ("ECB") and a long name's initials ("European Central Bank") get
 * keys that meet each other when looked up, never their own kind — two long names with the same initials ("Liberal
 * Democratic Party", "Legendary Dolly Parton") are no evidence of one entity.
 */
function acronymKey(name: string, acronym: string, lookup: boolean): string {
  const written = ACRONYM.test(name.trim().replace(/\./g, ""));
  return (written === lookup ? INITIALS_KEY : ACRONYM_KEY) + acronym;
}

/** `type:short form` → the ids of the nodes of that type it may stand for, built from `nodes` (id, label, type). */
export function shortFormIndex(
  nodes: Iterable<{ id: string; label: string; type: EntityType }>,
): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const { id, label, type } of nodes)
    for (const form of shortFormsOf(label, type)) {
      const list = index.get(`${type}:${form}`);
      if (!list) index.set(`${type}:${form}`, [id]);
      else if (!list.includes(id)) list.push(id);
    }
  return index;
}

/** The one node of `index` that `name` is a short form of, or null when none or several are. */
export function shortFormTarget(index: Map<string, string[]>, name: string, type: EntityType): string | null {
  const nodes = new Set(shortFormKeys(name, type).flatMap((key) => index.get(`${type}:${key}`) ?? []));
  return nodes.size === 1 ? [...nodes][0] : null;
}

/**
 * The name an article calls a node (`label`, `aliases`, `type`) by when each of `surfaces` (its mentions' text) is
 * only a short form of the label — the longest of them — or null when one gives the label or an alias.
 */
export function shortFormSurface(
  node: { label: string; aliases: string[]; type: EntityType },
  surfaces: string[],
): string | null {
  const forms = new Set(shortFormsOf(node.label, node.type));
  // An alias that is itself a short form ("Novak", kept from the article that named "Petra Novak") is no full name.
  const full = new Set([node.label, ...node.aliases].map(nameKey).filter((key) => !forms.has(key)));
  if (!forms.size || !surfaces.length || surfaces.some((s) => full.has(nameKey(withoutTitle(s))))) return null;
  if (!surfaces.every((s) => shortFormKeys(s, node.type).some((key) => forms.has(key)))) return null;
  return surfaces.reduce((a, b) => (b.length > a.length ? b : a));
}

/** `name` without the titles before it ("President Marko Vidmar" → "Marko Vidmar"); the name itself if all title. */
export function withoutTitle(name: string): string {
  const words = name.trim().split(/\s+/);
  let first = 0;
  while (first < words.length - 1 && TITLES.has(normalizeName(words[first]))) first++;
  return words.slice(first).join(" ");
}

/**
 * The lower-case acronym `name` is or makes: the name itself when written as one ("ECB"), else the initials of its
 * words but the small ones when there are three or more ("Competition and Markets Authority" → "cma"); null else.
 */
function acronymOf(name: string): string | null {
  const trimmed = name.trim().replace(/\./g, "");
  if (ACRONYM.test(trimmed)) return trimmed.toLowerCase();
  const words = trimmed.split(/\s+/).filter((w) => !ACRONYM_SKIPS.has(w.toLowerCase()));
  if (words.length < 3 || !words.every((w) => /^\p{Lu}/u.test(w))) return null;
  return normalizeName(words.map((w) => w[0]).join(""));
}

/** The normalised name without a leading "the", as resolution compares names. */
function nameKey(name: string): string {
  return normalizeName(name).replace(/^the /, "");
}
