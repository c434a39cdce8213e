/**
 * Compiled context: the ontology, graph, curated lexicon and gazetteer turned into lookup tables the rules use.
 */
import type { KnowledgeGraph } from "../../model/types.ts";
import type { Ontology, PredicateDefinition } from "../../model/schemas.ts";
import { foldQuotes } from "../nlp/analyse.ts";
import { gazetteer } from "./gazetteer.ts";
import { normalizeName } from "./normalize.ts";
import type { Lexicon, LexiconEntry, LexiconName, NameKind } from "./types.ts";
import { startsUpper } from "../nlp/letters.ts";

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
  return new GrowingContext(ontology, lexicon, graph).context;
}

/**
 * A compiled context that follows a graph as it grows: after an ingest adds nodes, only their names are added
 * (re-adding every node and the whole gazetteer for each document made a 1,000-document ingest quadratic). The result
 * is the one a full compile would give: when a node changed or went, or a new node shares a name with the lexicon or
 * gazetteer (whose entries a graph node would then own), it compiles in full again.
 */
export class GrowingContext {
  context!: CompiledContext;
  private names!: NameTable;
  /** Normalised names the lexicon, gazetteer and seats added: a new node sharing one needs a full compile. */
  private baseKeys!: Set<string>;
  /** Graph nodes compiled, in the graph's order, with the names they were compiled with. */
  private nodes: CompiledNode[] = [];
  private generic: string[] = [];

  constructor(
    private readonly ontology: Ontology,
    private readonly lexicon: Lexicon,
    private readonly graph?: KnowledgeGraph,
  ) {
    this.compile();
  }

  /**
   * Brings the tables up to the graph's current nodes; returns the (new) context. One pass over the nodes, comparing
   * the names compiled without building strings: this runs before every extraction against a graph.
   */
  update(): CompiledContext {
    const graph = this.graph;
    if (!graph) return this.context;
    const added: [string, NodeNames][] = [];
    let k = 0;
    for (const { node, attributes } of graph.nodeEntries()) {
      if (k === this.nodes.length) added.push([node, attributes]);
      else if (sameNames(this.nodes[k], node, attributes)) k++;
      else return this.recompiled();
    }
    if (k < this.nodes.length) return this.recompiled();
    if (added.some(([, a]) => [a.label, ...a.aliases].some((n) => this.baseKeys.has(normalizeName(n)))))
      return this.recompiled();
    for (const [id, a] of added) this.addNode(id, a);
    if (added.length > 0) this.context = { ...this.context, names: this.names.patterns(), anchors: this.anchors() };
    else if (this.generic.length > 0) this.context = { ...this.context, anchors: this.anchors() };
    return this.context;
  }

  private recompiled(): CompiledContext {
    this.compile();
    return this.context;
  }

  private compile(): void {
    const { ontology, lexicon, graph } = this;
    this.names = new NameTable();
    this.nodes = [];
    this.generic = [];
    graph?.forEachNode((id, a) => this.addNode(id, a));
    const graphKeys = new Set(this.names.keys());
    for (const entry of lexicon.entries)
      this.names.addEntry(entry, entry.demonyms && withDemonyms(entry, entry.demonyms));
    for (const g of gazetteer()) this.names.addEntry(g.entry, g.names);
    for (const [seat, target] of Object.entries(ontology.metonymy.seats))
      this.names.addSeat(seat, target.slice("country:".length));
    this.baseKeys = new Set([...this.names.addedKeys()].filter((key) => !graphKeys.has(key)));
    this.context = {
      ontology,
      predicates: ontology.predicates,
      names: this.names.patterns(),
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
      anchors: this.anchors(),
    };
  }

  private addNode(id: string, a: NodeNames): void {
    this.names.addEntry({ id, label: a.label, type: a.type, subtype: a.subtype, aliases: a.aliases, origin: "graph" });
    this.nodes.push({ id, label: a.label, type: a.type, subtype: a.subtype, aliases: [...a.aliases] });
    if ([a.label, ...a.aliases].some(isGenericName)) this.generic.push(id);
  }

  /** For graph nodes with a common-noun name, their neighbours now (edges come and go without new nodes). */
  private anchors(): Map<string, Set<string>> {
    const graph = this.graph;
    return new Map(graph ? this.generic.map((id) => [id, new Set(graph.neighbors(id))]) : []);
  }
}

/** The node attributes names are compiled from. */
type NodeNames = Pick<LexiconEntry, "label" | "type" | "subtype" | "aliases">;

/** A graph node as compiled. */
interface CompiledNode extends NodeNames {
  id: string;
}

/** Whether node `id` is still the node compiled as `seen`, with the same names. */
function sameNames(seen: CompiledNode, id: string, a: NodeNames): boolean {
  if (seen.id !== id || seen.label !== a.label || seen.type !== a.type || seen.subtype !== a.subtype) return false;
  if (seen.aliases.length !== a.aliases.length) return false;
  return seen.aliases.every((alias, i) => alias === a.aliases[i]);
}

/** Names and their owners; a name already owned by an earlier (stronger) entry stays with it. */
class NameTable {
  private owner = new Map<string, LexiconName>();
  private entryOf = new Map<string, LexiconEntry>();
  /** Every normalised name an entry brought, owned or not. */
  private added = new Set<string>();
  /** Patterns by first token, kept longest first; names owned since the last call to {@link patterns} are pending. */
  private table = new Map<string, NamePattern[]>();
  private pending: LexiconName[] = [];

  keys(): Iterable<string> {
    return this.owner.keys();
  }

  addedKeys(): Set<string> {
    return this.added;
  }

  addEntry(entry: LexiconEntry, kinds?: { text: string; kind: NameKind }[]): void {
    const all = kinds ?? [entry.label, ...entry.aliases].map((text) => ({ text, kind: "name" as NameKind }));
    const target = this.sameEntity(entry, all) ?? entry;
    for (const { text, kind } of all) {
      const key = normalizeName(text);
      this.added.add(key);
      const existing = this.owner.get(key);
      if (!existing) {
        const name: LexiconName = { text: text.replace(/^the\s+/i, ""), kind, entry: target };
        if (entry.origin === "graph" && isGenericName(text)) name.generic = true;
        this.owner.set(key, name);
        this.pending.push(name);
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

  /**
   * The patterns of the owned names by first token, longest first. The table is shared with earlier calls and grows
   * in place: among patterns of one length only one can match a given text, so where a new one goes in its length
   * group does not matter.
   */
  patterns(): Map<string, NamePattern[]> {
    const touched = new Set<NamePattern[]>();
    for (const name of this.pending) {
      const words = nameTokens(name.text);
      // A single common noun ("proposal", "negotiations") names too many things to resolve to one entity.
      if (words.length === 0 || (words.length === 1 && !/\p{Lu}|\d/u.test(words[0]))) continue;
      const pattern: NamePattern = {
        tokens: words.map((w) => foldQuotes(w.toLowerCase())),
        original: words,
        cases: words.map(caseRule),
        name,
      };
      let list = this.table.get(pattern.tokens[0]);
      if (!list) this.table.set(pattern.tokens[0], (list = []));
      list.push(pattern);
      touched.add(list);
    }
    this.pending = [];
    for (const list of touched) list.sort((a, b) => b.tokens.length - a.tokens.length);
    return this.table;
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
  if (startsUpper(word)) return "capitalized";
  return "any";
}

/** Whether `text` is written as a name token of case rule `rule` requires. */
export function caseMatches(rule: CaseRule, pattern: string, text: string): boolean {
  if (rule === "exact") return text === pattern;
  if (rule === "capitalized") return startsUpper(text);
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
