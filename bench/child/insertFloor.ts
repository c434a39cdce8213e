/**
 * Child: the floor under any graphology-backed load of a graph file — inserting its keyed nodes and edges, same
 * keys and same endpoints in the same order, into an empty multi graph with no attributes and nothing to parse.
 * Run with `npm start`'s Node flags.
 */
import Graph from "graphology";
import { readGraphJson } from "../../src/graphfile/graphFile.ts";

const file = process.argv[2];
if (!file) throw new Error("bench: usage insertFloor.ts <graph.json>");

const { nodeKeys, edgeKeys, ends } = readTopology(file);
globalThis.gc?.();

const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const graph = new Graph({ type: "directed", multi: true, allowSelfLoops: true });
const t0 = performance.now();
const c0 = cpu();
for (const key of nodeKeys) graph.addNode(key);
const nodesMs = performance.now() - t0;
for (let i = 0; i < edgeKeys.length; i++) graph.addDirectedEdgeWithKey(edgeKeys[i], ends[2 * i], ends[2 * i + 1]);
const totalMs = performance.now() - t0;
console.log(JSON.stringify({ nodesMs, totalMs, cpuMs: cpu() - c0, order: graph.order, size: graph.size }));

/** The topology, read untimed: node keys, then edge keys with their ends, in the file's order. The loaded graph
 * dies with this call, so the timed inserts do not share the heap with it. */
function readTopology(path: string): { nodeKeys: string[]; edgeKeys: string[]; ends: string[] } {
  const loaded = readGraphJson(path);
  const edgeKeys = new Array<string>(loaded.size);
  const ends = new Array<string>(2 * loaded.size);
  let i = 0;
  loaded.forEachEdge((edge, _attributes, source, target) => {
    edgeKeys[i] = edge;
    ends[2 * i] = source;
    ends[2 * i + 1] = target;
    i++;
  });
  return { nodeKeys: loaded.nodes(), edgeKeys, ends };
}
