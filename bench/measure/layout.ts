/**
 * Layout measure: ForceAtlas2 (graphology-layout-forceatlas2, Barnes-Hut above 2,000 nodes) time per iteration.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { round, type Row } from "../report.ts";

/** Times one iteration, then as many more as fit in `budgetMs` (at most `maxIterations`); positions are kept. */
export function measureForceAtlas2(tier: string, graph: KnowledgeGraph, budgetMs = 10_000, maxIterations = 10): Row[] {
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 2000 };
  const t0 = performance.now();
  forceAtlas2.assign(graph, { iterations: 1, settings });
  const first = performance.now() - t0;
  const more = Math.max(0, Math.min(maxIterations - 1, Math.floor(budgetMs / Math.max(first, 1)) - 1));
  const t1 = performance.now();
  if (more > 0) forceAtlas2.assign(graph, { iterations: more, settings });
  const perIteration = more > 0 ? (performance.now() - t1) / more : first;
  return [
    {
      tier,
      measure: "ForceAtlas2 time per iteration",
      value: round(perIteration),
      unit: "ms",
      note: `${more + 1} iterations, Barnes-Hut ${settings.barnesHutOptimize ? "on" : "off"}`,
    },
  ];
}
