/**
 * Compact Louvain: communities of a large graph by the undirected Louvain method over typed arrays, with a bounded
 * number of sweeps and levels, so its time stays linear in the edges and its result is the same on every run.
 */
import type Graph from "graphology";

// Written here rather than taken from graphology-communities-louvain: on a directed graph that package runs its
// directed variant, whose moves can cycle without end on a large graph, and its undirected variant needs an
// undirected graphology copy of the graph, several GB at a million nodes. No other graphology package detects
// communities.

/** Tunables of {@link compactLouvain}. */
export interface CompactLouvainOptions {
  /** Most passes over the nodes at each level; each pass moves every node to its best neighbouring community. */
  maxSweeps: number;
  /** Most levels; each merges the communities of the level below into single nodes. */
  maxLevels: number;
  /** Modularity resolution: above 1, smaller communities; below 1, larger ones. */
  resolution: number;
}

export const DEFAULT_COMPACT_LOUVAIN_OPTIONS: CompactLouvainOptions = { maxSweeps: 8, maxLevels: 8, resolution: 1 };

/**
 * An undirected weighted graph in compressed rows: node i's neighbours are `targets[starts[i]..starts[i + 1]]`. Weights
 * count edges, so they are whole numbers; 32 bits halve the memory the moves read at random.
 */
interface Rows {
  order: number;
  starts: Int32Array;
  targets: Int32Array;
  weights: Int32Array;
  /** Weight of each node's own loops, counted at both ends (what they add to its degree). */
  loops: Int32Array;
}

/**
 * Community of every node of `graph`, numbered from 0 in the order of the nodes that first hold them. Edges count as
 * undirected and each parallel edge adds one to the weight; a node without edges is a community of its own.
 */
export function compactLouvain(graph: Graph, options: Partial<CompactLouvainOptions> = {}): Map<string, number> {
  const opts = { ...DEFAULT_COMPACT_LOUVAIN_OPTIONS, ...options };
  const nodes = graph.nodes();
  const membership = communitiesOfRows(rowsOf(graph, nodes), opts);
  const result = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) result.set(nodes[i], membership[i]);
  return result;
}

function communitiesOfRows(rows: Rows, opts: CompactLouvainOptions): Int32Array {
  const membership = identity(rows.order);
  let level = rows;
  for (let l = 0; l < opts.maxLevels; l++) {
    const community = localMoves(level, opts);
    const count = renumber(community);
    for (let v = 0; v < membership.length; v++) membership[v] = community[membership[v]];
    if (count === level.order) break;
    level = merged(level, community, count);
  }
  renumber(membership);
  return membership;
}

function rowsOf(graph: Graph, nodes: string[]): Rows {
  const order = nodes.length;
  const index = new Map<string, number>();
  for (let i = 0; i < order; i++) index.set(nodes[i], i);
  const sources = new Int32Array(graph.size);
  const ends = new Int32Array(graph.size);
  const loops = new Int32Array(order);
  let size = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const a = index.get(source)!;
    const b = index.get(target)!;
    if (a === b) {
      loops[a] += 2;
    } else {
      sources[size] = a;
      ends[size++] = b;
    }
  });
  const starts = new Int32Array(order + 1);
  for (let e = 0; e < size; e++) {
    starts[sources[e] + 1]++;
    starts[ends[e] + 1]++;
  }
  for (let i = 0; i < order; i++) starts[i + 1] += starts[i];
  const fill = starts.slice(0, order);
  const targets = new Int32Array(2 * size);
  for (let e = 0; e < size; e++) {
    targets[fill[sources[e]]++] = ends[e];
    targets[fill[ends[e]]++] = sources[e];
  }
  return { order, starts, targets, weights: new Int32Array(2 * size).fill(1), loops };
}

/**
 * Moves each node, in index order, to the neighbouring community that raises modularity most (ties keep it where it
 * is), until a pass moves none or after `maxSweeps` passes; returns each node's community (a node index).
 */
function localMoves({ order, starts, targets, weights, loops }: Rows, opts: CompactLouvainOptions): Int32Array {
  const community = identity(order);
  const degree = new Int32Array(order);
  let total = 0;
  for (let i = 0; i < order; i++) {
    let d = loops[i];
    for (let e = starts[i]; e < starts[i + 1]; e++) d += weights[e];
    degree[i] = d;
    total += d;
  }
  if (total === 0) return community;
  const sum = Int32Array.from(degree);
  const link = new Int32Array(order);
  const touched = new Int32Array(order);
  const scale = opts.resolution / total;
  // Past the first pass, only nodes next to one that moved can gain by moving.
  let active = new Uint8Array(order).fill(1);
  let next = new Uint8Array(order);
  for (let sweep = 0; sweep < opts.maxSweeps; sweep++) {
    let moves = 0;
    for (let i = 0; i < order; i++) {
      if (active[i] === 0) continue;
      const own = community[i];
      const k = degree[i];
      let count = 0;
      for (let e = starts[i]; e < starts[i + 1]; e++) {
        const c = community[targets[e]];
        if (link[c] === 0) touched[count++] = c;
        link[c] += weights[e];
      }
      sum[own] -= k;
      let best = own;
      let bestGain = link[own] - sum[own] * k * scale;
      for (let t = 0; t < count; t++) {
        const c = touched[t];
        const gain = link[c] - sum[c] * k * scale;
        if (gain > bestGain) {
          best = c;
          bestGain = gain;
        }
        link[c] = 0;
      }
      sum[best] += k;
      if (best !== own) {
        community[i] = best;
        moves++;
        for (let e = starts[i]; e < starts[i + 1]; e++) next[targets[e]] = 1;
      }
    }
    if (moves === 0) break;
    [active, next] = [next, active.fill(0)];
  }
  return community;
}

function identity(length: number): Int32Array {
  const ids = new Int32Array(length);
  for (let i = 0; i < length; i++) ids[i] = i;
  return ids;
}

/** Numbers the values of `ids` from 0 in order of first appearance, in place; returns how many there are. */
function renumber(ids: Int32Array): number {
  const next = new Int32Array(ids.length).fill(-1);
  let count = 0;
  for (let i = 0; i < ids.length; i++) {
    if (next[ids[i]] < 0) next[ids[i]] = count++;
    ids[i] = next[ids[i]];
  }
  return count;
}

/** The graph of `count` communities: one node each, edges between them summed, edges inside one become its loops. */
function merged(rows: Rows, community: Int32Array, count: number): Rows {
  const firsts = new Int32Array(count + 1);
  for (let i = 0; i < rows.order; i++) firsts[community[i] + 1]++;
  for (let c = 0; c < count; c++) firsts[c + 1] += firsts[c];
  const fill = firsts.slice(0, count);
  const members = new Int32Array(rows.order);
  for (let i = 0; i < rows.order; i++) members[fill[community[i]]++] = i;
  const starts = new Int32Array(count + 1);
  const targets = new Int32Array(rows.targets.length);
  const weights = new Int32Array(rows.targets.length);
  const loops = new Int32Array(count);
  const link = new Int32Array(count);
  const touched = new Int32Array(count);
  let size = 0;
  for (let c = 0; c < count; c++) {
    starts[c] = size;
    let found = 0;
    for (let m = firsts[c]; m < firsts[c + 1]; m++) {
      const i = members[m];
      loops[c] += rows.loops[i];
      for (let e = rows.starts[i]; e < rows.starts[i + 1]; e++) {
        const d = community[rows.targets[e]];
        // An edge inside the community is met from both ends, so its weight is counted twice, as a loop's is.
        if (d === c) {
          loops[c] += rows.weights[e];
        } else {
          if (link[d] === 0) touched[found++] = d;
          link[d] += rows.weights[e];
        }
      }
    }
    for (let t = 0; t < found; t++) {
      const d = touched[t];
      targets[size] = d;
      weights[size++] = link[d];
      link[d] = 0;
    }
  }
  starts[count] = size;
  return { order: count, starts, targets: targets.subarray(0, size), weights: weights.subarray(0, size), loops };
}
