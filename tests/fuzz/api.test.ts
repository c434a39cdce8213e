/**
 * API fuzz suite: thousands of seeded hostile requests across every mounted endpoint of a real server (on a throw-away
 * copy of graph-data/); every answer must be a 2xx or a 4xx with a JSON error body, none may hang, and the server
 * and its data must be intact afterwards.
 */
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateDataset } from "../../src/graph/validate.ts";
import { startServer, type RunningServer } from "../../src/server/start.ts";
import { loadDataset } from "../../src/store/load.ts";
import { dataFilesOf } from "../../src/store/dataFiles.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import { FuzzClient, type FuzzOutcome } from "./client.ts";
import { RequestFactory, type FuzzRequest, type KnownValues } from "./requests.ts";
import { fuzzRoutes, type FuzzRoute } from "./routes.ts";
import { Dice } from "./values.ts";

// FUZZ_SEED reproduces a failing run; FUZZ_REQUESTS and FUZZ_SECONDS scale it.
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 6000);
const MIN_REQUESTS = Math.min(5000, REQUESTS);
const DEADLINE_MS = Number(process.env.FUZZ_SECONDS ?? 90) * 1000;
const CONCURRENCY = 6;
const STACK_TRACE = /\n\s+at |\.ts:\d+|node_modules/;

/** Why an answer breaks the contract, or null when it keeps it. */
function problemOf(req: FuzzRequest, outcome: FuzzOutcome): string | null {
  if (outcome.type === "error") return `no answer (${outcome.code} after ${outcome.ms} ms)`;
  const { status, contentType, body } = outcome;
  const conditional = "if-none-match" in req.headers;
  if (status >= 500) return `status ${status}: ${body.toString("utf8").slice(0, 300)}`;
  if (status < 200 || (status >= 300 && status < 400 && !(status === 304 && conditional)))
    return `unexpected status ${status}`;
  // Node's HTTP parser answers an over-long request line or header block itself, before the app, without a body.
  if (status === 431) return null;
  if (req.method === "HEAD" || status < 400) return null;
  if (!contentType.startsWith("application/json")) return `${status} with content-type "${contentType}"`;
  const text = body.toString("utf8");
  if (STACK_TRACE.test(text)) return `${status} leaks a stack trace or file path: ${text.slice(0, 300)}`;
  try {
    const error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
    if (typeof error?.code !== "string" || typeof error.message !== "string" || error.message.length === 0)
      return `${status} without { error: { code, message } }: ${text.slice(0, 300)}`;
  } catch {
    return `${status} with a body that is not JSON: ${text.slice(0, 300)}`;
  }
  return null;
}

/** Learns ids that later requests can use (documents and relations added by ingests, merges to revert). */
function learn(known: KnownValues, req: FuzzRequest, outcome: FuzzOutcome): void {
  if (outcome.type !== "response" || outcome.status !== 201 || req.route !== "POST /api/documents") return;
  const result = JSON.parse(outcome.body.toString("utf8")) as {
    document: { id: string };
    newRelations?: string[];
    mergedEntities?: { merge?: string }[];
  };
  known.documentIds.push(result.document.id);
  known.relationIds.push(...(result.newRelations ?? []));
  for (const m of result.mergedEntities ?? []) if (m.merge) known.mergeIds.push(m.merge);
}

/**
 * Learns the query parameters of a route that /api/openapi.json does not document from its 400 answers, which name
 * each invalid field (and, for enums, list the values: "use one of a, b"), so such routes get past validation too.
 */
function learnParams(route: FuzzRoute | undefined, outcome: FuzzOutcome): void {
  if (!route || outcome.type !== "response" || outcome.status !== 400) return;
  let error: ErrorBody;
  try {
    error = (JSON.parse(outcome.body.toString("utf8")) as { error: ErrorBody }).error;
  } catch {
    return; // a HEAD answer has no body; a 400 without JSON is reported by problemOf
  }
  if (!error?.message?.startsWith("invalid query")) return;
  for (const { field, message } of error.problems ?? []) {
    if (!field || field === "query" || route.query.some((p) => p.name === field)) continue;
    const values = /use one of ([\w.-]+(?:, [\w.-]+)*)/.exec(message)?.[1].split(", ");
    route.query.push({ name: field, required: false, schema: values ? { enum: values } : { type: "string" } });
  }
}

type ErrorBody = { message: string; problems?: { field: string; message: string }[] };

function knownValuesOf(server: RunningServer, root: string): KnownValues {
  const graph = server.context.served.graph;
  const labels = new Set<string>();
  graph.forEachNode((_id, a) => {
    labels.add(a.label);
    for (const alias of a.aliases ?? []) labels.add(alias);
  });
  const predicates = new Set<string>();
  graph.forEachEdge((_e, a) => predicates.add(a.predicate));
  const documentIds = readdirSync(dataFilesOf(root).documentsDir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.slice(0, -4));
  return {
    nodeIds: graph.nodes(),
    labels: [...labels],
    predicates: [...predicates],
    documentIds,
    relationIds: [],
    mergeIds: [],
    edgeIds: graph.edges(),
    groupIds: [...new Set(graph.mapNodes((_id, a) => String(a.community)))],
  };
}

interface Tally {
  sent: number;
  byStatus: Map<string, number>;
  byRoute: Map<string, { sent: number; ok: number; ms: number }>;
  failures: string[];
  slowestMs: number;
}

describe("the API under fuzzing", () => {
  let data: TempData;
  let server: RunningServer;
  let client: FuzzClient;
  let routes: FuzzRoute[];
  const tally: Tally = { sent: 0, byStatus: new Map(), byRoute: new Map(), failures: [], slowestMs: 0 };

  beforeAll(async () => {
    data = makeTempData();
    server = await startServer({
      port: 0,
      host: "127.0.0.1",
      dataRoot: data.root,
      watch: false,
      app: { requestLogs: false },
    });
    client = new FuzzClient(server.url);
    const openApi = await client.send("GET", "/api/openapi.json");
    if (openApi.type !== "response") throw new Error("fuzz: /api/openapi.json did not answer");
    routes = await fuzzRoutes(server.context, JSON.parse(openApi.body.toString("utf8")));
    const undocumented = new Map(routes.filter((r) => r.query.length === 0).map((r) => [`${r.method} ${r.path}`, r]));
    console.log(`fuzz: routes without documented query parameters: ${[...undocumented.keys()].join(", ")}`);
    const dice = new Dice(SEED);
    const known = knownValuesOf(server, data.root);
    const factory = new RequestFactory(dice, known, { validIngests: 4, oversized: 8, validDecisions: 12 });
    const started = Date.now();
    let next = 0;
    const nextRequest = (): FuzzRequest | null => {
      if (next >= REQUESTS || Date.now() - started > DEADLINE_MS) return null;
      const route = routes[next++ % routes.length];
      return dice.chance(0.03) ? factory.unknownEndpoint() : factory.build(route);
    };
    const worker = async () => {
      for (let req = nextRequest(); req; req = nextRequest()) {
        const outcome = await client.send(req.method, req.path, req.headers, req.body);
        record(req, outcome);
        learn(known, req, outcome);
        learnParams(undocumented.get(req.route), outcome);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const statuses = [...tally.byStatus].sort().map(([s, n]) => `${s}:${n}`);
    console.log([...tally.byRoute].map(([r, t]) => `${r}: ${t.sent} sent, ${t.ok} 2xx, ${t.ms} ms`).join("\n"));
    console.log(
      `fuzz: ${tally.sent} requests in ${seconds} s (seed ${SEED}, ${routes.length} routes), slowest ${tally.slowestMs} ms; ${statuses.join(" ")}`,
    );
  }, 150_000);

  afterAll(async () => {
    client?.close();
    await server?.close();
    data?.remove();
  });

  function record(req: FuzzRequest, outcome: FuzzOutcome): void {
    tally.sent++;
    tally.slowestMs = Math.max(tally.slowestMs, outcome.ms);
    const status = outcome.type === "response" ? String(outcome.status) : outcome.code;
    tally.byStatus.set(status, (tally.byStatus.get(status) ?? 0) + 1);
    const perRoute = tally.byRoute.get(req.route) ?? { sent: 0, ok: 0, ms: 0 };
    perRoute.sent++;
    perRoute.ms += outcome.ms;
    if (outcome.type === "response" && outcome.status < 300 && req.method !== "OPTIONS") perRoute.ok++;
    tally.byRoute.set(req.route, perRoute);
    const problem = problemOf(req, outcome);
    if (problem) tally.failures.push(`${req.method} ${req.path.slice(0, 300)} → ${problem}`);
  }

  it("sends at least 5,000 requests within the time bound", () => {
    expect(tally.sent).toBeGreaterThanOrEqual(MIN_REQUESTS);
  });

  it("reaches every mounted endpoint, including the write endpoints", () => {
    const methods = new Set(routes.map((r) => r.method));
    expect(methods).toContain("POST");
    for (const route of routes)
      expect(tally.byRoute.get(`${route.method} ${route.path}`)?.sent ?? 0).toBeGreaterThan(100);
  });

  it("gets past validation on every read endpoint at least once (the generator is not all noise)", () => {
    const starved = routes
      .filter((r) => r.method === "GET")
      .filter((r) => (tally.byRoute.get(`${r.method} ${r.path}`)?.ok ?? 0) === 0)
      .map((r) => r.path);
    expect(starved).toEqual([]);
  });

  it("answers every request with a 2xx or a 4xx carrying a JSON error, never a 5xx or a hang", () => {
    expect(tally.failures.slice(0, 20), `${tally.failures.length} failures`).toEqual([]);
  });

  it("still answers /api/health afterwards", async () => {
    const health = await client.send("GET", "/api/health");
    expect(health.type === "response" && health.status).toBe(200);
  });

  it("leaves graph-data valid: what the fuzzer wrote passes kg validate", () => {
    expect(validateDataset(loadDataset(data.root))).toEqual([]);
  });
});
