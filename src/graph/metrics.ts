/**
 * Graph metrics: degree, Louvain communities and node sizes, written as node attributes.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { communitiesOf, DEFAULT_COMMUNITY_OPTIONS } from "./communities.ts";

/** Tunables of {@link computeMetrics}. */
export interface MetricsOptions {
  /** Smallest and largest node size in pixels (sigma's unit). */
  minSize: number;
  maxSize: number;
  /** Seed of the Louvain shuffle, so communities are reproducible. */
  seed: number;
  /** Past this many nodes communities come from the bounded compact Louvain (see src/graph/communities.ts). */
  louvainMaxNodes: number;
}

export const DEFAULT_METRICS_OPTIONS: MetricsOptions = {
  minSize: 4,
  maxSize: 18,
  seed: DEFAULT_COMMUNITY_OPTIONS.seed,
  louvainMaxNodes: DEFAULT_COMMUNITY_OPTIONS.louvainMaxNodes,
};

/** Writes `degree`, `community` and `size` on every node. */
export function computeMetrics(graph: KnowledgeGraph, options: Partial<MetricsOptions> = {}): void {
  const { minSize, maxSize, seed, louvainMaxNodes } = { ...DEFAULT_METRICS_OPTIONS, ...options };
  let maxDegree = 0;
  graph.forEachNode((node) => {
    const degree = graph.degree(node);
    graph.setNodeAttribute(node, "degree", degree);
    maxDegree = Math.max(maxDegree, degree);
  });
  const community = communitiesOf(graph, { seed, louvainMaxNodes });
  graph.forEachNode((node, attributes) => {
    graph.setNodeAttribute(node, "community", community(node));
    // Square root so area, not radius, grows with degree.
    const share = maxDegree > 0 ? Math.sqrt(attributes.degree / maxDegree) : 0;
    graph.setNodeAttribute(node, "size", round(minSize + share * (maxSize - minSize)));
  });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
