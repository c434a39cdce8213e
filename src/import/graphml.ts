/**
 * GraphML import: reads GraphML (ours, yEd's, Gephi's, NetworkX's) with graphology-graphml into a knowledge graph.
 */
import Graph from "graphology";
import { parse } from "graphology-graphml";
import type { KnowledgeGraph } from "../model/types.ts";
import { GRAPHML_JSON_DESC } from "../export/types.ts";
import { JSON_MODEL_KEYS } from "./decode.ts";
import { toKnowledgeGraph } from "./normalize.ts";
import { parseXmlDocument } from "./xmlDocument.ts";
import { ImportError, type ImportHints, type ImportOptions } from "./types.ts";

/** Parses GraphML text; `file` names the source in errors. */
export function readGraphml(text: string, file: string, options: Partial<ImportOptions> = {}): KnowledgeGraph {
  const doc = parseXmlDocument(text, file);
  if (doc.getElementsByTagName("graph").length === 0)
    throw new ImportError(`import: ${file} has no <graph> element; is it a GraphML file?`);
  const hints: ImportHints = { jsonKeys: new Set(JSON_MODEL_KEYS) };
  for (const key of Array.from(doc.getElementsByTagName("key"))) {
    const name = key.getAttribute("attr.name") ?? key.getAttribute("id") ?? "";
    const desc = key.getElementsByTagName("desc")[0]?.textContent?.trim();
    if (desc === GRAPHML_JSON_DESC) hints.jsonKeys.add(name);
  }
  let parsed: Graph;
  try {
    parsed = parse(Graph, doc, { addMissingNodes: true });
  } catch (error) {
    throw new ImportError(`import: cannot read ${file} as GraphML (${(error as Error).message}); fix the file`, {
      cause: error,
    });
  }
  return toKnowledgeGraph(parsed, hints, options);
}
