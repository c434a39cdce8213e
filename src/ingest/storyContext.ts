/**
 * Story context: whether an article is about the same events as the articles that named a node, judged by the
 * entities it names in full — the evidence a short form needs before it joins that node.
 */
import type { EntityType, KnowledgeGraph } from "../model/types.ts";

/** Tunables of {@link storyContext}. */
export interface StoryContextOptions {
  /**
   * Entities an article must share, named in full, with one earlier article that named the node. One shared name
   * is often a country or a capital any two articles may share; two made no wrong join on 526 unrelated articles.
   */
  minSharedEntities: number;
  /** Types whose entities do not count as shared: dates, amounts and countries recur across unrelated stories. */
  ignoredTypes: readonly EntityType[];
}

export const DEFAULT_STORY_CONTEXT_OPTIONS: StoryContextOptions = {
  minSharedEntities: 2,
  ignoredTypes: ["date", "quantity", "country", "concept"],
};

/** Why a short form may join a node: the article names a neighbour of it, or an article of the same story named it. */
export type ContextRule = "neighbour" | "story";

/**
 * A test of the nodes an article names by a short form, given `named`, the nodes it names in full: "neighbour" when
 * one of them is a neighbour of the node, "story" when a document that named the node also names enough of them,
 * null when the article gives no such evidence.
 */
export function storyContext(
  graph: KnowledgeGraph,
  named: Iterable<string>,
  options: Partial<StoryContextOptions> = {},
): (node: string) => ContextRule | null {
  const { minSharedEntities, ignoredTypes } = { ...DEFAULT_STORY_CONTEXT_OPTIONS, ...options };
  const nodes = new Set(named);
  // How many of the article's entities each earlier document names.
  const shared = new Map<string, number>();
  for (const node of nodes) {
    if (!graph.hasNode(node) || ignoredTypes.includes(graph.getNodeAttribute(node, "type"))) continue;
    for (const doc of graph.getNodeAttribute(node, "documents") ?? []) shared.set(doc, (shared.get(doc) ?? 0) + 1);
  }
  return (node) => {
    if (graph.neighbors(node).some((n) => nodes.has(n))) return "neighbour";
    const own = nodes.has(node) ? 1 : 0;
    const docs = graph.getNodeAttribute(node, "documents") ?? [];
    return docs.some((doc) => (shared.get(doc) ?? 0) - own >= minSharedEntities) ? "story" : null;
  };
}
