import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
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
