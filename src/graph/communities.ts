/**
 * Communities of a graph, whoever asks (the builder's metrics, the import of a file without them): graphology's
 * Louvain on small graphs, the bounded compact Louvain past a size where the package's directed variant may not end.
 */
import type Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { mulberry32 } from "../util/random.ts";
import { compactLouvain } from "./compactLouvain.ts";

/** Tunables of {@link communitiesOf}. */
export interface CommunityOptions {
  /** Past this many nodes the compact Louvain runs instead of graphology's. */
  louvainMaxNodes: number;
  /** Seed of graphology's Louvain shuffle, so communities are reproducible. */
  seed: number;
}

export const DEFAULT_COMMUNITY_OPTIONS: CommunityOptions = { louvainMaxNodes: 10_000, seed: 42 };

/** The community of every node, numbered from 0 (0 for every node of a graph without edges). */
export function communitiesOf(graph: Graph, options: Partial<CommunityOptions> = {}): (node: string) => number {
  const { louvainMaxNodes, seed } = { ...DEFAULT_COMMUNITY_OPTIONS, ...options };
  if (graph.size === 0) return () => 0;
  if (graph.order > louvainMaxNodes) {
    const communities = compactLouvain(graph);
    return (node) => communities.get(node) ?? 0;
  }
  // Multi edges count once each (no weight attribute is read).
  const communities = louvain(graph, { rng: mulberry32(seed), getEdgeWeight: null });
  return (node) => communities[node] ?? 0;
}
