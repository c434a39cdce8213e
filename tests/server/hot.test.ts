/**
 * Hot routes: GET/HEAD /api/paths and /api/search answered before Express give byte for byte what the Express routes
 * give (status, body, content type, helmet's headers), and every other request still reaches Express.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import { createApp } from "../../src/server/app.ts";
import type { ServerContext } from "../../src/server/context.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { createRequestHandler } from "../../src/server/handler.ts";
import { createHotDispatcher } from "../../src/server/hot/index.ts";
import { helmetHeaders } from "../../src/server/securityHeaders.ts";

/** A raw answer: status, headers and the exact body bytes. */
interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(
  server: Server,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = body === undefined ? {} : { "content-type": "application/json" },
): Promise<RawAnswer> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

function listen(server: Server): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** Headers that differ between any two answers (time, connection) or that only Express sends (its body hash). */
function comparable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { date: _date, etag: _etag, ...rest } = headers;
  return rest;
}

describe("hot routes", () => {
  const context: ServerContext = { served: new ServedGraph(buildGraph().graph), dataRoot: null, readOnly: true };
  const app = createApp(context, { requestLogs: false });
  const hot = createHotDispatcher(context, { requestLogs: false });
  /** URLs the dispatcher passed on to Express. */
  const passedOn: string[] = [];
  let expressOnly: Server;
  let withHot: Server;

  beforeAll(async () => {
    expressOnly = await listen(createServer(app));
    withHot = await listen(
      createServer((req, res) => {
        if (hot(req, res)) return;
        passedOn.push(`${req.method} ${req.url}`);
        app(req, res);
      }),
    );
  });
  afterAll(async () => {
    await close(expressOnly);
    await close(withHot);
  });

  /** Sends the same request to both servers; expects the same answer, and says whether Express answered it. */
  async function expectSameAnswer(method: string, path: string, body?: string, headers?: Record<string, string>) {
    const before = passedOn.length;
    const express = await send(expressOnly, method, path, body, headers);
    const ours = await send(withHot, method, path, body, headers);
    expect(ours.status).toBe(express.status);
    expect(ours.body).toBe(express.body);
    expect(comparable(ours.headers)).toEqual(comparable(express.headers));
    return { express, ours, passedOn: passedOn.length > before };
  }

  describe("answer what the Express routes answer", () => {
    it.each([
      ["a good paths query", "/api/paths?from=Blinken&to=Podolyak&k=3", 200],
      [
        "a paths query with every option",
        "/api/paths?from=Blinken&to=Podolyak&k=2&maxHops=4&minConfidence=0.5&exclude=nato&directed=false",
        200,
      ],
      ["all simple paths", "/api/paths?from=Blinken&to=Podolyak&mode=all&maxHops=4&limit=3", 200],
      ["an unknown entity", "/api/paths?from=Blinkenn&to=Podolyak", 404],
      ["an ambiguous name", "/api/paths?from=ukr&to=Podolyak", 409],
      ["a bad number", "/api/paths?from=Blinken&to=Podolyak&k=0", 400],
      ["a missing parameter", "/api/paths?from=Blinken", 400],
      ["no query at all", "/api/paths", 400],
      ["an unknown parameter", "/api/paths?from=Blinken&to=Podolyak&kk=2", 400],
      ["a repeated parameter", "/api/paths?from=Blinken&from=Biden&to=Podolyak", 400],
      ["an unknown predicate", "/api/paths?from=Blinken&to=Podolyak&predicates=likes", 400],
      ["broken percent-encoding", "/api/paths?from=%E0%A4%A&to=Podolyak%", 409],
      ["encoded names", "/api/paths?from=Antony%20Blinken&to=Mykhailo+Podolyak", 200],
      ["a search", "/api/search?q=blink&limit=3", 200],
      ["a search by type", "/api/search?q=a&type=person", 200],
      ["a bad search", "/api/search?q=", 400],
      ["a search for an unknown type", "/api/search?q=a&type=planet", 400],
    ])("%s", async (_what, path, status) => {
      const { ours, express, passedOn } = await expectSameAnswer("GET", path);
      expect(ours.status).toBe(status);
      expect(ours.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(passedOn, "the hot dispatcher should have answered").toBe(false);
      expect(express.headers.etag, "Express hashes its bodies").toBeDefined();
      expect(ours.headers.etag, "the hot routes do not").toBeUndefined();
    });

    it("sends every header helmet sets, and no X-Powered-By", async () => {
      const { ours } = await expectSameAnswer("GET", "/api/paths?from=Blinken&to=Podolyak");
      const expected = helmetHeaders();
      expect(expected.length).toBeGreaterThan(8);
      for (const [name, value] of expected) expect(ours.headers[name.toLowerCase()], name).toBe(value);
      expect(ours.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(ours.headers["x-powered-by"]).toBeUndefined();
    });

    it("answers HEAD with the headers of GET and no body", async () => {
      const { ours, passedOn } = await expectSameAnswer("HEAD", "/api/paths?from=Blinken&to=Podolyak");
      const get = await send(withHot, "GET", "/api/paths?from=Blinken&to=Podolyak");
      expect(passedOn).toBe(false);
      expect(ours.body).toBe("");
      expect(ours.headers["content-length"]).toBe(String(Buffer.byteLength(get.body)));
      const error = await expectSameAnswer("HEAD", "/api/paths?from=Blinkenn&to=Podolyak");
      expect(error.ours.status).toBe(404);
      expect(error.ours.body).toBe("");
    });
  });

  describe("pass everything else to Express", () => {
    it.each([
      ["POST", "/api/paths?from=Blinken&to=Podolyak", 404],
      ["DELETE", "/api/search?q=x", 404],
      ["GET", "/api/health", 200],
      ["GET", "/api/pathz?from=Blinken&to=Podolyak", 404],
      ["GET", "/API/paths?from=Blinken&to=Podolyak", 200],
      ["GET", "/api/paths/?from=Blinken&to=Podolyak", 200],
      ["GET", "/api/paths#x?from=Blinken&to=Podolyak", 400],
    ])("%s %s", async (method, path, status) => {
      const { ours, passedOn } = await expectSameAnswer(method, path);
      expect(ours.status).toBe(status);
      expect(passedOn, "Express should have answered").toBe(true);
    });

    it.each([
      ["a JSON body", "{ from: ", { "content-type": "application/json", "content-length": "8" }, 400, /not valid JSON/],
      [
        "a chunked body",
        "{ from: ",
        { "content-type": "application/json", "transfer-encoding": "chunked" },
        400,
        /JSON/,
      ],
      [
        "an empty body in a charset Express refuses",
        "",
        { "content-type": "application/json; charset=latin1", "Content-Length": "0" },
        415,
        /UTF-8/,
      ],
    ])(
      "passes a request carrying %s, which Express reads even on GET",
      async (_what, body, headers, status, message) => {
        const { ours, passedOn } = await expectSameAnswer("GET", "/api/search?q=blink", body, headers);
        expect(ours.status).toBe(status);
        expect(JSON.parse(ours.body).error.message).toMatch(message);
        expect(passedOn).toBe(true);
      },
    );
  });
});

describe("createRequestHandler", () => {
  const context: ServerContext = { served: new ServedGraph(buildGraph().graph), dataRoot: null, readOnly: true };
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level: "info", base: undefined }, sink);
  let server: Server;

  beforeAll(async () => {
    server = await listen(createServer(createRequestHandler(context, { requestLogs: true, logger })));
  });
  afterAll(() => close(server));

  it("answers the hot routes itself and the rest through Express", async () => {
    const paths = await send(server, "GET", "/api/paths?from=Blinken&to=Podolyak");
    expect(paths.status).toBe(200);
    expect(paths.headers.etag).toBeUndefined();
    const health = await send(server, "GET", "/api/health");
    expect(health.status).toBe(200);
    expect(health.headers.etag).toBeDefined();
  });

  it("logs one line per request, the hot routes' shaped like pino-http's", async () => {
    lines.length = 0;
    await send(server, "GET", "/api/paths?from=Blinkenn&to=Podolyak");
    await send(server, "GET", "/api/health");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines).toHaveLength(2);
    const [hotLine, expressLine] = lines;
    expect(hotLine).toMatchObject({
      level: 30,
      msg: "request completed",
      req: { method: "GET", url: "/api/paths?from=Blinkenn&to=Podolyak" },
      res: { statusCode: 404 },
    });
    expect(expressLine).toMatchObject({ req: { method: "GET", url: "/api/health" }, res: { statusCode: 200 } });
    expect(Object.keys(hotLine).sort()).toEqual(Object.keys(expressLine).sort());
    expect(expressLine.reqId).not.toBe(hotLine.reqId);
  });

  it("logs nothing when request logs are off", async () => {
    const quiet = await listen(createServer(createRequestHandler(context, { requestLogs: false, logger })));
    lines.length = 0;
    await send(quiet, "GET", "/api/paths?from=Blinken&to=Podolyak");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines).toEqual([]);
    await close(quiet);
  });
});
