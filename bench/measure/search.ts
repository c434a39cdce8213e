/**
 * Search measure: entity search latency for prefixes, whole labels and a word of a label, over fixed queries.
 */
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { searchEntities, searchIndexOf } from "../../src/search/index.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { round, type Row } from "../report.ts";
import { summarize } from "../util/stats.ts";

/** Times 1,000 searches (bounded in time) drawn from the graph's own labels. */
export function measureSearch(tier: string, graph: KnowledgeGraph, count = 1000, budgetMs = 30_000): Row[] {
  const random = mulberry32(77);
  const nodes = graph.nodes();
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const label = graph.getNodeAttribute(nodes[Math.floor(random() * nodes.length)], "label");
    const kind = i % 3;
    queries.push(kind === 0 ? label : kind === 1 ? label.slice(0, 4) : label.split(" ").pop()!);
  }
  const t0 = performance.now();
  searchIndexOf(graph);
  const indexMs = performance.now() - t0;
  const times: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (const q of queries) {
    if (performance.now() > deadline) break;
    const t = performance.now();
    searchEntities(graph, q);
    times.push(performance.now() - t);
  }
  const s = summarize(times);
  return [
    { tier, measure: "search index build (once per graph)", value: round(indexMs), unit: "ms" },
    {
      tier,
      measure: "search p50 (label, 4-letter prefix, word)",
      value: round(s.p50, 3),
      unit: "ms",
      note: `${s.count} queries, p99 ${round(s.p99, 2)} ms, max ${round(s.max, 1)} ms`,
    },
  ];
}
