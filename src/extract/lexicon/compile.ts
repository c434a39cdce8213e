/**
 * Compiled context: the ontology, graph, curated lexicon and gazetteer turned into lookup tables the rules use.
 */
import type { KnowledgeGraph } from "../../model/types.ts";
import type { Ontology, PredicateDefinition } from "../../model/schemas.ts";
import { foldQuotes } from "../nlp/analyse.ts";
import { gazetteer } from "./gazetteer.ts";
import { normalizeName } from "./normalize.ts";
import type { Lexicon, LexiconEntry, LexiconName, NameKind } from "./types.ts";

/** How a token of a known name must be written in the text to match. */
type CaseRule = "exact" | "capitalized" | "any";

/** A known name as a token sequence. */
export interface NamePattern {
  tokens: string[];
  cases: CaseRule[];
  original: string[];
  name: LexiconName;
}

/** A multi-word phrase keyed by its first word: a verb phrase ("take part in") or a role ("chief executive"). */
export interface Phrase<T> {
  words: string[];
  value: T;
}

/** Prefixes that make a role's deputy or former holder: "co-founder", "vice-president", "deputy minister". */
const ROLE_PREFIXES = ["co-", "vice-", "vice ", "deputy ", "ex-"];

/** Everything the extractor looks up, built once per context. */
export interface CompiledContext {
  ontology: Ontology;
  predicates: Record<string, PredicateDefinition>;
  /** Known names by their first token (lower case), longest first. */
  names: Map<string, NamePattern[]>;
  /** Role phrases (lower case) -> predicate. */
  roles: Map<string, Phrase<string>[]>;
  /** Verb phrases keyed by the verb's lemma -> predicates in ontology order. */
  verbs: Map<string, Phrase<string[]>[]>;
  gifts: Map<string, string>;
  groupNouns: Set<string>;
  /** For graph nodes with a common-noun name: the ids of their neighbours in the graph. */
  anchors: Map<string, Set<string>>;
}

/** Compiles the lookup tables; the graph wins over the curated lexicon, which wins over the gazetteer. */
export function compileContext(ontology: Ontology, lexicon: Lexicon, graph?: KnowledgeGraph): CompiledContext {
  const names = new NameTable();
  const anchors = new Map<string, Set<string>>();
  if (graph)
    graph.forEachNode((id, a) => {
      names.addEntry({ id, label: a.label, type: a.type, subtype: a.subtype, aliases: a.aliases, origin: "graph" });
      if ([a.label, ...a.aliases].some(isGenericName)) anchors.set(id, new Set(graph.neighbors(id)));
    });
  for (const entry of lexicon.entries) names.addEntry(entry, entry.demonyms && withDemonyms(entry, entry.demonyms));
  for (const g of gazetteer()) names.addEntry(g.entry, g.names);
  for (const [seat, target] of Object.entries(ontology.metonymy.seats))
    names.addSeat(seat, target.slice("country:".length));
  return {
    ontology,
    predicates: ontology.predicates,
    names: names.patterns(),
    // "co-chief executive" and "vice-president" hold the role as much as "chief executive" and "president".
    roles: phraseTable(
      Object.entries(lexicon.roles).flatMap(([p, nouns]) =>
        nouns.flatMap((n) => ["", ...ROLE_PREFIXES].map((prefix) => [`${prefix}${n}`, p] as const)),
      ),
    ),
    verbs: verbTable(ontology),
    gifts: new Map(
      Object.entries(lexicon.gifts).flatMap(([p, nouns]) => nouns.map((n) => [n.toLowerCase(), p] as const)),
    ),
    groupNouns: new Set(lexicon.groupNouns.map((n) => n.toLowerCase())),
    anchors,
  };
}

/** Names and their owners; a name already owned by an earlier (stronger) entry stays with it. */
class NameTable {
  private owner = new Map<string, LexiconName>();
  private entryOf = new Map<string, LexiconEntry>();

  addEntry(entry: LexiconEntry, kinds?: { text: string; kind: NameKind }[]): void {
    const all = kinds ?? [entry.label, ...entry.aliases].map((text) => ({ text, kind: "name" as NameKind }));
    const target = this.sameEntity(entry, all) ?? entry;
    for (const { text, kind } of all) {
      const key = normalizeName(text);
      const existing = this.owner.get(key);
      if (!existing) {
        const name: LexiconName = { text: text.replace(/^the\s+/i, ""), kind, entry: target };
        if (entry.origin === "graph" && isGenericName(text)) name.generic = true;
        this.owner.set(key, name);
      } else if (existing.entry === target && kind !== "name") existing.kind = kind; // the gazetteer knows a capital is a capital
    }
    this.entryOf.set(normalizeName(entry.label), target);
  }

  addSeat(seat: string, state: string): void {
    const entry = this.entryOf.get(normalizeName(state)) ?? this.owner.get(normalizeName(state))?.entry;
    if (entry) this.addEntry(entry, [{ text: seat, kind: "seat" }]);
  }

  /** The earlier entry this one describes: same type and a shared name ("United States" in the lexicon and gazetteer). */
  private sameEntity(entry: LexiconEntry, all: { text: string }[]): LexiconEntry | null {
    for (const { text } of all) {
      const other = this.owner.get(normalizeName(text))?.entry;
      if (other && other.type === entry.type) return other;
    }
    return null;
  }

  patterns(): Map<string, NamePattern[]> {
    const table = new Map<string, NamePattern[]>();
    for (const name of this.owner.values()) {
      const words = nameTokens(name.text);
      // A single common noun ("proposal", "negotiations") names too many things to resolve to one entity.
      if (words.length === 0 || (words.length === 1 && !/\p{Lu}|\d/u.test(words[0]))) continue;
      const pattern: NamePattern = {
        tokens: words.map((w) => foldQuotes(w.toLowerCase())),
        original: words,
        cases: words.map(caseRule),
        name,
      };
      const list = table.get(pattern.tokens[0]) ?? [];
      list.push(pattern);
      table.set(pattern.tokens[0], list);
    }
    for (const list of table.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
    return table;
  }
}

/** Every name of a curated entry: its label and aliases, and its demonyms as adjectives and (with -s) nouns. */
function withDemonyms(entry: LexiconEntry, demonyms: string[]): { text: string; kind: NameKind }[] {
  return [
    ...[entry.label, ...entry.aliases].map((text) => ({ text, kind: "name" as NameKind })),
    ...demonyms.map((text) => ({ text, kind: "demonym-adjective" as NameKind })),
    ...demonyms
      .filter((d) => /[aeiou][nt]$/.test(d))
      .map((d) => ({ text: `${d}s`, kind: "demonym-plural" as NameKind })),
  ];
}

/** A common-noun phrase rather than a proper name: no word has a capital or a digit ("peace talks"). */
export function isGenericName(text: string): boolean {
  return !/\p{Lu}|\d/u.test(text.replace(/^the\s+/i, ""));
}

/**
 * Splits a known name into tokens the way wink-nlp splits running text (brackets, commas and a possessive "'s"
 * apart; hyphenated words whole, as src/extract/nlp/analyse.ts rejoins them). Written by hand because running
 * wink-nlp over thousands of names costs seconds each time a context is compiled.
 */
export function nameTokens(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/\s+/)) {
    let p = part;
    while (/^[("“‘]/.test(p)) {
      out.push(p[0]);
      p = p.slice(1);
    }
    const trail: string[] = [];
    while (/[)",;:”’]$/.test(p) && !/['’]s$/.test(p)) {
      trail.unshift(p.slice(-1));
      p = p.slice(0, -1);
    }
    const possessive = /^(.+?)(['’]s)$/.exec(p);
    if (possessive) out.push(possessive[1], possessive[2]);
    else if (p) out.push(p);
    out.push(...trail);
  }
  return out;
}

function caseRule(word: string): CaseRule {
  if (/\p{Lu}.*\p{Lu}/u.test(word) && word === word.toUpperCase()) return "exact";
  if (/^\p{Lu}/u.test(word)) return "capitalized";
  return "any";
}

/** Whether `text` is written as a name token of case rule `rule` requires. */
export function caseMatches(rule: CaseRule, pattern: string, text: string): boolean {
  if (rule === "exact") return text === pattern;
  if (rule === "capitalized") return /^\p{Lu}/u.test(text);
  return true;
}

function phraseTable<T>(pairs: readonly (readonly [string, T])[]): Map<string, Phrase<T>[]> {
  const table = new Map<string, Phrase<T>[]>();
  for (const [text, value] of pairs) {
    const words = text.toLowerCase().split(/\s+/);
    const list = table.get(words[0]) ?? [];
    list.push({ words, value });
    table.set(words[0], list);
  }
  for (const list of table.values()) list.sort((a, b) => b.words.length - a.words.length);
  return table;
}

function verbTable(ontology: Ontology): Map<string, Phrase<string[]>[]> {
  const byPhrase = new Map<string, string[]>();
  for (const [predicate, def] of Object.entries(ontology.predicates))
    for (const verb of def.verbs) byPhrase.set(verb, [...(byPhrase.get(verb) ?? []), predicate]);
  return phraseTable([...byPhrase]);
}
