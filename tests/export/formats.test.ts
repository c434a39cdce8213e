import { describe, expect, it } from "vitest";
import { unzipSync, strFromU8 } from "fflate";
import { exportGraph } from "../../src/export/exportGraph.ts";
import { readCsvGraph } from "../../src/import/csv.ts";
import { readGexf } from "../../src/import/gexf.ts";
import { readGraphml } from "../../src/import/graphml.ts";
import { readGraphologyJson } from "../../src/import/json.ts";
import { MultiDirectedGraph } from "graphology";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { EXPORT_FORMATS, type ExportFormat } from "../../src/export/types.ts";
import { seedGraph, trickyGraph } from "./fixtures.ts";
import { readBack } from "./readBack.ts";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const NO_XMLLINT = Boolean(spawnSync("xmllint", ["--version"]).error);

async function collect(chunks: AsyncIterable<string | Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(parts);
}

/** Exports `graph` in `format` and reads the file back with the matching importer. */
async function roundTrip(graph: KnowledgeGraph, format: ExportFormat): Promise<KnowledgeGraph> {
  const file = exportGraph(graph, format, { baseName: "g" });
  const bytes = await collect(file.chunks);
  switch (format) {
    case "gexf":
      return readGexf(bytes.toString("utf8"), file.fileName);
    case "graphml":
      return readGraphml(bytes.toString("utf8"), file.fileName);
    case "json":
      return readGraphologyJson(bytes.toString("utf8"), file.fileName);
    case "csv": {
      const files = unzipSync(new Uint8Array(bytes));
      expect(Object.keys(files)).toEqual(["g-nodes.csv", "g-edges.csv"]);
      return readCsvGraph(strFromU8(files["g-nodes.csv"]), strFromU8(files["g-edges.csv"]), file.fileName);
    }
    default:
      return readBack(format, new Uint8Array(bytes), file.fileName);
  }
}

describe("export", () => {
  describe("exportGraph", () => {
    it.each(EXPORT_FORMATS)(
      "re-imports the seed graph from %s with the same nodes, edges and attributes",
      async (format) => {
        const graph = seedGraph();
        const back = await roundTrip(graph, format);
        expect(back.export().nodes).toEqual(graph.export().nodes);
        expect(back.export().edges).toEqual(graph.export().edges);
      },
    );

    it.each(EXPORT_FORMATS)(
      "keeps escapes, emoji, right-to-left text and parallel edges exact in %s",
      async (format) => {
        const graph = trickyGraph();
        const back = await roundTrip(graph, format);
        expect(back.export().nodes).toEqual(graph.export().nodes);
        expect(back.export().edges).toEqual(graph.export().edges);
      },
    );

    it.each(EXPORT_FORMATS)(
      "keeps an edge's Wikidata property and an open relation's kind and verb phrase in %s",
      async (format) => {
        const graph = trickyGraph();
        graph.mergeEdgeAttributes("e&1", { predicate: "located_in", wikidata: "P131" });
        graph.mergeEdgeAttributes("e<2>", { predicate: "related_to", kind: "open", label: "sold shares in" });
        const back = await roundTrip(graph, format);
        expect(back.getEdgeAttributes("e&1")).toMatchObject({ predicate: "located_in", wikidata: "P131" });
        expect(back.getEdgeAttributes("e<2>")).toMatchObject({ kind: "open", label: "sold shares in" });
        expect(back.getEdgeAttributes("e<2>")).not.toHaveProperty("wikidata");
        expect(back.export().edges).toEqual(graph.export().edges);
      },
    );

    it("re-imports the seed graph's Wikidata properties (located_in is P131)", async () => {
      const graph = seedGraph();
      const located = graph.findEdge((_e, a) => a.predicate === "located_in")!;
      expect(graph.getEdgeAttribute(located, "wikidata")).toBe("P131");
      for (const format of EXPORT_FORMATS) {
        expect((await roundTrip(graph, format)).getEdgeAttribute(located, "wikidata")).toBe("P131");
      }
    });

    it("keeps graph attributes (name, documents) in GraphML and JSON", async () => {
      const graph = seedGraph();
      for (const format of ["graphml", "json"] as const) {
        expect((await roundTrip(graph, format)).getAttributes()).toMatchObject(graph.getAttributes());
      }
    });

    it("names each file and gives its media type", () => {
      const graph = trickyGraph();
      expect(exportGraph(graph, "gexf", { baseName: "kg" })).toMatchObject({
        fileName: "kg.gexf",
        contentType: expect.stringContaining("gexf+xml"),
      });
      expect(exportGraph(graph, "csv", { part: "edges" })).toMatchObject({ fileName: "graph-edges.csv" });
      expect(exportGraph(graph, "csv").contentType).toBe("application/zip");
    });

    it("writes CSV with a header row, RFC 4180 quoting and clashing names prefixed", async () => {
      const text = (await collect(exportGraph(trickyGraph(), "csv", { part: "edges" }).chunks)).toString("utf8");
      const [header] = text.split("\r\n");
      expect(header.startsWith("Id,Source,Target,Label,predicate,")).toBe(true);
      expect(header).toContain(",attr:source,");
      expect(text).toContain('"talks & <argues> with ""Tom & Jerry');
    });

    it.skipIf(NO_XMLLINT)("writes GraphML that is well-formed XML with typed keys", async () => {
      const text = (await collect(exportGraph(trickyGraph(), "graphml").chunks)).toString("utf8");
      const dir = mkdtempSync(path.join(os.tmpdir(), "kg-graphml-"));
      try {
        writeFileSync(path.join(dir, "g.graphml"), text);
        expect(spawnSync("xmllint", ["--noout", path.join(dir, "g.graphml")]).status).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      expect(text).toContain('attr.name="community" attr.type="int"');
      expect(text).toMatch(/attr\.name="evidence" attr\.type="string"><desc>JSON<\/desc>/);
    });
    if (NO_XMLLINT) it("skips the GraphML well-formedness check: xmllint is not installed", (ctx) => ctx.skip());

    it("writes the JSON export exactly as graphology's export()", async () => {
      const graph = seedGraph();
      const text = (await collect(exportGraph(graph, "json").chunks)).toString("utf8");
      expect(text).toBe(JSON.stringify(graph.export()));
      const empty = new MultiDirectedGraph();
      empty.addNode("bare");
      expect((await collect(exportGraph(empty as KnowledgeGraph, "json").chunks)).toString("utf8")).toBe(
        JSON.stringify(empty.export()),
      );
    });
  });
});
