/**
 * Build from file: converts a foreign graph file into the builder's graph file.
 */
import path from "node:path";
import type { KnowledgeGraph } from "../model/types.ts";
import { writeGraphJson } from "../graphfile/graphFile.ts";
import { readAnyGraphFile } from "./readAnyGraphFile.ts";
import type { ImportOptions } from "./types.ts";

/**
 * Converts a graph file (GEXF 1.1–1.3, GraphML or graphology JSON, e.g. from Gephi) into the builder's JSON, with
 * the fields the server and page need filled in; `out` defaults to the input's name with `.json`, beside it.
 */
export function buildFromFile(
  file: string,
  out?: string,
  options: Partial<ImportOptions> = {},
): { graph: KnowledgeGraph; out: string } {
  const target = out ?? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.json`);
  if (path.resolve(target) === path.resolve(file))
    throw new Error(`build: ${file} would be overwritten by its own conversion; give --out FILE`);
  const graph = readAnyGraphFile(file, options);
  writeGraphJson(graph, target);
  return { graph, out: target };
}
