/**
 * Training pairs: runs the rules over Re-DocRED documents and turns every ordered pair of extracted entities into
 * features and the gold Wikidata properties it has (by the reference scorer's entity matching).
 */
import { goldEntityOf, type PreparedDocument } from "../eval/redocred.ts";
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
}

/** The pairs of one document, as the extractor (rules only) sees it. */
export function documentPairs(doc: PreparedDocument, context: ExtractContext): DocumentPairs {
  const { view: v, relations } = runRules(doc.text, context, { ...DEFAULT_EXTRACT_OPTIONS, learned: false });
  const table = propertyTable(v.ctx.predicates);
  const goldOf = v.clusters.map((c) =>
    goldEntityOf(
      c.mentions.map((m) => ({ start: m.start, end: m.end })),
      doc.goldSpans,
    ),
  );
  const triples = new Map<string, string[]>();
  for (const l of doc.labels) {
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
  const named = (l: { h: number; t: number }) => NAMED.has(doc.goldTypes[l.h]) && NAMED.has(doc.goldTypes[l.t]);
  return {
    pairs,
    rules: relations.flatMap((r) => {
      const h = idOf.get(r.source) ?? -1;
      const t = idOf.get(r.target) ?? -1;
      const gh = goldOf[h] ?? -1;
      const gt = goldOf[t] ?? -1;
      return gh >= 0 && gt >= 0 && gh !== gt ? [{ h, t, gh, gt, wikidata: r.wikidata }] : [];
    }),
    goldPairs: new Set(doc.labels.map((l) => unorderedPairKey(l.h, l.t))),
    namedPairs: new Set(doc.labels.filter(named).map((l) => unorderedPairKey(l.h, l.t))),
    namedTriples: new Set(doc.labels.filter(named).map((l) => `${l.h}|${l.r}|${l.t}`)),
  };
}
