import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { writeGraphJson } from "../../src/graphfile/graphFile.ts";
import { readAnyGraphFile } from "../../src/import/readAnyGraphFile.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { seedGraph } from "./fixtures.ts";
import { GEXF_KIT, samplesUnavailable, validateGexf, validationUnavailable } from "./gexfKit.ts";
import { kg } from "../helpers/kg.ts";

describe("kg export", () => {
  let dir: string;
  let graph: KnowledgeGraph;
  let graphFile: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "kg-export-"));
    graph = seedGraph();
    graphFile = path.join(dir, "seed.json");
    writeGraphJson(graph, graphFile);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a GEXF file that re-imports to the same graph", async () => {
    const out = path.join(dir, "seed.gexf");
    const { code, out: said } = await kg("export", "--format", "gexf", "--out", out, "--graph", graphFile);
    expect(code).toBe(0);
    expect(said).toMatch(/exported \d+ nodes, \d+ edges as gexf -> /);
    expect(readAnyGraphFile(out).export().edges).toEqual(graph.export().edges);
    if (!validationUnavailable()) expect(validateGexf(readFileSync(out, "utf8")).valid).toBe(true);
  });

  it("prints a subset to stdout when there is no --out", async () => {
    const { code, out } = await kg("export", "--format", "json", "--types", "person", "--graph", graphFile);
    expect(code).toBe(0);
    const data = JSON.parse(out) as ReturnType<KnowledgeGraph["export"]>;
    expect(data.nodes.length).toBeGreaterThan(0);
    expect(data.nodes.every((n) => n.attributes?.type === "person")).toBe(true);
  });

  it("writes the CSV zip to a file with both tables", async () => {
    const out = path.join(dir, "seed.zip");
    expect((await kg("export", "--format", "csv", "--out", out, "--graph", graphFile)).code).toBe(0);
    expect(Object.keys(unzipSync(readFileSync(out))).sort()).toEqual(["seed-edges.csv", "seed-nodes.csv"]);
  });

  it("refuses to print a zip and exits 2 with the usage", async () => {
    const { code, err } = await kg("export", "--format", "csv", "--graph", graphFile);
    expect(code).toBe(2);
    expect(err).toMatch(/give --out FILE, or --part nodes\|edges/);
  });

  it("names the flag of an invalid value and exits 2", async () => {
    const { code, err } = await kg("export", "--format", "xml", "--graph", graphFile);
    expect(code).toBe(2);
    expect(err).toMatch(/--format: use one of gexf, graphml, json, csv/);
  });

  it("exits 1 naming an unknown entity, and writes nothing", async () => {
    const out = path.join(dir, "never.gexf");
    const { code, err } = await kg(
      "export",
      "--format",
      "gexf",
      "--node",
      "Blinkenn",
      "--out",
      out,
      "--graph",
      graphFile,
    );
    expect(code).toBe(1);
    expect(err).toMatch(/node "Blinkenn" is not an entity/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("kg build --from", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "kg-from-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const NO_SAMPLES = samplesUnavailable();
  if (NO_SAMPLES) it(`skipped: ${NO_SAMPLES}`, (ctx) => ctx.skip());

  it.skipIf(NO_SAMPLES)("converts a Gephi GEXF file into a graph the server can load", async () => {
    const sample = path.join(GEXF_KIT, "samples/gephi/welcome_Les_Miserables.gexf");
    const out = path.join(dir, "lesmis.json");
    const { code, out: said } = await kg("build", "--from", sample, "--out", out);
    expect(code).toBe(0);
    expect(said).toMatch(/converted 77 nodes, 254 edges from .* -> /);
    const graph = readAnyGraphFile(out);
    expect(graph.getNodeAttribute("11", "label")).toBe("Valjean");
    expect(graph.getNodeAttribute("11", "color")).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("refuses to overwrite its own input", async () => {
    const file = path.join(dir, "self.json");
    writeGraphJson(seedGraph(), file);
    const { code, err } = await kg("build", "--from", file);
    expect(code).toBe(1);
    expect(err).toMatch(/would be overwritten by its own conversion; give --out FILE/);
  });

  it("does not mix --from with --data", async () => {
    const { code, err } = await kg("build", "--from", "x.gexf", "--data", dir);
    expect(code).toBe(2);
    expect(err).toMatch(/drop --data/);
  });

  it("names a file it cannot read", async () => {
    const { code, err } = await kg("build", "--from", path.join(dir, "missing.gexf"));
    expect(code).toBe(1);
    expect(err).toMatch(/cannot read .*missing\.gexf \(ENOENT\)/);
  });
});
