/**
 * Training pairs: runs the rules over an annotated document — a Re-DocRED introduction or a hand-annotated news text
 * — and turns every ordered pair of extracted entities into features and what the gold says of the two.
 */
import { goldEntityOf, type PreparedDocument } from "../eval/redocred.ts";
import type { GoldDocument } from "../eval/gold.ts";
import { SCORED_TYPES } from "../eval/match.ts";
import { normalizeName } from "../lexicon/normalize.ts";
import type { Cluster } from "../resolve/resolve.ts";
import { runRules } from "../extract.ts";
import { DEFAULT_EXTRACT_OPTIONS, type ExtractContext } from "../types.ts";
import { closestMentions, pairEntities, pairFeatures, ruleVerdicts, type ContextCache } from "./features.ts";
import { DEFAULT_LEARNED_OPTIONS } from "./predict.ts";
import { propertyTable } from "./properties.ts";
import { unorderedPairKey } from "../../util/pairKey.ts";

/** Gold types whose pairs the scorer counts (both ends named). */
const NAMED = new Set(["PER", "ORG", "LOC", "MISC"]);

/** One ordered pair of a document. */
export interface PairRecord {
  /** The subject's and object's cluster indices (single-valued properties keep one object per subject). */
  h: number;
  t: number;
  /** Gold entities the two ends stand for (-1: none). */
  gh: number;
  gt: number;
  features: number[];
  /** Gold properties of (gh, gt). */
  properties: string[];
  /** Properties whose ontology predicate admits the two ends' types. */
  allowed: Set<string>;
}

/** A rule relation between matched entities: its clusters, their gold entities and its property. */
export interface RuleRecord {
  h: number;
  t: number;
  gh: number;
  gt: number;
  wikidata?: string;
}

/** A document's pairs, with what the rules already state and the gold the figures are counted against. */
export interface DocumentPairs {
  pairs: PairRecord[];
  /** Rule relations between matched entities: gold ends and Wikidata property (if any). */
  rules: RuleRecord[];
  /** Gold pairs (either order) with any relation, and named triples "h|P|t". */
  goldPairs: Set<string>;
  namedPairs: Set<string>;
  namedTriples: Set<string>;
  /**
   * Whether the gold names the Wikidata property of each relation (Re-DocRED). News gold uses the ontology's own
   * predicates and says only which pairs are related, so its pairs teach relatedness alone.
   */
  annotatesProperties: boolean;
}

/** What a document's annotation says, in gold entity indices. */
interface DocumentGold {
  text: string;
  /** The gold entity an extracted entity stands for (-1: none). */
  entityOf: (c: Cluster) => number;
  /** Gold relations; `r` is the Wikidata property when the gold names one. */
  labels: { h: number; t: number; r: string | null }[];
  /** Whether the scorer counts pairs that end at this gold entity. */
  named: (g: number) => boolean;
  annotatesProperties: boolean;
}

/** The pairs of one Re-DocRED document, as the extractor (rules only) sees it. */
export function documentPairs(doc: PreparedDocument, context: ExtractContext): DocumentPairs {
  return pairsOf(
    {
      text: doc.text,
      entityOf: (c) =>
        goldEntityOf(
          c.mentions.map((m) => ({ start: m.start, end: m.end })),
          doc.goldSpans,
        ),
      labels: doc.labels,
      named: (g) => NAMED.has(doc.goldTypes[g]),
      annotatesProperties: true,
    },
    context,
  );
}

/**
 * The pairs of one hand-annotated news document: an extracted entity stands for the gold entity of its type that one
 * of its names (label or a mention's words) names, as the news evaluation matches them.
 */
export function newsDocumentPairs(doc: GoldDocument, context: ExtractContext): DocumentPairs {
  const names = doc.entities.map((g) => new Set([g.label, ...g.aliases].map(normalizeName)));
  const index = new Map(doc.entities.map((g, i) => [g.label, i]));
  return pairsOf(
    {
      text: doc.content,
      entityOf: (c) => {
        if (!SCORED_TYPES.has(c.type)) return -1;
        const own = [c.label, ...c.mentions.map((m) => m.surface)].map(normalizeName);
        return doc.entities.findIndex((g, i) => g.type === c.type && own.some((n) => names[i].has(n)));
      },
      labels: doc.relations.map((r) => ({ h: index.get(r.subject)!, t: index.get(r.object)!, r: null })),
      named: () => true,
      annotatesProperties: false,
    },
    context,
  );
}

function pairsOf(gold: DocumentGold, context: ExtractContext): DocumentPairs {
  const { view: v, relations } = runRules(gold.text, context, { ...DEFAULT_EXTRACT_OPTIONS, learned: false });
  const table = propertyTable(v.ctx.predicates);
  const goldOf = v.clusters.map(gold.entityOf);
  const triples = new Map<string, string[]>();
  for (const l of gold.labels) {
    if (l.r === null) continue;
    const k = `${l.h}>${l.t}`;
    triples.set(k, [...(triples.get(k) ?? []), l.r]);
  }
  const verdicts = ruleVerdicts(v, relations);
  const cache: ContextCache = new Map();
  const entities = pairEntities(v);
  const pairs: PairRecord[] = [];
  for (const h of entities)
    for (const t of entities) {
      if (h === t) continue;
      const closest = closestMentions(h, t);
      if (closest.sentences > DEFAULT_LEARNED_OPTIONS.maxSentenceGap) continue;
      const gh = goldOf[h.cluster];
      const gt = goldOf[t.cluster];
      const allowed = new Set([...table.byProperty.keys()].filter((p) => table.admits(p, h.type, t.type)));
      pairs.push({
        h: h.cluster,
        t: t.cluster,
        gh,
        gt,
        features: pairFeatures(v, h, t, closest, verdicts, cache),
        properties: gh >= 0 && gt >= 0 && gh !== gt ? (triples.get(`${gh}>${gt}`) ?? []) : [],
        allowed,
      });
    }
  const idOf = new Map(v.clusters.map((c, i) => [c.id, i]));
  const named = (l: { h: number; t: number }) => gold.named(l.h) && gold.named(l.t);
  return {
    pairs,
    rules: relations.flatMap((r) => {
      const h = idOf.get(r.source) ?? -1;
      const t = idOf.get(r.target) ?? -1;
      const gh = goldOf[h] ?? -1;
      const gt = goldOf[t] ?? -1;
      return gh >= 0 && gt >= 0 && gh !== gt ? [{ h, t, gh, gt, wikidata: r.wikidata }] : [];
    }),
    goldPairs: new Set(gold.labels.map((l) => unorderedPairKey(l.h, l.t))),
    namedPairs: new Set(gold.labels.filter(named).map((l) => unorderedPairKey(l.h, l.t))),
    namedTriples: new Set(gold.labels.filter((l) => l.r !== null && named(l)).map((l) => `${l.h}|${l.r}|${l.t}`)),
    annotatesProperties: gold.annotatesProperties,
  };
}
