/**
 * Dynamic GEXF: `dynamic=true` writes GEXF 1.3 in dynamic mode whose spells are the days of each element's documents,
 * valid against the official schema, through the API and `kg export --dynamic` alike.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { parseXmlDocument } from "../../src/import/xmlDocument.ts";
import { buildGraph } from "../../src/graph/build.ts";
import { writeGraphJson } from "../../src/graphfile/graphFile.ts";
import { gexfToString } from "../../src/export/gexf.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { DATED_DOCUMENTS, DATED_RELATIONS, datedGraph } from "../helpers/datedGraph.ts";
import { kg } from "../helpers/kg.ts";
import { serveForTest, type TestServer } from "../server/apiFixture.ts";
import { validateGexf, validationUnavailable } from "./gexfKit.ts";

const NO_VALIDATION = validationUnavailable();

/** Element id → the days of its spells (each spell must start and end on the same day), from the file's text. */
function spellsIn(text: string, tag: "node" | "edge"): Map<string, string[]> {
  const doc = parseXmlDocument(text, "export.gexf");
  const out = new Map<string, string[]>();
  const elements = doc.getElementsByTagName(tag);
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i];
    const spells = element.getElementsByTagName("spell");
    const days: string[] = [];
    for (let j = 0; j < spells.length; j++) {
      expect(spells[j].getAttribute("end")).toBe(spells[j].getAttribute("start"));
      days.push(spells[j].getAttribute("start")!);
    }
    out.set(element.getAttribute("id")!, days);
  }
  return out;
}

/** What the spells should be: the sorted distinct dates of the documents, computed from the fixture's own tables. */
function expectedDays(docs: Iterable<string>): string[] {
  const dates = new Map(DATED_DOCUMENTS.map((d) => [d.id, d.date]));
  return [...new Set([...docs].map((doc) => dates.get(doc)).filter((d): d is string => d !== undefined))].sort();
}

describe("dynamic GEXF", () => {
  let api: TestServer;
  let text: string;
  beforeAll(async () => {
    api = await serveForTest(datedGraph(), null);
    const res = await request(api.server).get("/api/export?format=gexf&dynamic=true").buffer(true);
    expect(res.status).toBe(200);
    text = res.text;
  });
  afterAll(() => api.close());

  it("declares dynamic mode with dates as the time format", () => {
    expect(text).toMatch(/<graph defaultedgetype="directed" mode="dynamic" timeformat="date">/);
  });

  it("gives each edge one spell per day its evidence documents are dated, and the undated none", () => {
    const spells = spellsIn(text, "edge");
    for (const [key, , , docs] of DATED_RELATIONS) expect(spells.get(key), key).toEqual(expectedDays(docs));
    expect(spells.get("ce")).toEqual([]);
    expect(spells.get("dc")).toEqual(["2022-01-10", "2022-02-15", "2022-03-20"]);
  });

  it("gives each node the days of its documents and of its relations", () => {
    const spells = spellsIn(text, "node");
    const docsOf = (node: string) =>
      DATED_RELATIONS.filter(([, s, t]) => s === node || t === node).flatMap(([, , , docs]) => docs);
    for (const node of ["a", "b", "c", "d", "e"]) expect(spells.get(node), node).toEqual(expectedDays(docsOf(node)));
  });

  it.skipIf(NO_VALIDATION)("is valid GEXF 1.3 against the official schema", () => {
    const { valid, output } = validateGexf(text);
    expect(valid, output).toBe(true);
  });

  it("keeps the static export static", async () => {
    const res = await request(api.server).get("/api/export?format=gexf").buffer(true);
    expect(res.text).toMatch(/mode="static"/);
    expect(res.text).not.toMatch(/<spells>/);
  });

  if (NO_VALIDATION) it(`skips schema validation: ${NO_VALIDATION}`, (ctx) => ctx.skip());
});

describe("dynamic GEXF of the seed graph", () => {
  let graph: KnowledgeGraph;
  let dir: string;
  beforeAll(() => {
    graph = buildGraph().graph;
    dir = mkdtempSync(path.join(os.tmpdir(), "kg-dynamic-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("dates every element by the seed document, as `kg export --dynamic` writes it", async () => {
    const [seed] = graph.getAttribute("documents")!;
    expect(seed.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const graphFile = path.join(dir, "seed.json");
    const out = path.join(dir, "seed.gexf");
    writeGraphJson(graph, graphFile);
    const run = await kg("export", "--format", "gexf", "--dynamic", "--out", out, "--graph", graphFile);
    expect(run.code, run.err).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toBe(await gexfToString(graph, { dynamic: true, lastModified: lastModifiedOf(text) }));
    for (const days of spellsIn(text, "edge").values()) expect(days).toEqual([seed.date]);
    expect(spellsIn(text, "node").size).toBe(graph.order);
    if (!NO_VALIDATION) expect(validateGexf(text).valid).toBe(true);
  });
});

function lastModifiedOf(text: string): Date {
  return new Date(`${/lastmodifieddate="([^"]+)"/.exec(text)![1]}T00:00:00Z`);
}
