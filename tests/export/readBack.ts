/**
 * Test helper: reads an export of the formats beyond Gephi's (Neo4j bundle, Turtle, JSON-LD) back into a graph.
 */
import { unzipSync, strFromU8 } from "fflate";
import path from "node:path";
import { readNeo4jBundle, type BundleFiles } from "../../src/import/neo4j.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";

/** The files of a zipped bundle by base name. */
export function unzipBundle(bytes: Uint8Array): BundleFiles {
  const files: BundleFiles = new Map();
  for (const [name, data] of Object.entries(unzipSync(bytes))) files.set(path.posix.basename(name), strFromU8(data));
  return files;
}

/** Reads back the bytes of a `neo4j` export. */
export function readBack(format: "neo4j", bytes: Uint8Array, fileName: string): KnowledgeGraph {
  switch (format) {
    case "neo4j":
      return readNeo4jBundle(unzipBundle(bytes), fileName);
  }
}
