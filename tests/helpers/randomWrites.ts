/**
 * Random writes: changes a graph the way writes do — entities added, renamed, given aliases, dropped or merged into
 * another, relations added, reweighted or dropped — so that an index carried from version to version can be checked
 * against one built from scratch.
 */
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { entity, relation, RANDOM_PREDICATES } from "../paths/fixtures.ts";

/** The kinds of change one write makes. */
export type WriteKind = "add" | "rename" | "alias" | "drop" | "merge" | "link" | "reweigh" | "unlink";

const KINDS: WriteKind[] = ["add", "rename", "alias", "drop", "merge", "link", "reweigh", "unlink"];

/** A source of random writes onto graphs whose node keys are free below `n{counter}` (randomGraph's). */
export function randomWriter(seed: number): (graph: KnowledgeGraph) => WriteKind[] {
  const random = mulberry32(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  let fresh = 0;
  return (graph) => {
    const kinds = [pick(KINDS), pick(KINDS), pick(KINDS)];
    for (const kind of kinds) {
      const nodes = graph.nodes();
      if (nodes.length < 4 && kind !== "add") continue;
      change(graph, kind, pick, nodes, () => `w${fresh++}`);
    }
    return kinds;
  };
}

function change(
  graph: KnowledgeGraph,
  kind: WriteKind,
  pick: <T>(list: T[]) => T,
  nodes: string[],
  freshKey: () => string,
): void {
  const edges = graph.edges();
  if (kind === "add") {
    const key = freshKey();
    graph.addNode(key, { ...entity(`Added ${key}`, [], pick(["person", "organization"])), community: 1 });
    graph.addDirectedEdgeWithKey(
      freshKey(),
      key,
      pick(nodes.length ? nodes : [key]),
      relation(pick(RANDOM_PREDICATES)),
    );
  } else if (kind === "rename") graph.setNodeAttribute(pick(nodes), "label", `Renamed ${freshKey()} Node`);
  else if (kind === "alias")
    graph.updateNodeAttribute(pick(nodes), "aliases", (a) => [...(a ?? []), `Alias ${freshKey()}`]);
  else if (kind === "drop") graph.dropNode(pick(nodes));
  else if (kind === "merge") merge(graph, pick(nodes), pick(nodes));
  else if (kind === "link")
    graph.addDirectedEdgeWithKey(freshKey(), pick(nodes), pick(nodes), relation(pick(RANDOM_PREDICATES), 0.5));
  else if (edges.length && kind === "reweigh") graph.setEdgeAttribute(pick(edges), "confidence", 0.25);
  else if (edges.length && kind === "unlink") graph.dropEdge(pick(edges));
}

/** Moves `from`'s relations onto `into` and drops `from`, as merging two entities does. */
function merge(graph: KnowledgeGraph, from: string, into: string): void {
  if (from === into) return;
  for (const { edge, source, target, attributes } of [...graph.edgeEntries(from)]) {
    graph.dropEdge(edge);
    graph.addDirectedEdgeWithKey(edge, source === from ? into : source, target === from ? into : target, attributes);
  }
  graph.dropNode(from);
}
