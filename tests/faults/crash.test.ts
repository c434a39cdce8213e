import { afterEach, describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildToFile } from "../../src/graphfile/buildToFile.ts";
import { main } from "../../src/cli/main.ts";
import { WRITE_STEP_DELAY_ENV } from "../../src/store/fsync.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import { ACME_ARTICLE } from "../ingest/fixtureExtractor.ts";
import { startChildServer, waitFor, type ChildServer } from "./childServer.ts";

// Each step of a staged write (staged file, COMMIT marker, rename) pauses this long in the child, so the test can
// SIGKILL it at a chosen step; see src/store/fsync.ts.
const STEP_DELAY_MS = "700";

/** Every source file (build output excluded) with its content. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.name === "build" && dir === root) continue;
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.startsWith(".")) files.set(path.relative(root, full), readFileSync(full, "utf8"));
    }
  };
  walk(root);
  return files;
}

/** The staging folder of the one write in progress, or null. */
function stagedWrite(root: string): string | null {
  const staging = path.join(root, ".staging");
  const txs = existsSync(staging) ? readdirSync(staging) : [];
  return txs.length === 1 ? path.join(staging, txs[0]) : null;
}

async function validate(root: string): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await main(["validate", "--data", root], { out: () => undefined, err: (t) => err.push(t) });
  return { code, err: err.join("\n") };
}

/** Posts the article without waiting for (or caring about) the answer: the server dies before it is sent. */
function postArticle(server: ChildServer): void {
  fetch(`${server.url}/api/documents`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ title: ACME_ARTICLE.title, text: ACME_ARTICLE.text }),
  }).catch(() => undefined);
}

describe("a server killed with SIGKILL in the middle of an ingest", () => {
  let data: TempData;
  let servers: ChildServer[] = [];
  afterEach(async () => {
    for (const s of servers) if (s.process.exitCode === null && !s.process.killed) await s.stop();
    servers = [];
    data?.remove();
  });

  async function start(env: Record<string, string> = {}): Promise<ChildServer> {
    const server = await startChildServer(data.root, env);
    servers.push(server);
    return server;
  }

  async function killAndRestart(server: ChildServer): Promise<ChildServer> {
    server.process.kill("SIGKILL");
    await server.exited;
    return start();
  }

  it("leaves the state from before the ingest when killed before the commit point", async () => {
    data = makeTempData();
    buildToFile(undefined, { root: data.root, layout: { iterations: 20 } });
    const before = snapshot(data.root);
    const server = await start({ [WRITE_STEP_DELAY_ENV]: STEP_DELAY_MS });
    postArticle(server);
    // Two of the three files are staged, the COMMIT marker is not written yet.
    await waitFor(() => {
      const tx = stagedWrite(data.root);
      return tx !== null && existsSync(path.join(tx, "1")) && !existsSync(path.join(tx, "COMMIT"));
    }, "the second staged file");
    const restarted = await killAndRestart(server);
    expect(existsSync(path.join(data.root, ".staging"))).toBe(false);
    expect(snapshot(data.root)).toEqual(before);
    expect(await validate(data.root)).toEqual({ code: 0, err: "" });
    const health = (await (await fetch(`${restarted.url}/api/health`)).json()) as { status: string };
    expect(health.status).toBe("ok");
  }, 180_000);

  it("finishes the ingest on restart when killed after the commit point, half-way through the renames", async () => {
    data = makeTempData();
    buildToFile(undefined, { root: data.root, layout: { iterations: 20 } });
    const before = snapshot(data.root);
    const server = await start({ [WRITE_STEP_DELAY_ENV]: STEP_DELAY_MS });
    postArticle(server);
    // COMMIT is written and the first file (the text) has been renamed into documents/, the others not yet.
    await waitFor(() => {
      const tx = stagedWrite(data.root);
      return tx !== null && existsSync(path.join(tx, "COMMIT")) && !existsSync(path.join(tx, "0"));
    }, "the first rename after COMMIT");
    const restarted = await killAndRestart(server);
    const after = snapshot(data.root);
    const added = [...after.keys()].filter((f) => !before.has(f)).sort();
    expect(added).toEqual([
      expect.stringMatching(/^documents\/001_[0-9a-f]{16}\.meta\.yaml$/),
      expect.stringMatching(/^documents\/001_[0-9a-f]{16}\.txt$/),
      expect.stringMatching(/^extracted\/001_[0-9a-f]{16}\.yaml$/),
    ]);
    expect(after.get(added[1])).toBe(ACME_ARTICLE.text);
    for (const [file, content] of before) expect(after.get(file)).toBe(content);
    expect(await validate(data.root)).toEqual({ code: 0, err: "" });
    const graph = (await (await fetch(`${restarted.url}/api/graph`)).json()) as {
      attributes: { documents: { id: string }[] };
      nodes: { key: string }[];
    };
    expect(graph.attributes.documents.map((d) => d.id)).toContain(added[1].slice("documents/".length, -".txt".length));
    expect(graph.nodes.map((n) => n.key)).toContain("jane-okafor");
  }, 180_000);
});
