/**
 * Turtle and JSON-LD import: parses the RDF exports (n3 for Turtle and N-Triples, jsonld for JSON-LD) and rebuilds
 * the knowledge graph from their triples (see rdf.ts).
 */
import { Parser } from "n3";
import type { Quad } from "@rdfjs/types";
import type { KnowledgeGraph } from "../model/types.ts";
import { readRdfQuads, type RdfImportOptions } from "./rdf.ts";
import { ImportError } from "./types.ts";

/** Reads a Turtle (or N-Triples) text; `name` names the source in errors. */
export function readTurtle(text: string, name: string, options: Partial<RdfImportOptions> = {}): KnowledgeGraph {
  let quads: Quad[];
  try {
    quads = new Parser({ format: "text/turtle" }).parse(text);
  } catch (error) {
    throw new ImportError(`import: ${name} is not valid Turtle (${(error as Error).message}); fix the file`);
  }
  return readRdfQuads(quads, name, options);
}

/** Reads a JSON-LD text (expanded to triples with the jsonld library); `name` names the source in errors. */
export async function readJsonLd(
  text: string,
  name: string,
  options: Partial<RdfImportOptions> = {},
): Promise<KnowledgeGraph> {
  const { default: jsonld } = await import("jsonld");
  let nquads: string;
  try {
    nquads = (await jsonld.toRDF(JSON.parse(text), { format: "application/n-quads" })) as unknown as string;
  } catch (error) {
    throw new ImportError(`import: ${name} is not valid JSON-LD (${(error as Error).message}); fix the file`);
  }
  return readTurtle(nquads, name, options);
}
