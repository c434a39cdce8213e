/**
 * Graph metrics: degree, Louvain communities and node sizes, written as node attributes.
 */
import louvain from "graphology-communities-louvain";
import type { KnowledgeGraph } from "../model/types.ts";
import { mulberry32 } from "../util/random.ts";

/** Tunables of {@link computeMetrics}. */
export interface MetricsOptions {
  /** Smallest and largest node size in pixels (sigma's unit). */
  minSize: number;
  maxSize: number;
  /** Seed of the Louvain shuffle, so communities are reproducible. */
  seed: number;
}

export const DEFAULT_METRICS_OPTIONS: MetricsOptions = { minSize: 4, maxSize: 18, seed: 42 };

/** Writes `degree`, `community` and `size` on every node. */
export function computeMetrics(graph: KnowledgeGraph, options: Partial<MetricsOptions> = {}): void {
  const { minSize, maxSize, seed } = { ...DEFAULT_METRICS_OPTIONS, ...options };
  let maxDegree = 0;
  graph.forEachNode((node) => {
    const degree = graph.degree(node);
    graph.setNodeAttribute(node, "degree", degree);
    maxDegree = Math.max(maxDegree, degree);
  });
  if (graph.size > 0) {
    // Louvain works on the undirected projection; the graph's multi edges are summed as weights.
    louvain.assign(graph, { nodeCommunityAttribute: "community", rng: mulberry32(seed), getEdgeWeight: null });
  }
  graph.forEachNode((node, attributes) => {
    // Square root so area, not radius, grows with degree.
    const share = maxDegree > 0 ? Math.sqrt(attributes.degree / maxDegree) : 0;
    graph.setNodeAttribute(node, "size", round(minSize + share * (maxSize - minSize)));
  });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
