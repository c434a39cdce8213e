/**
 * Path test fixtures: tiny typed graphs built inline, seeded random multigraphs, and an independent brute-force search.
 */
import { MultiDirectedGraph } from "graphology";
import type { EntityAttributes, KnowledgeGraph, RelationAttributes } from "../../src/model/types.ts";
import { entityAttributes, relationAttributes } from "../helpers/attributes.ts";
import { mulberry32 } from "../../src/util/random.ts";

/** An entity with only what the query layer reads filled in. */
export function entity(
  label: string,
  aliases: string[] = [],
  type: EntityAttributes["type"] = "person",
): EntityAttributes {
  return entityAttributes(label, type, { aliases });
}

/** A relation with one evidence quote. */
export function relation(predicate: string, confidence = 0.9): RelationAttributes {
  return relationAttributes(predicate, {
    label: predicate.replace(/_/g, " "),
    evidence: [{ doc: "doc", quote: `quote of ${predicate}`, start: 0, end: 5 }],
    confidence,
  });
}

/** A graph from `[source, predicate, target, confidence?]` rows; nodes are created with their id as label. */
export function graphOf(rows: [string, string, string, number?][]): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  rows.forEach(([s, p, t, c], i) => {
    if (!graph.hasNode(s)) graph.addNode(s, entity(s));
    if (!graph.hasNode(t)) graph.addNode(t, entity(t));
    graph.addDirectedEdgeWithKey(`e${i}`, s, t, relation(p, c ?? 0.9));
  });
  return graph;
}

export const RANDOM_PREDICATES = ["supports", "opposes", "negotiates_with", "mentioned_with"];

/** A random multigraph: `n` nodes, `m` edges (parallel edges and self-loops included), two-decimal confidences. */
export function randomGraph(seed: number, n: number, m: number): KnowledgeGraph {
  const random = mulberry32(seed);
  const pick = (k: number) => Math.floor(random() * k);
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  for (let i = 0; i < n; i++) graph.addNode(`n${i}`, entity(`Node ${i}`));
  for (let e = 0; e < m; e++) {
    const confidence = (1 + pick(100)) / 100;
    graph.addDirectedEdgeWithKey(
      `r${e}`,
      `n${pick(n)}`,
      `n${pick(n)}`,
      relation(RANDOM_PREDICATES[pick(4)], confidence),
    );
  }
  return graph;
}

/** The filters the brute force honours (the same meaning as PathOptions). */
export interface BruteFilters {
  maxHops: number;
  directed: boolean;
  predicates: string[] | null;
  exclude: string[];
  minConfidence: number;
}

/** A path found by brute force: a node sequence and its best total confidence. */
export interface BrutePath {
  nodes: string[];
  hops: number;
  confidence: number;
}

/**
 * Every simple path from `from` to `to`, by plain recursion over graphology's own API (no shared code with the
 * query layer), each hop on its most confident allowed edge; sorted by hops, then confidence (higher first).
 */
export function brutePaths(graph: KnowledgeGraph, from: string, to: string, f: BruteFilters): BrutePath[] {
  const out: BrutePath[] = [];
  const excluded = new Set(f.exclude.filter((id) => id !== from && id !== to));
  const bestHop = (u: string, v: string): number | null => {
    let best: number | null = null;
    const consider = (edges: string[]) => {
      for (const e of edges) {
        const a = graph.getEdgeAttributes(e);
        if (a.confidence < f.minConfidence) continue;
        if (f.predicates && !f.predicates.includes(a.predicate)) continue;
        if (best === null || a.confidence > best) best = a.confidence;
      }
    };
    consider(graph.outEdges(u, v));
    if (!f.directed) consider(graph.inEdges(u, v));
    return best;
  };
  const walk = (path: string[], confs: number[]) => {
    const u = path[path.length - 1];
    if (u === to) {
      out.push({ nodes: [...path], hops: confs.length, confidence: confs.reduce((s, c) => s + c, 0) });
      return;
    }
    if (confs.length === f.maxHops) return;
    const neighbours = f.directed ? graph.outNeighbors(u) : graph.neighbors(u);
    for (const v of neighbours) {
      if (path.includes(v) || excluded.has(v)) continue;
      const c = bestHop(u, v);
      if (c === null) continue;
      walk([...path, v], [...confs, c]);
    }
  };
  walk([from], []);
  return out.sort((a, b) => a.hops - b.hops || b.confidence - a.confidence);
}

/**
 * The fewest hops from `from` to `to` and, among paths that short, the highest total confidence — by BFS layers
 * and a max-sum pass over them, through graphology's own API. Polynomial, so it checks graphs far too large for
 * {@link brutePaths}; null when `to` is not within `f.maxHops`.
 */
export function bestShortest(
  graph: KnowledgeGraph,
  from: string,
  to: string,
  f: BruteFilters,
): { hops: number; confidence: number } | null {
  if (from === to) return { hops: 0, confidence: 0 };
  const excluded = new Set(f.exclude.filter((id) => id !== from && id !== to));
  const allowed = (e: string) => {
    const a = graph.getEdgeAttributes(e);
    return a.confidence >= f.minConfidence && (!f.predicates || f.predicates.includes(a.predicate));
  };
  // Each hop u → v with the confidence of one allowed edge it may use.
  const hops = (u: string): [string, number][] => {
    const out: [string, number][] = [];
    for (const e of graph.outEdges(u))
      if (allowed(e)) out.push([graph.target(e), graph.getEdgeAttribute(e, "confidence")]);
    if (!f.directed) {
      for (const e of graph.inEdges(u))
        if (allowed(e)) out.push([graph.source(e), graph.getEdgeAttribute(e, "confidence")]);
    }
    return out.filter(([v]) => v !== u && !excluded.has(v));
  };
  const best = new Map<string, number>([[from, 0]]);
  let layer = [from];
  for (let depth = 1; depth <= f.maxHops && layer.length > 0; depth++) {
    const next = new Map<string, number>();
    for (const u of layer) {
      for (const [v, c] of hops(u)) {
        if (best.has(v)) continue;
        next.set(v, Math.max(next.get(v) ?? -Infinity, best.get(u)! + c));
      }
    }
    for (const [v, c] of next) best.set(v, c);
    if (next.has(to)) return { hops: depth, confidence: next.get(to)! };
    layer = [...next.keys()];
  }
  return null;
}
