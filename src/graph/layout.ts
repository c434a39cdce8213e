/**
 * Build layout: seeded initial positions, ForceAtlas2, then noverlap, so the same input always gives the same picture.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import type { KnowledgeGraph } from "../model/types.ts";
import { hashString, mulberry32 } from "../util/random.ts";

/** Tunables of {@link layoutGraph}. */
export interface LayoutOptions {
  /** ForceAtlas2 iterations; fewer on large graphs keeps builds fast. */
  iterations: number;
  /** Above this many nodes the Barnes-Hut approximation is used. */
  barnesHutThreshold: number;
  /** Radius of the initial random disc. */
  initialRadius: number;
  /** noverlap iterations after ForceAtlas2. */
  noverlapIterations: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = {
  iterations: 500,
  barnesHutThreshold: 2000,
  initialRadius: 100,
  noverlapIterations: 200,
};

/** Writes `x`/`y` on every node. Nodes that already have a non-zero position keep it as the starting point. */
export function layoutGraph(graph: KnowledgeGraph, options: Partial<LayoutOptions> = {}): void {
  const { iterations, barnesHutThreshold, initialRadius, noverlapIterations } = {
    ...DEFAULT_LAYOUT_OPTIONS,
    ...options,
  };
  seedPositions(graph, initialRadius);
  if (graph.order < 2) return;
  const settings = forceAtlas2.inferSettings(graph);
  forceAtlas2.assign(graph, {
    iterations: graph.order > barnesHutThreshold ? Math.min(iterations, 100) : iterations,
    settings: { ...settings, barnesHutOptimize: graph.order > barnesHutThreshold },
    getEdgeWeight: null,
  });
  noverlap.assign(graph, { maxIterations: noverlapIterations, settings: { margin: 2, ratio: 1.2 } });
  graph.updateEachNodeAttributes((_node, attributes) => ({
    ...attributes,
    x: Math.round(attributes.x * 100) / 100,
    y: Math.round(attributes.y * 100) / 100,
  }));
}

/**
 * Gives every node at (0, 0) a seeded spot on a disc of `radius`: ForceAtlas2's starting points, and the whole
 * placement of graphs too large to lay out.
 */
export function seedPositions(graph: KnowledgeGraph, radius: number = DEFAULT_LAYOUT_OPTIONS.initialRadius): void {
  graph.forEachNode((node, attributes) => {
    if (attributes.x !== 0 || attributes.y !== 0) return;
    // A per-node seed derived from its id: adding a node does not move the others' starting points.
    const random = mulberry32(hashString(node));
    const angle = random() * 2 * Math.PI;
    const r = Math.sqrt(random()) * radius;
    graph.mergeNodeAttributes(node, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  });
}
