/**
 * Child: serves one graph twice — the request handler `npm start` runs (hot routes, then Express) and a bare
 * node:http server answering the same path query with the same in-process function — plus probes for the event loop
 * and an in-process export.
 *
 * Request logs are on, at the production level (info), as `npm start` writes them — but into /dev/null, so the
 * bench process reading this child's stdout does not pay for them. BENCH_REQUEST_LOGS=off measures without them.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pino } from "pino";
import { readGraphJson } from "../../src/graphfile/graphFile.ts";
import { findPaths, pathIndexOf } from "../../src/paths/index.ts";
import { searchIndexOf } from "../../src/search/index.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { answerExport } from "../../src/query/export.ts";
import { createRequestHandler } from "../../src/server/handler.ts";
import { sendJson } from "../util/sendJson.ts";

const graph = readGraphJson(process.argv[2]);
pathIndexOf(graph);
searchIndexOf(graph);
// The process logger's settings (src/util/logger.ts) with /dev/null as its destination.
const requestLogger = pino(
  {
    level: "info",
    base: undefined,
    redact: { paths: ["req.headers.authorization", "req.headers.cookie"], censor: "[redacted]" },
  },
  pino.destination({ dest: "/dev/null", sync: false }),
);
const handler = createRequestHandler(
  { served: new ServedGraph(graph), dataRoot: null, readOnly: true },
  { requestLogs: process.env.BENCH_REQUEST_LOGS !== "off", logger: requestLogger },
);
let histogram: ReturnType<typeof monitorEventLoopDelay> | null = null;

/** The baseline: parse the query, run findPaths, answer JSON — nothing else. */
function bare(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/paths") {
    const from = url.searchParams.get("from") ?? "";
    const to = url.searchParams.get("to") ?? "";
    if (!graph.hasNode(from) || !graph.hasNode(to)) return sendJson(res, 404, { error: "unknown entity" });
    return sendJson(res, 200, findPaths(graph, from, to));
  }
  if (url.pathname === "/bench/eld") return eventLoop(url.searchParams.get("action"), res);
  if (url.pathname === "/bench/export") return void exportInProcess(url.searchParams.get("format") ?? "gexf", res);
  sendJson(res, 404, { error: "not found" });
}

function eventLoop(action: string | null, res: ServerResponse): void {
  if (action === "start") {
    histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    return sendJson(res, 200, { ok: true });
  }
  if (!histogram) return sendJson(res, 409, { error: "not started" });
  histogram.disable();
  const ms = (ns: number) => ns / 1e6;
  sendJson(res, 200, { maxMs: ms(histogram.max), p99Ms: ms(histogram.percentile(99)), meanMs: ms(histogram.mean) });
}

/** Used when the server has no /api/export route: the same answer, drained in this process. */
async function exportInProcess(format: string, res: ServerResponse): Promise<void> {
  const t0 = performance.now();
  let bytes = 0;
  for await (const chunk of answerExport(graph, { format }, "evidence-graph", null).file.chunks) bytes += chunk.length;
  sendJson(res, 200, { ms: performance.now() - t0, bytes });
}

const listen = (server: ReturnType<typeof createServer>) =>
  new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
const ours = await listen(createServer(handler));
const bareUrl = await listen(createServer(bare));
console.log(JSON.stringify({ ours, bare: bareUrl, nodes: graph.order, edges: graph.size }));
