/**
 * Scale-free topology: a seeded preferential-attachment edge list with an exact node and edge count.
 */

/** Tunables of {@link scaleFreeTopology}. */
export interface TopologyOptions {
  /** Share of edges whose older endpoint is drawn uniformly instead of by degree (softens the hubs). */
  uniformShare: number;
}

export const DEFAULT_TOPOLOGY_OPTIONS: TopologyOptions = { uniformShare: 0.2 };

/** Edge `i` goes from `sources[i]` to `targets[i]` (node indices); never a self loop. */
export interface Topology {
  nodes: number;
  sources: Int32Array;
  targets: Int32Array;
}

/**
 * Grows a graph node by node; each new node links to older ones picked with probability proportional to their
 * degree (Barabási–Albert), so degrees follow a power law like real knowledge graphs. Typed arrays keep 5M edges
 * within ~80 MB.
 */
export function scaleFreeTopology(
  nodes: number,
  edges: number,
  random: () => number,
  options: Partial<TopologyOptions> = {},
): Topology {
  const { uniformShare } = { ...DEFAULT_TOPOLOGY_OPTIONS, ...options };
  if (!Number.isInteger(nodes) || nodes < 2) throw new Error(`bench: a graph needs at least 2 nodes, got ${nodes}`);
  if (!Number.isInteger(edges) || edges < 1) throw new Error(`bench: a graph needs at least 1 edge, got ${edges}`);
  const sources = new Int32Array(edges);
  const targets = new Int32Array(edges);
  // Every edge contributes both endpoints: drawing uniformly from this list is drawing by degree.
  const endpoints = new Int32Array(2 * edges);
  let count = 0;
  let edge = 0;
  for (let node = 1; node < nodes; node++) {
    const quota = Math.floor((node * edges) / (nodes - 1)) - edge;
    const older = count; // only endpoints of older nodes, so no self loop
    for (let k = 0; k < quota; k++) {
      const other =
        older === 0 || random() < uniformShare ? Math.floor(random() * node) : endpoints[Math.floor(random() * older)];
      const forward = random() < 0.5;
      sources[edge] = forward ? node : other;
      targets[edge] = forward ? other : node;
      endpoints[count++] = other;
      endpoints[count++] = node;
      edge++;
    }
  }
  return { nodes, sources, targets };
}

/** Degree (in + out) of every node of `topology`. */
export function degrees(topology: Topology): Int32Array {
  const degree = new Int32Array(topology.nodes);
  for (let i = 0; i < topology.sources.length; i++) {
    degree[topology.sources[i]]++;
    degree[topology.targets[i]]++;
  }
  return degree;
}
