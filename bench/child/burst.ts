/**
 * Child: serves one graph with the request handler `npm start` runs, its heavy path queries on `workers` path workers
 * (0: on the event loop, one per turn, as before the workers), plus a bare control server that starts and reads an
 * event-loop delay histogram of this process.
 */
import { createServer } from "node:http";
import { readGraphJson } from "../../src/graphfile/graphFile.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { pathIndexOf } from "../../src/paths/index.ts";
import { searchIndexOf } from "../../src/search/index.ts";
import type { ServerContext } from "../../src/server/context.ts";
import { createRequestHandler } from "../../src/server/handler.ts";
import { PathWorkerPool } from "../../src/server/pathWorkers/pool.ts";
import { listenLocal, loopDelayControl } from "../util/loopDelayControl.ts";

const graph = readGraphJson(process.argv[2]);
const workers = Number(process.argv[3]);
pathIndexOf(graph);
searchIndexOf(graph);
// The indexes just built are still in the young generation: the first scavenge copies them all (~50 ms). That is a
// cost of start-up, paid the same way with or without workers; the burst is measured without it.
(globalThis as { gc?: () => void }).gc?.();
const ctx: ServerContext = { served: new ServedGraph(graph), dataRoot: null, readOnly: true };
if (workers > 0) ctx.pathWorkers = new PathWorkerPool({ size: workers });
const url = await listenLocal(createServer(createRequestHandler(ctx, { requestLogs: false, webRoot: "/nonexistent" })));
const controlUrl = await listenLocal(createServer(loopDelayControl()));
console.log(JSON.stringify({ url, control: controlUrl }));
