/**
 * Story context: whether an article is about the same events as the articles that named a node, judged by the
 * entities it names in full — the evidence a short form needs before it joins that node.
 */
import type { EntityType, KnowledgeGraph } from "../model/types.ts";

/** Tunables of {@link storyContext}. */
export interface StoryContextOptions {
  /**
   * Entities an article must share, named in full, with one earlier article that named the node. One shared name
   * is often a capital or a party any two articles may share.
   */
  minSharedEntities: number;
  /**
   * Types whose entities are no evidence, as neighbours or shared: dates, amounts and countries recur across unrelated
   * stories (on 526 Re-DocRED articles, the United States, the United Kingdom and Australia as neighbours joined three
   * surnames to the wrong people).
   */
  ignoredTypes: readonly EntityType[];
  /**
   * Entities named in more documents than this are hubs, no evidence either: a mis-read "It" named in 152 of those
   * articles joined "Shepherd" (a lord) to Derek Shepherd (a surgeon of a television series).
   */
  maxEntityDocuments: number;
}

/** The evidence resolution asks for, measured with bench/storyMerges.ts and bench/duplicates.ts (see the README). */
export const DEFAULT_STORY_CONTEXT_OPTIONS: StoryContextOptions = {
  minSharedEntities: 2,
  ignoredTypes: ["date", "quantity", "country", "concept"],
  maxEntityDocuments: 15,
};

/** Shortest name of an entity that counts as evidence: one or two letters ("It", "O") are misreadings more often. */
const MIN_EVIDENCE_NAME = 3;

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
  const { minSharedEntities, ignoredTypes, maxEntityDocuments } = { ...DEFAULT_STORY_CONTEXT_OPTIONS, ...options };
  const evidence = new Set(
    [...named].filter((node) => {
      if (!graph.hasNode(node)) return false;
      const { type, label, documents = [] } = graph.getNodeAttributes(node);
      return (
        !ignoredTypes.includes(type) && label.length >= MIN_EVIDENCE_NAME && documents.length <= maxEntityDocuments
      );
    }),
  );
  // How many of the article's entities each earlier document names.
  const shared = new Map<string, number>();
  for (const node of evidence)
    for (const doc of graph.getNodeAttribute(node, "documents") ?? []) shared.set(doc, (shared.get(doc) ?? 0) + 1);
  return (node) => {
    if (graph.neighbors(node).some((n) => evidence.has(n))) return "neighbour";
    const own = evidence.has(node) ? 1 : 0;
    const docs = graph.getNodeAttribute(node, "documents") ?? [];
    return docs.some((doc) => (shared.get(doc) ?? 0) - own >= minSharedEntities) ? "story" : null;
  };
}
