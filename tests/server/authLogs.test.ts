import { afterAll, describe, expect, it } from "vitest";
import { buildToFile } from "../../src/graphfile/buildToFile.ts";
import { makeTempData } from "../helpers/tempData.ts";
import { ACME_ARTICLE } from "../ingest/fixtureExtractor.ts";
import { startChildServer, type ChildServer } from "../faults/childServer.ts";

const TOKEN = "kg-log-test-token-7f3a9c1e5b";

describe("the write token", () => {
  const data = makeTempData();
  let server: ChildServer | undefined;
  afterAll(async () => {
    await server?.stop();
    data.remove();
  });

  it("is required once set through KG_TOKEN, and never appears in the server's log", async () => {
    buildToFile(undefined, { root: data.root, layout: { iterations: 10 } });
    server = await startChildServer(data.root, { KG_TOKEN: TOKEN, LOG_LEVEL: "info", KG_TEST_REQUEST_LOGS: "1" });
    const post = (authorization?: string) =>
      fetch(`${server!.url}/api/documents`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...(authorization ? { Authorization: authorization } : {}) },
        body: JSON.stringify({ title: ACME_ARTICLE.title, text: ACME_ARTICLE.text }),
      });
    expect((await post()).status).toBe(401);
    expect((await post(`Bearer ${TOKEN}-wrong`)).status).toBe(401);
    expect((await post(`Bearer ${TOKEN}`)).status).toBe(201);
    await server.stop();
    const log = server.output();
    expect(log).toContain("/api/documents"); // the request log was on
    expect(log).not.toContain(TOKEN.slice(8));
  }, 120_000);
});
