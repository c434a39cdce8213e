/**
 * Sliced copy: graphology's `graph.copy()` with the event loop running between slices of nodes and edges.
 *
 * Hand-written because `copy()` is one synchronous call: on a served 100k-node graph it holds every request for
 * seconds, and the writer prepares its next private copy in idle time, while requests keep coming.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { yieldToEventLoop } from "../util/yieldToEventLoop.ts";
import { shallowCopy } from "../util/shallowCopy.ts";

/** Tunables of {@link copyInSlices}. */
export interface CopyInSlicesOptions {
  /** Most nodes or edges copied between two yields to the event loop. */
  edgesPerSlice: number;
  /**
   * Longest a slice runs before yielding, whatever it has copied: 2,000 edges took 150-200 ms on a machine whose
   * cores were shared three times over, a collection of the growing copy's young objects included.
   */
  sliceMs: number;
}

export const DEFAULT_COPY_IN_SLICES_OPTIONS: CopyInSlicesOptions = { edgesPerSlice: 2000, sliceMs: 8 };

/** The clock is read once per this many elements copied. */
const CLOCK_EVERY = 128;

/**
 * The same graph as `graph.copy()` (options, graph attributes, nodes and edges in order, attribute objects copied one
 * level deep, see shallowCopy), or null when `stillWanted()` turns false between slices. `graph` must not change meanwhile.
 */
export async function copyInSlices(
  graph: KnowledgeGraph,
  stillWanted: () => boolean,
  options: Partial<CopyInSlicesOptions> = {},
): Promise<KnowledgeGraph | null> {
  const { edgesPerSlice, sliceMs } = { ...DEFAULT_COPY_IN_SLICES_OPTIONS, ...options };
  let inSlice = 0;
  let started = performance.now();
  /** Whether the slice is over: `edgesPerSlice` copied, or `sliceMs` gone by. */
  const due = () =>
    ++inSlice >= edgesPerSlice || (inSlice % CLOCK_EVERY === 0 && performance.now() - started >= sliceMs);
  const pause = async () => {
    await yieldToEventLoop();
    inSlice = 0;
    started = performance.now();
    return stillWanted();
  };
  // Nodes in slices too: graphology's emptyCopy() copies them in one go, 70-150 ms at 100k nodes on a busy machine.
  const copy = graph.nullCopy();
  for (const { node, attributes } of graph.nodeEntries()) {
    copy.addNode(node, shallowCopy(attributes));
    if (due() && !(await pause())) return null;
  }
  for (const { edge, source, target, attributes } of graph.edgeEntries()) {
    copy.addDirectedEdgeWithKey(edge, source, target, shallowCopy(attributes));
    if (due() && !(await pause())) return null;
  }
  return copy;
}
