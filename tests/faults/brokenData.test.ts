import { afterEach, describe, expect, it } from "vitest";
import request from "supertest";
import { buildToFile } from "../../src/graphfile/buildToFile.ts";
import { startServer, type RunningServer } from "../../src/server/start.ts";
import { makeTempData, SEED_RELATIONS, type TempData } from "../helpers/tempData.ts";
import { ACME_ARTICLE, acmeExtractor } from "../ingest/fixtureExtractor.ts";
import { waitFor } from "./childServer.ts";

const BROKEN_YAML = (text: string) => text.replace("  - id: antony-blinken", "  - id: antony-blinken\n   bad: [indent");

describe("a broken or hand-edited file in graph-data/", () => {
  let data: TempData;
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    data.remove();
  });

  async function serve(): Promise<RunningServer> {
    server = await startServer({
      dataRoot: data.root,
      port: 0,
      host: "127.0.0.1",
      extractor: acmeExtractor,
      watch: true,
      app: { requestLogs: false, webRoot: "/nonexistent" },
    });
    return server;
  }

  it("keeps the last good graph served, reports the file and line at /api/health, and recovers once fixed", async () => {
    data = makeTempData();
    buildToFile(undefined, { root: data.root, layout: { iterations: 20 } });
    const running = await serve();
    const { nodes } = (await request(running.url).get("/api/health").expect(200)).body;
    const original = data.read("entities.yaml");
    data.write("entities.yaml", BROKEN_YAML(original));
    await waitFor(() => running.context.served.status.type === "error", "the watcher to notice the broken file");
    const health = (await request(running.url).get("/api/health").expect(200)).body;
    expect(health).toMatchObject({ status: "degraded", nodes });
    expect(health.dataError).toMatch(/entities\.yaml:\d+: YAML syntax error/);
    const refused = await request(running.url)
      .post("/api/documents")
      .send({ title: ACME_ARTICLE.title, text: ACME_ARTICLE.text })
      .expect(409);
    expect(refused.body.error.message).toMatch(/entities\.yaml:\d+/);
    data.write("entities.yaml", original);
    await waitFor(() => running.context.served.status.type === "ok", "the watcher to notice the fix");
    expect((await request(running.url).get("/api/health").expect(200)).body).toMatchObject({ status: "ok", nodes });
  });

  it("starts on the last good build when the data is already broken, naming the record", async () => {
    data = makeTempData();
    buildToFile(undefined, { root: data.root, layout: { iterations: 20 } });
    data.edit(SEED_RELATIONS, (t) => t.replace("object: ukraine", "object: ukrain"));
    const running = await serve();
    const health = (await request(running.url).get("/api/health").expect(200)).body;
    expect(health.status).toBe("degraded");
    expect(health.dataError).toMatch(/000_fd914f920b6354d3\.yaml:\d+ \(podolyak-negotiates-for-ukraine\)/);
    expect(health.nodes).toBeGreaterThan(0);
  });
});
