import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { writeGraphJson } from "../../src/graphfile/graphFile.ts";
import { NEO4J_FILES } from "../../src/export/neo4jHeaders.ts";
import { readAnyGraphFile } from "../../src/import/readAnyGraphFile.ts";
import { readNeo4jBundle, unzipBundleFiles } from "../../src/import/neo4j.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { kg } from "../helpers/kg.ts";
import { appFor } from "../security/fixtures.ts";
import { seedGraph } from "./fixtures.ts";

describe("kg export --format neo4j", () => {
  let dir: string;
  let graph: KnowledgeGraph;
  let graphFile: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "kg-neo4j-"));
    graph = seedGraph();
    graphFile = path.join(dir, "seed.json");
    writeGraphJson(graph, graphFile);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the bundle into a folder that kg build --from reads back to the same graph", async () => {
    const out = path.join(dir, "bundle");
    const { code, out: said } = await kg("export", "--format", "neo4j", "--out", out, "--graph", graphFile);
    expect(code).toBe(0);
    expect(said).toMatch(/as neo4j -> /);
    expect(readdirSync(out).sort()).toEqual(Object.values(NEO4J_FILES).sort());
    expect(readAnyGraphFile(out).export()).toEqual(graph.export());
    const converted = path.join(dir, "from-bundle.json");
    expect((await kg("build", "--from", out, "--out", converted)).code).toBe(0);
    expect(readAnyGraphFile(converted).export().edges).toEqual(graph.export().edges);
  });

  it("writes a zip when --out ends in .zip, which readAnyGraphFile reads too", async () => {
    const out = path.join(dir, "bundle.zip");
    expect((await kg("export", "--format", "neo4j", "--out", out, "--graph", graphFile)).code).toBe(0);
    expect(readAnyGraphFile(out).export().nodes).toEqual(graph.export().nodes);
  });

  it("refuses to print a bundle, and to write into a folder holding other files", async () => {
    expect((await kg("export", "--format", "neo4j", "--graph", graphFile)).err).toMatch(/give --out DIR/);
    const busy = path.join(dir, "busy");
    rmSync(busy, { recursive: true, force: true });
    mkdirSync(busy);
    writeFileSync(path.join(busy, "notes.txt"), "mine");
    const { code, err } = await kg("export", "--format", "neo4j", "--out", busy, "--graph", graphFile);
    expect(code).toBe(1);
    expect(err).toMatch(/holds other files \(notes\.txt\); give an empty or new folder/);
    expect(readdirSync(busy)).toEqual(["notes.txt"]);
  });
});

describe("GET /api/export?format=neo4j", () => {
  it("streams the bundle of a subset as a zip download", async () => {
    const graph = seedGraph();
    const res = await request(appFor(graph))
      .get("/api/export?format=neo4j&types=person")
      .buffer(true)
      .parse((response, done) => {
        const parts: Buffer[] = [];
        response.on("data", (chunk: Buffer) => parts.push(chunk));
        response.on("end", () => done(null, Buffer.concat(parts)));
      });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    // The subset is in the name: the person entities only.
    expect(res.headers["content-disposition"]).toContain("evidence-graph-person-neo4j.zip");
    const back = readNeo4jBundle(unzipBundleFiles(new Uint8Array(res.body as Buffer)), "subset");
    expect(back.order).toBeGreaterThan(0);
    expect(back.everyNode((_n, a) => a.type === "person")).toBe(true);
  });
});
