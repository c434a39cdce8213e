import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { exportGraph } from "../../src/export/exportGraph.ts";
import { neo4jImportCommand } from "../../src/export/neo4jFiles.ts";
import { NEO4J_FILES } from "../../src/export/neo4jHeaders.ts";
import { readNeo4jBundle, unzipBundleFiles, type BundleFiles } from "../../src/import/neo4j.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { hostileGraph } from "../security/fixtures.ts";
import { seedGraph, trickyGraph } from "./fixtures.ts";
import { checkHeader } from "./neo4jHeaderGrammar.ts";

async function bundle(graph: KnowledgeGraph): Promise<BundleFiles> {
  const parts: Buffer[] = [];
  for await (const chunk of exportGraph(graph, "neo4j", { baseName: "g" }).chunks) parts.push(Buffer.from(chunk));
  return unzipBundleFiles(new Uint8Array(Buffer.concat(parts)));
}

const CSV_FILES = [
  NEO4J_FILES.entities,
  NEO4J_FILES.documents,
  NEO4J_FILES.relations,
  NEO4J_FILES.mentions,
  NEO4J_FILES.evidencedBy,
];

function rows(files: BundleFiles, name: string): string[][] {
  return parse(files.get(name)!, { bom: true, relax_quotes: false });
}

describe("export", () => {
  describe("neo4jBundle", () => {
    it("writes every file of the bundle", async () => {
      const files = await bundle(seedGraph());
      expect([...files.keys()].sort()).toEqual(Object.values(NEO4J_FILES).sort());
    });

    it("writes headers that follow the neo4j-admin header grammar, with rows as wide as their header", async () => {
      for (const graph of [seedGraph(), hostileGraph(), trickyGraph()]) {
        const files = await bundle(graph);
        const groups = new Set<string>();
        const checks = CSV_FILES.map((name) => {
          const [header, ...body] = rows(files, name);
          for (const row of body) expect(row.length, `${name}: ${row.join(",")}`).toBe(header.length);
          const check = checkHeader(header);
          expect(check.problems, name).toEqual([]);
          if (check.idGroup) groups.add(check.idGroup);
          return { name, check };
        });
        for (const { name, check } of checks.filter((c) => c.check.kind === "relationships")) {
          expect(groups, name).toContain(check.startGroup);
          expect(groups, name).toContain(check.endGroup);
        }
      }
    });

    it("types the model's properties (aliases string[], confidence double, offsets int[]) and names labels and types", async () => {
      const files = await bundle(seedGraph());
      const [entityHeader, firstEntity] = rows(files, NEO4J_FILES.entities);
      expect(entityHeader.slice(0, 2)).toEqual(["id:ID(Entity)", ":LABEL"]);
      expect(entityHeader).toEqual(
        expect.arrayContaining(["label:string", "type:string", "aliases:string[]", "x:double", "community:int"]),
      );
      expect(firstEntity[1].split("\u001f")).toEqual(["Entity", expect.stringMatching(/^[A-Z][a-z]+$/)]);
      const [relationHeader, ...relations] = rows(files, NEO4J_FILES.relations);
      expect(relationHeader.slice(0, 4)).toEqual([":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "key:string"]);
      expect(relationHeader).toEqual(
        expect.arrayContaining([
          "confidence:double",
          "evidenceDocuments:string[]",
          "evidenceQuotes:string[]",
          "evidenceStarts:int[]",
          "evidenceEnds:int[]",
        ]),
      );
      expect(relations.map((r) => r[2])).toContain("NEGOTIATES_FOR");
      expect(relations.every((r) => /^[A-Z][A-Z0-9_]*$/.test(r[2]))).toBe(true);
    });

    it("links documents to the entities they mention and to the subjects of the relations they evidence", async () => {
      const graph = seedGraph();
      const files = await bundle(graph);
      const documents = rows(files, NEO4J_FILES.documents).slice(1);
      expect(documents.map((d) => d[0])).toEqual(["000_fd914f920b6354d3"]);
      expect(documents[0][2]).not.toBe("");
      const evidenced = rows(files, NEO4J_FILES.evidencedBy).slice(1);
      const quotes = graph.reduceEdges((n, _e, a) => n + a.evidence.length, 0);
      expect(evidenced).toHaveLength(quotes);
      expect(evidenced.every((r) => r[2] === "EVIDENCED_BY")).toBe(true);
      expect(rows(files, NEO4J_FILES.mentions).slice(1).length).toBeGreaterThan(0);
    });

    it("gives the exact import command in the README, naming every CSV file of the bundle", async () => {
      const files = await bundle(seedGraph());
      const readme = files.get(NEO4J_FILES.readme)!;
      expect(readme).toContain(neo4jImportCommand());
      for (const name of CSV_FILES) expect(neo4jImportCommand()).toContain(`=${name}`);
      expect(neo4jImportCommand()).toMatch(/^neo4j-admin database import full .*--array-delimiter=U\+001F/s);
    });

    it("declares unique ids and indexes in schema.cypher", async () => {
      const schema = (await bundle(seedGraph())).get(NEO4J_FILES.schema)!;
      expect(schema).toContain("FOR (n:Entity) REQUIRE n.id IS UNIQUE");
      expect(schema).toContain("FOR (d:Document) REQUIRE d.id IS UNIQUE");
      expect(schema).toMatch(/FOR \(\)-\[r:NEGOTIATES_FOR\]-\(\) ON \(r\.key\)/);
    });

    it("reads in import.cypher only columns the CSV headers declare, and MERGEs on ids and keys", async () => {
      const files = await bundle(seedGraph());
      const cypher = files.get(NEO4J_FILES.importCypher)!;
      const blocks = cypher.split("LOAD CSV").slice(1);
      expect(blocks).toHaveLength(CSV_FILES.length);
      for (const block of blocks) {
        const file = /'file:\/\/\/([^']+)'/.exec(block)![1];
        const header = rows(files, file)[0];
        for (const [, field] of block.matchAll(/row\.`([^`]+)`/g)) expect(header, `${file}: ${field}`).toContain(field);
        expect(block).toMatch(/MERGE/);
      }
    });

    it("writes list values holding the array delimiter, and such evidence, as JSON, and reads them back", async () => {
      const graph = trickyGraph();
      graph.mergeNodeAttributes(`n&<1>"'`, { aliases: ["a\u001fb", "c"] });
      graph.mergeEdgeAttributes("e&1", { evidence: [{ doc: "doc-1", quote: "x\u001fy", start: 0, end: 3 }] });
      const files = await bundle(graph);
      const header = rows(files, NEO4J_FILES.relations)[0];
      expect(header).toContain("evidenceJson:string");
      const back = readNeo4jBundle(files, "g");
      expect(back.export().nodes).toEqual(graph.export().nodes);
      expect(back.export().edges).toEqual(graph.export().edges);
    });

    it("re-imports the hostile-strings graph exactly", async () => {
      const graph = hostileGraph();
      const back = readNeo4jBundle(await bundle(graph), "hostile");
      expect(back.export().nodes).toEqual(graph.export().nodes);
      expect(back.export().edges).toEqual(graph.export().edges);
    });

    it("keeps the graph's own attributes (name, documents) through the manifest", async () => {
      const graph = seedGraph();
      expect(readNeo4jBundle(await bundle(graph), "seed").getAttributes()).toEqual(graph.getAttributes());
    });
  });
});
