/**
 * Test fixtures: the seed graph as built from graph-data/, and a tiny graph full of characters XML must escape.
 */
import { MultiDirectedGraph } from "graphology";
import { buildGraph } from "../../src/graph/build.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";

let seed: KnowledgeGraph | null = null;

/** The seed graph, built once per test file (a fresh copy each call, so tests may change it). */
export function seedGraph(): KnowledgeGraph {
  seed ??= buildGraph({ layout: { iterations: 50, noverlapIterations: 20 } }).graph;
  return seed.copy() as KnowledgeGraph;
}

/** Text every writer must escape and keep: XML specials, quotes of both kinds, emoji, RTL text, list syntax. */
export const TRICKY = `Tom & Jerry <"the 'best'"> 🐱‍👤 مرحبا بالعالم שלום, [a, b] \\ "x"`;

/** Two nodes and two parallel edges whose every string is {@link TRICKY}-like. */
export function trickyGraph(): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  graph.replaceAttributes({ name: "tricky", description: `A graph about ${TRICKY}`, documents: [] });
  const node = (label: string, x: number) => ({
    label,
    type: "person" as const,
    subtype: "a & b",
    aliases: [TRICKY, "comma, inside", 'quote " inside', "back\\slash", "tab\tand\nnewline\r", "🙂"],
    description: `${TRICKY}\nsecond line\twith tab`,
    documents: ["doc-1"],
    source: "curated" as const,
    x,
    y: -x,
    size: 5.5,
    color: "#e15759",
    community: 1,
    degree: 2,
  });
  graph.addNode(`n&<1>"'`, node(`Label ${TRICKY}`, 1.25));
  graph.addNode("n2 🙂", node("ימין לשמאל", -3));
  const edge = (quote: string, confidence: number) => ({
    predicate: "negotiates_with",
    label: `talks & <argues> with "${TRICKY}"`,
    evidence: [{ doc: "doc-1", quote, start: 0, end: quote.length }],
    stance: "neutral" as const,
    modality: "reported" as const,
    confidence,
    source: "curated" as const,
    kind: "typed" as const,
    status: "accepted" as const,
    qualifiers: { role: `chief <"negotiator"> & ${TRICKY}` },
  });
  graph.addDirectedEdgeWithKey("e&1", `n&<1>"'`, "n2 🙂", edge(TRICKY, 0.5));
  graph.addDirectedEdgeWithKey("e<2>", `n&<1>"'`, "n2 🙂", edge("«guillemets» ‘curly’ “quotes” \u200f", 1));
  return graph;
}
