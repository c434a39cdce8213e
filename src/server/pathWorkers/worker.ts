/**
 * Path worker: a worker thread answering heavy path queries over the served graph's path index, which it shares with
 * the main thread (SharedArrayBuffer). It searches, asks the pool for the attributes of what it found (the graph
 * itself stays on the main thread), then builds and serialises the answer with the same functions as answerPaths.
 */
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { pathIndexFromParts, searchPlan, type PathIndex, type RawPathSearch } from "../../paths/index.ts";
import { answerSearchedPaths, type PreparedPaths } from "../../query/paths.ts";
import { AttributeCache } from "./attributeCache.ts";
import type { FromPathWorker, PathWorkerSettings, ToPathWorker } from "./protocol.ts";

/** The index this worker holds and the attributes sent for it. */
interface Held {
  indexId: number;
  index: PathIndex;
  attributes: AttributeCache;
}

/** A query searched and waiting for its attributes. */
interface Searched {
  id: number;
  prepared: PreparedPaths;
  raw: RawPathSearch;
  started: number;
  nodes: number[];
  edges: number[];
}

const port = parentPort!;
const settings = workerData as PathWorkerSettings;
const encoder = new TextEncoder();
let held: Held | null = null;
let searched: Searched | null = null;

// On Linux a thread's nice value is its own (setpriority on the calling thread): a busy worker then yields the core to
// the event loop whenever both want it. Elsewhere it applies to the whole process, so it is left alone there.
if (process.platform === "linux" && settings.niceness !== 0) {
  try {
    setPriority(settings.niceness);
  } catch {
    // A sandbox may forbid it; the worker then runs at the process's priority, which is only slower under contention.
  }
}

port.on("message", (message: ToPathWorker) => {
  try {
    if (message.type === "job") onJob(message);
    else onAttributes(message);
  } catch (error) {
    searched = null;
    post({ type: "failed", id: message.id, message: error instanceof Error ? error.message : String(error) });
  }
});

post({ type: "ready" });

function onJob(job: Extract<ToPathWorker, { type: "job" }>): void {
  if (job.index)
    held = { indexId: job.indexId, index: pathIndexFromParts(job.index), attributes: new AttributeCache() };
  if (!held || held.indexId !== job.indexId) throw new Error("path worker: a job came without the index it is for");
  if (held.attributes.size > settings.maxCachedAttributes) held.attributes = new AttributeCache();
  const started = performance.now();
  const raw = searchPlan(held.index, job.prepared.plan, started);
  const { nodes, edges } = missingAttributes(held, job.prepared, raw);
  if (nodes.length === 0 && edges.length === 0) return finish(job.id, job.prepared, raw, started);
  searched = { id: job.id, prepared: job.prepared, raw, started, nodes, edges };
  post({ type: "need", id: job.id, nodes, edges });
}

function onAttributes(message: Extract<ToPathWorker, { type: "attributes" }>): void {
  if (!held || !searched || searched.id !== message.id) throw new Error("path worker: attributes for no query");
  const { index, attributes } = held;
  searched.nodes.forEach((v, i) => attributes.nodes.set(index.nodes[v], message.nodes[i]));
  searched.edges.forEach((e, i) => attributes.edges.set(e, message.edges[i]));
  const { id, prepared, raw, started } = searched;
  searched = null;
  finish(id, prepared, raw, started);
}

/** Index positions of the entities (the two ends included) and relations of `raw` whose attributes are not held. */
function missingAttributes(
  { index, attributes }: Held,
  prepared: PreparedPaths,
  raw: RawPathSearch,
): { nodes: number[]; edges: number[] } {
  const nodes = new Set<number>();
  const edges = new Set<number>();
  for (const v of [prepared.plan.source, prepared.plan.target]) if (!attributes.nodes.has(index.nodes[v])) nodes.add(v);
  for (const path of raw.paths) {
    for (const v of path.nodes) if (!attributes.nodes.has(index.nodes[v])) nodes.add(v);
    for (const e of path.edges) if (!attributes.edges.has(e)) edges.add(e);
  }
  return { nodes: [...nodes], edges: [...edges] };
}

function finish(id: number, prepared: PreparedPaths, raw: RawPathSearch, started: number): void {
  const answer = answerSearchedPaths(held!.attributes, held!.index, prepared, raw, started);
  // TextEncoder gives the bytes a buffer of their own, which can be transferred (Buffer.from may use a shared pool).
  const json = encoder.encode(JSON.stringify(answer));
  post({ type: "done", id, json }, [json.buffer as ArrayBuffer]);
}

function post(message: FromPathWorker, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}
