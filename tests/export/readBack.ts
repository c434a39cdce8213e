/**
 * Test helper: reads an export of the formats beyond Gephi's (Neo4j bundle, Turtle, JSON-LD) back into a graph.
 */
import { readNeo4jBundle, unzipBundleFiles } from "../../src/import/neo4j.ts";
import { readJsonLd, readTurtle } from "../../src/import/turtle.ts";
import type { RdfImportOptions } from "../../src/import/rdf.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";

/** Reads back the bytes of a `neo4j`, `turtle` or `jsonld` export. */
export async function readBack(
  format: "neo4j" | "turtle" | "jsonld",
  bytes: Uint8Array,
  fileName: string,
  options: Partial<RdfImportOptions> = {},
): Promise<KnowledgeGraph> {
  switch (format) {
    case "neo4j":
      return readNeo4jBundle(unzipBundleFiles(bytes), fileName);
    case "turtle":
      return readTurtle(Buffer.from(bytes).toString("utf8"), fileName, options);
    case "jsonld":
      return readJsonLd(Buffer.from(bytes).toString("utf8"), fileName, options);
  }
}
