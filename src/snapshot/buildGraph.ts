/**
 * Graph from a snapshot: the graphology graph rebuilt from a snapshot's ids, ends and attribute records in slices
 * that yield to the event loop, so a server answering from the snapshot keeps answering while it is built.
 */
import { MultiDirectedGraph } from "graphology";
import { useDictionaryAdjacency } from "../graph/dictionaryAdjacency.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { yieldToEventLoop } from "../util/yieldToEventLoop.ts";
import type { Snapshot } from "./types.ts";

/** Tunables of {@link graphFromSnapshot}. */
export interface GraphBuildOptions {
  /**
   * Nodes or edges added between two yields: about 20 ms of work on this machine, so a query waits at most that long
   * behind the build.
   */
  sliceElements: number;
  /** Stops the build (it rejects with the signal's reason) at the next slice; null: never. */
  signal: AbortSignal | null;
}

export const DEFAULT_GRAPH_BUILD_OPTIONS: GraphBuildOptions = { sliceElements: 2_000, signal: null };

/**
 * The graph the snapshot was written from: the same nodes and edges in the same order, with the attributes of its
 * records (JSON, as in the graph file) and the graph's own attributes.
 *
 * Built here on the main thread, in slices, rather than in a worker: a graphology graph cannot be handed from a
 * worker to the main thread without serialising and inserting it all again, which is the cost being avoided. From the
 * snapshot rather than the graph file: its records are already cut per element and in index order, and it reads the
 * same for every format the graph came from (JSON, GEXF, GraphML, a Neo4j bundle).
 */
export async function graphFromSnapshot(
  snapshot: Snapshot,
  options: Partial<GraphBuildOptions> = {},
): Promise<KnowledgeGraph> {
  const { sliceElements, signal } = { ...DEFAULT_GRAPH_BUILD_OPTIONS, ...options };
  const { nodes, edges, edgeSource, edgeTarget } = snapshot.columns;
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  graph.replaceAttributes(snapshot.graphAttributes);
  for (let from = 0; from < nodes.length; from += sliceElements) {
    await nextSlice(signal);
    const to = Math.min(nodes.length, from + sliceElements);
    const records = snapshot.nodeRecords(from, to);
    for (let v = from; v < to; v++) graph.addNode(nodes[v], records[v - from]);
  }
  useDictionaryAdjacency(graph);
  for (let from = 0; from < edges.length; from += sliceElements) {
    await nextSlice(signal);
    const to = Math.min(edges.length, from + sliceElements);
    const records = snapshot.edgeRecords(from, to);
    for (let e = from; e < to; e++) {
      graph.addDirectedEdgeWithKey(edges[e], nodes[edgeSource[e]], nodes[edgeTarget[e]], records[e - from]);
    }
  }
  return graph;
}

async function nextSlice(signal: AbortSignal | null): Promise<void> {
  await yieldToEventLoop();
  signal?.throwIfAborted();
}
