/**
 * Test helper: records of a graphology JSON graph file for the browser suites that serve a made-up graph (entities
 * with a place and a community, relations with one quote each).
 */

/** Entity `key` as the graph file stores it, at (x, y) with drawn `size`, in `community`. */
export function entityRecord(key: string, label: string, place: { x: number; y: number; size: number }, community = 0) {
  return {
    key,
    attributes: {
      label,
      type: "person",
      aliases: [],
      description: "",
      documents: ["doc1"],
      source: "curated",
      ...place,
      color: "#4e79a7",
      community,
      degree: 0,
    },
  };
}

/** An accepted "supports" relation from `source` to `target` whose evidence is `quote` in doc1. */
export function relationRecord(key: string, source: string, target: string, quote: string) {
  return {
    key,
    source,
    target,
    attributes: {
      predicate: "supports",
      label: "supports",
      evidence: [{ doc: "doc1", quote, start: 0, end: quote.length }],
      stance: "supports",
      modality: "asserted",
      confidence: 0.8,
      source: "curated",
      kind: "typed",
      status: "accepted",
    },
  };
}

/** A graph file of `nodes` and `edges` (a directed multigraph, as the builder writes). */
export function graphRecord(nodes: object[], edges: object[]) {
  return { options: { type: "directed", multi: true, allowSelfLoops: true }, attributes: {}, nodes, edges };
}
