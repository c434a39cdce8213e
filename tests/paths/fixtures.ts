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
