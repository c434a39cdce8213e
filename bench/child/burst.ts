/**
 * Child: serves one graph with the request handler `npm start` runs, its heavy path queries on `workers` path workers
 * (0: on the event loop, one per turn, as before the workers), plus a bare control server that starts and reads an
 * event-loop delay histogram of this process.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { readGraphJson } from "../../src/graphfile/graphFile.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { pathIndexOf } from "../../src/paths/index.ts";
import { searchIndexOf } from "../../src/search/index.ts";
import type { ServerContext } from "../../src/server/context.ts";
import { createRequestHandler } from "../../src/server/handler.ts";
import { PathWorkerPool } from "../../src/server/pathWorkers/pool.ts";

const graph = readGraphJson(process.argv[2]);
const workers = Number(process.argv[3]);
pathIndexOf(graph);
searchIndexOf(graph);
// The indexes just built are still in the young generation: the first scavenge copies them all (~50 ms). That is a
// cost of start-up, paid the same way with or without workers; the burst is measured without it.
(globalThis as { gc?: () => void }).gc?.();
const ctx: ServerContext = { served: new ServedGraph(graph), dataRoot: null, readOnly: true };
if (workers > 0) ctx.pathWorkers = new PathWorkerPool({ size: workers });
let histogram: ReturnType<typeof monitorEventLoopDelay> | null = null;

function control(req: IncomingMessage, res: ServerResponse): void {
  const action = new URL(req.url ?? "/", "http://localhost").searchParams.get("action");
  if (action === "start") {
    histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    return send(res, { ok: true });
  }
  histogram?.disable();
  const ms = (ns: number) => (histogram ? ns / 1e6 : NaN);
  send(res, { maxMs: ms(histogram?.max ?? 0), p99Ms: ms(histogram?.percentile(99) ?? 0) });
}

function send(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

const listen = (server: ReturnType<typeof createServer>) =>
  new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
const url = await listen(createServer(createRequestHandler(ctx, { requestLogs: false, webRoot: "/nonexistent" })));
const controlUrl = await listen(createServer(control));
console.log(JSON.stringify({ url, control: controlUrl }));
