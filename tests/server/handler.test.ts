import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { createRequestHandler } from "../../src/server/handler.ts";
import type { ServerContext } from "../../src/server/context.ts";
import { graphOf } from "../paths/fixtures.ts";

/**
 * A request the host guard refuses (a foreign Host), and a response that records what is written and closes only
 * when the test says so, as a slow client's streamed answer would.
 */
function slowExchange() {
  const req = Object.assign(new EventEmitter(), {
    method: "GET",
    url: "/api/health",
    headers: { host: "elsewhere.example" },
  }) as unknown as IncomingMessage;
  const written: string[] = [];
  const res = Object.assign(new EventEmitter(), {
    writeHead: () => res,
    setHeader: () => res,
    end: (text?: string) => void written.push(text ?? ""),
  }) as unknown as ServerResponse;
  return { req, res, written };
}

describe("createRequestHandler", () => {
  it("counts a request as a reader of the served graph until its response closes", () => {
    const context: ServerContext = {
      served: new ServedGraph(graphOf([["a", "supports", "b"]])),
      dataRoot: null,
      readOnly: true,
    };
    const handler = createRequestHandler(context, { requestLogs: false });
    const old = context.served.graph;
    const { req, res, written } = slowExchange();
    handler(req, res);
    expect(written.join("")).toMatch(/misdirected|Host/i);
    context.served.replace(graphOf([["b", "supports", "c"]]));
    expect(context.served.recyclable(old)).toBe(false);
    res.emit("close");
    expect(context.served.recyclable(old)).toBe(true);
  });
});

describe("createRequestHandler's Express part", () => {
  const context = (): ServerContext => ({
    served: new ServedGraph(graphOf([["a", "supports", "b"]])),
    dataRoot: null,
    readOnly: true,
  });

  it("answers a request that comes before the Express routes are loaded, once they are", async () => {
    const handler = createRequestHandler(context(), { requestLogs: false, webRoot: "/nonexistent" });
    const res = await request(createServer(handler)).get("/api/health").set("Host", "127.0.0.1").expect(200);
    expect(res.body).toMatchObject({ status: "ok", nodes: 2, edges: 1 });
  });

  it("loads the Express app once, however often it is asked", async () => {
    const handler = createRequestHandler(context(), { requestLogs: false, webRoot: "/nonexistent" });
    const [first, second] = await Promise.all([handler.loadApp(), handler.loadApp()]);
    expect(second).toBe(first);
    expect(await handler.loadApp()).toBe(first);
  });
});
