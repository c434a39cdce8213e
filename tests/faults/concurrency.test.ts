import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { buildToFile } from "../../src/graphfile/buildToFile.ts";
import { validateDataset } from "../../src/graph/validate.ts";
import { WRITE_STEP_DELAY_ENV } from "../../src/store/fsync.ts";
import { loadDataset } from "../../src/store/load.ts";
import { makeTempData } from "../helpers/tempData.ts";
import { ACME_ARTICLE } from "../ingest/fixtureExtractor.ts";
import { startChildServer, type ChildServer } from "./childServer.ts";

const run = promisify(execFile);
const EXTRACTOR_PRESENT = existsSync(path.resolve("src/extract/index.ts"));
// Slows every write step a little so that the server's and the CLI's writes overlap in time.
const ENV = { [WRITE_STEP_DELAY_ENV]: "150" };

describe.skipIf(!EXTRACTOR_PRESENT)("a server and kg ingest writing to the same graph-data/ at once", () => {
  const data = makeTempData();
  let server: ChildServer | undefined;
  afterAll(async () => {
    await server?.stop();
    data.remove();
  });

  it("lose no document, leave valid data, and the server ends up serving every document", async () => {
    buildToFile(undefined, { root: data.root, layout: { iterations: 20 } });
    server = await startChildServer(data.root, ENV);
    const url = server.url;
    const posts = [0, 1, 2].map((i) =>
      fetch(`${url}/api/documents`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ title: `Post ${i}`, text: `${ACME_ARTICLE.text}\nPosted copy ${i}.` }),
      }).then((r) => r.status),
    );
    const cli = [0].map((i) => {
      const file = path.join(path.dirname(data.root), `cli-${i}.txt`);
      writeFileSync(file, `Talks in Istanbul, part ${i}\n\nAntony Blinken said the United States supports Ukraine.\n`);
      return run(process.execPath, ["bin/kg.js", "ingest", file, "--data", data.root], {
        env: { ...process.env, ...ENV },
      }).then(({ stdout }) => stdout);
    });
    expect(await Promise.all(posts)).toEqual([201, 201, 201]);
    for (const out of await Promise.all(cli)) expect(out).toMatch(/^added document \d{3}_/);
    const dataset = loadDataset(data.root);
    expect(dataset.documents.size).toBe(5);
    expect(dataset.extracted).toHaveLength(4);
    expect(validateDataset(dataset)).toEqual([]);
    // The CLI's writes reach the server through its graph-data/ watcher.
    let served: string[] = [];
    const deadline = Date.now() + 20_000;
    while (served.length !== 5 && Date.now() < deadline) {
      const graph = (await (await fetch(`${url}/api/graph`)).json()) as { attributes: { documents: { id: string }[] } };
      served = graph.attributes.documents.map((d) => d.id);
      if (served.length !== 5) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(served.sort()).toEqual([...dataset.documents.keys()].sort());
    // The server saves its build file in the background under the write lock; once it has stopped (saving what was
    // pending), no lock is left behind.
    await server.stop();
    server = undefined;
    expect(existsSync(path.join(data.root, ".write.lock"))).toBe(false);
  }, 180_000);
});
