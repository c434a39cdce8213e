/**
 * Path traversal: neither the page's static files nor the document endpoint hand out a file from outside their
 * folder, however the `..` is spelled.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { FuzzClient } from "../fuzz/client.ts";
import { tinyGraph } from "./fixtures.ts";

const SECRET = "TOP-SECRET-CONTENT";
// "../" as a client may spell it: plain, percent-encoded, double-encoded, backslashed, overlong UTF-8, doubled.
const UP = ["../", "..%2f", "%2e%2e/", "%2e%2e%2f", "..%5c", "%252e%252e%252f", "....//", "..%c0%af", ".%2e/"];

describe("path traversal", () => {
  let dir: string;
  let server: Server;
  let client: FuzzClient;

  beforeAll(async () => {
    // dir/secret.txt sits one level above the web root (dir/web) and two above the documents (dir/data/documents).
    dir = mkdtempSync(path.join(os.tmpdir(), "kg-sec-traversal-"));
    writeFileSync(path.join(dir, "secret.txt"), SECRET);
    const webRoot = path.join(dir, "web");
    const dataRoot = path.join(dir, "data");
    mkdirSync(webRoot);
    mkdirSync(path.join(dataRoot, "documents"), { recursive: true });
    writeFileSync(path.join(webRoot, "index.html"), "<!doctype html><title>page</title>");
    const app = createApp(
      { served: new ServedGraph(tinyGraph()), dataRoot, readOnly: true },
      { requestLogs: false, webRoot },
    );
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    client = new FuzzClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { timeoutMs: 5000 });
  });
  afterAll(async () => {
    client?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const up of UP) {
    it(`never serves a file outside its folder when ".." is spelled ${up}`, async () => {
      // The document route appends ".txt" to the id, so its traversal names "secret", two levels up.
      for (const url of [`/${up}secret.txt`, `/assets/${up}${up}secret.txt`, `/api/documents/${up}${up}secret`]) {
        const outcome = await client.send("GET", url);
        expect(outcome.type, url).toBe("response");
        if (outcome.type !== "response") continue;
        expect(outcome.status, url).toBeLessThan(500);
        expect(outcome.body.toString("utf8"), url).not.toContain(SECRET);
      }
    });
  }

  it("does serve a file inside the web root (the check above is not vacuous)", async () => {
    const outcome = await client.send("GET", "/index.html");
    expect(outcome.type === "response" && outcome.status).toBe(200);
  });
});
