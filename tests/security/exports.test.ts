/**
 * Exports under hostile data: labels, aliases, descriptions and quotes full of markup, quotes, separators and line
 * breaks come back unchanged from every export format, and the downloads are attachments the browser never renders.
 */
import { parse } from "csv-parse/sync";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { readGexf } from "../../src/import/gexf.ts";
import { readGraphml } from "../../src/import/graphml.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { appFor, HOSTILE_TEXTS, hostileGraph } from "./fixtures.ts";

const app = appFor(hostileGraph());

async function download(query: Record<string, string>): Promise<request.Response> {
  const res = await request(app)
    .get("/api/export")
    .query(query)
    .buffer(true)
    .parse((r, done) => {
      let text = "";
      r.setEncoding("utf8");
      r.on("data", (chunk: string) => (text += chunk));
      r.on("end", () => done(null, text));
    });
  expect(res.status, String(res.body).slice(0, 300)).toBe(200);
  return res;
}

/** Every hostile text, as label, alias, description and quote, is found unchanged in `graph`. */
function expectTextsIntact(graph: KnowledgeGraph): void {
  HOSTILE_TEXTS.forEach((text, i) => {
    const node = graph.getNodeAttributes(`p${i}`);
    expect(node.label).toBe(text);
    expect(node.aliases).toEqual([text, `alias ${text}`]);
    expect(node.description).toBe(text);
    const edge = graph.getEdgeAttributes(`r${i}`);
    expect(edge.label).toBe(text);
    expect(edge.evidence[0].quote).toBe(text);
  });
}

describe("exports of hostile texts", () => {
  it("GEXF parses back to the same strings", async () => {
    const res = await download({ format: "gexf" });
    expectTextsIntact(readGexf(res.body, "export.gexf"));
  });

  it("GraphML parses back to the same strings", async () => {
    const res = await download({ format: "graphml" });
    expectTextsIntact(readGraphml(res.body, "export.graphml"));
  });

  it("CSV quotes separators, quotes and line breaks so every cell reads back whole", async () => {
    const nodes = parse((await download({ format: "csv", part: "nodes" })).body, { columns: true }) as Record<
      string,
      string
    >[];
    const edges = parse((await download({ format: "csv", part: "edges" })).body, { columns: true }) as Record<
      string,
      string
    >[];
    HOSTILE_TEXTS.forEach((text, i) => {
      const node = nodes.find((n) => n.Id === `p${i}`);
      expect(node?.Label).toBe(text);
      expect(node?.description).toBe(text);
      expect(edges.find((e) => e.Id === `r${i}`)?.Label).toBe(text);
    });
  });

  it("JSON carries the same strings", async () => {
    const res = await download({ format: "json" });
    const exported = JSON.parse(res.body) as { nodes: { key: string; attributes: { label: string } }[] };
    HOSTILE_TEXTS.forEach((text, i) => {
      expect(exported.nodes.find((n) => n.key === `p${i}`)?.attributes.label).toBe(text);
    });
  });

  for (const format of ["gexf", "graphml", "csv", "json"]) {
    it(`serves ${format} as an attachment of a non-HTML type that the browser will not sniff`, async () => {
      const res = await download(format === "csv" ? { format, part: "nodes" } : { format });
      expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="?[\w.-]+"?$/);
      expect(res.headers["content-type"]).not.toMatch(/html/);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    });
  }
});
