/**
 * Child: the load test's baseline — a bare node:http server on 127.0.0.1 answering the five URL kinds of the mix
 * (paths, search, node detail, neighbours, exports) with the same answer functions as our routes, and nothing else:
 * no Express, no middleware, no host guard, no security headers, no logs. The floor of what the mix costs.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import querystring from "node:querystring";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { errorAnswer } from "../../src/query/errors.ts";
import { answerExport } from "../../src/query/export.ts";
import { loadServedGraph } from "../../src/query/loadGraph.ts";
import { answerNeighbors, answerNodeDetail } from "../../src/query/nodes.ts";
import { answerPaths } from "../../src/query/paths.ts";
import { answerSearch } from "../../src/query/search.ts";
import { pathIndexOf } from "../../src/paths/index.ts";
import { searchIndexOf } from "../../src/search/index.ts";
import { serveDriver } from "../util/servedChild.ts";
import { sendJson } from "../util/sendJson.ts";
import { graphView } from "../../src/query/servedView.ts";

const t0 = performance.now();
const graph = loadServedGraph({ graphFile: process.argv[2], dataRoot: undefined });
// As the server does before it listens (query/warm.ts).
pathIndexOf(graph);
searchIndexOf(graph);

const NODE_DETAIL = /^\/api\/graph\/nodes\/([^/]+)$/;
const NEIGHBORS = /^\/api\/nodes\/([^/]+)\/neighbors$/;

/** The answer of one request: a JSON body, or an export's chunks with their content type. */
type Answer = { json: unknown } | { chunks: AsyncIterable<string | Uint8Array>; contentType: string } | null;

function answer(path: string, query: querystring.ParsedUrlQuery): Answer {
  if (path === "/api/paths") return { json: answerPaths(graphView(graph), query) };
  if (path === "/api/search") return { json: answerSearch(graphView(graph), query) };
  let match = NODE_DETAIL.exec(path);
  if (match) return { json: answerNodeDetail(graphView(graph), { id: decodeURIComponent(match[1]) }, query) };
  match = NEIGHBORS.exec(path);
  if (match) return { json: answerNeighbors(graphView(graph), { id: decodeURIComponent(match[1]) }, query) };
  if (path === "/api/export") {
    const { file } = answerExport(graph, query, "evidence-graph", null);
    return { chunks: file.chunks, contentType: file.contentType };
  }
  return null;
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? "/";
  const mark = url.indexOf("?");
  const path = mark === -1 ? url : url.slice(0, mark);
  let result: Answer;
  try {
    result = answer(path, querystring.parse(mark === -1 ? "" : url.slice(mark + 1)));
  } catch (error) {
    const { status, body } = errorAnswer(error, path);
    return sendJson(res, status, body);
  }
  if (!result) return sendJson(res, 404, { error: "not found" });
  if ("json" in result) return sendJson(res, 200, result.json);
  res.writeHead(200, { "content-type": result.contentType });
  pipeline(Readable.from(result.chunks), res).catch(() => res.destroy());
}

const server = createServer(handle);
server.listen(0, "127.0.0.1", () => {
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  serveDriver(url, Math.round(performance.now() - t0), close);
});
