/**
 * API test fixture: the server's request handler (hot routes, then Express) serving a graph on 127.0.0.1 (port 0),
 * and a check that a response matches the schema the OpenAPI document gives for it.
 */
import { createServer, type Server } from "node:http";
import { expect } from "vitest";
import type { Response } from "supertest";
import { createRequestHandler } from "../../src/server/handler.ts";
import type { ServerContext } from "../../src/server/context.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import type { EndpointSpec } from "../../src/server/api/endpoints.ts";

/** A listening test server. */
export interface TestServer {
  server: Server;
  context: ServerContext;
  close: () => Promise<void>;
}

/** Serves `graph` read-only (documents from `dataRoot`, or none when null) on an ephemeral loopback port. */
export async function serveForTest(graph: KnowledgeGraph, dataRoot: string | null): Promise<TestServer> {
  const context: ServerContext = { served: new ServedGraph(graph), dataRoot, readOnly: true };
  const server = createServer(createRequestHandler(context, { requestLogs: false }));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { server, context, close };
}

/** Asserts the status and that the body matches what the endpoint's spec documents for that status. */
export function expectDocumented(res: Response, spec: EndpointSpec, status: number): void {
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(status);
  expect(res.type).toBe("application/json");
  const documented = spec.responses[status];
  expect(documented, `${spec.path} documents no ${status}`).toBeDefined();
  const parsed = documented.schema.safeParse(res.body);
  expect(parsed.success, parsed.error?.message).toBe(true);
}

/** Asserts a JSON error with `status` and `code` whose message matches `message`, and no stack trace. */
export function expectError(res: Response, status: number, code: string, message: RegExp): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message).toMatch(message);
  expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at |\.ts:\d+/);
}
