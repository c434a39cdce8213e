/**
 * In-place edits under a running server: after the server has replaced decisions.yaml by rename (every review
 * decision does), later edits of that file — by `sed -i`, `cp` over it, an editor's save-by-rename or a plain write —
 * still reach the server: a broken file turns /api/health `degraded`, and its fix turns it `ok` again.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildToFile } from "../../src/graphfile/buildToFile.ts";
import { startServer, type RunningServer } from "../../src/server/start.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import { ACME_ARTICLE, acmeExtractor } from "../ingest/fixtureExtractor.ts";
import { waitFor } from "./childServer.ts";

/**
 * How long the test waits for a pick-up. The server polls file signatures every 500 ms and picks edits up in 0.7–1.4 s
 * on an idle machine; the wait is wider so a loaded CI machine does not fail it (timings belong to the bench).
 */
const PICKUP_MS = 10_000;
// A first line that makes decisions.yaml invalid YAML; removing it restores the file byte for byte.
const BREAK_LINE = "broken: [unclosed";

/** Writes `content` to `file` by one way of rewriting a file. */
type Rewrite = (file: string, content: string) => void;

/** Ways a person or a tool rewrites a file: each breaks the file by adding BREAK_LINE on top, and fixes it again. */
const EDITS: Record<string, { break: (file: string) => void; fix: (file: string) => void }> = {
  // sed -i writes a temporary file beside the original and renames it over it.
  "sed -i": {
    break: (file) => execFileSync("sed", ["-i", `1i ${BREAK_LINE}`, file]),
    fix: (file) => execFileSync("sed", ["-i", "1d", file]),
  },
  "cp over the file": byContent((file, content) => {
    writeFileSync(`${file}.cpsrc`, content);
    copyFileSync(`${file}.cpsrc`, file);
  }),
  "an editor's save-by-rename": byContent((file, content) => {
    writeFileSync(`${file}.swp~`, content);
    renameSync(`${file}.swp~`, file);
  }),
  "writeFileSync in place": byContent((file, content) => writeFileSync(file, content)),
};

function byContent(rewrite: Rewrite) {
  return {
    break: (file: string) => rewrite(file, `${BREAK_LINE}\n${readFileSync(file, "utf8")}`),
    fix: (file: string) => rewrite(file, readFileSync(file, "utf8").split("\n").slice(1).join("\n")),
  };
}

describe("in-place edits after the server renamed a file", () => {
  let data: TempData;
  let server: RunningServer;
  let file: string;
  let original: string;
  beforeAll(async () => {
    data = makeTempData();
    buildToFile(undefined, { root: data.root, layout: { iterations: 20 } });
    server = await startServer({
      dataRoot: data.root,
      port: 0,
      host: "127.0.0.1",
      extractor: acmeExtractor,
      watch: true,
      app: { requestLogs: false, webRoot: "/nonexistent" },
    });
    // A review decision rewrites decisions.yaml by rename: the watch on its old inode is gone from here on.
    const added = await request(server.url)
      .post("/api/documents")
      .send({ title: ACME_ARTICLE.title, text: ACME_ARTICLE.text })
      .expect(201);
    await request(server.url).post(`/api/relations/${added.body.newRelations[0]}/reject`).send({}).expect(200);
    file = path.join(data.root, "decisions.yaml");
    original = readFileSync(file, "utf8");
  });
  afterAll(async () => {
    await server.close();
    data.remove();
  });

  const status = async () => (await request(server.url).get("/api/health").expect(200)).body.status as string;

  for (const [how, edit] of Object.entries(EDITS)) {
    it(`picks up a break and its fix by ${how}`, async () => {
      expect(await status()).toBe("ok");
      edit.break(file);
      await waitFor(() => server.context.served.status.type === "error", `the break by ${how}`, PICKUP_MS);
      expect(await status()).toBe("degraded");
      edit.fix(file);
      await waitFor(() => server.context.served.status.type === "ok", `the fix by ${how}`, PICKUP_MS);
      expect(await status()).toBe("ok");
      expect(readFileSync(file, "utf8")).toBe(original);
    });
  }
});
