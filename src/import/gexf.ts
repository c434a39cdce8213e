/**
 * GEXF import: reads GEXF 1.1–1.3 (Gephi, gexf.net, graphology-gexf and our own exports) into a knowledge graph.
 */
import Graph from "graphology";
import { parse } from "graphology-gexf";
import type { KnowledgeGraph } from "../model/types.ts";
import { JSON_MODEL_KEYS } from "./decode.ts";
import { toKnowledgeGraph } from "./normalize.ts";
import { parseXmlDocument } from "./xmlDocument.ts";
import { ImportError, type ImportHints, type ImportOptions } from "./types.ts";

/** Parses GEXF text; `file` names the source in errors. Throws an {@link ImportError} for files it cannot read. */
export function readGexf(text: string, file: string, options: Partial<ImportOptions> = {}): KnowledgeGraph {
  const doc = parseXmlDocument(text, file);
  if (doc.getElementsByTagName("graph").length === 0)
    throw new ImportError(`import: ${file} has no <graph> element; is it a GEXF file?`);
  nameUnnamedEdges(doc);
  let parsed: Graph;
  try {
    // addMissingNodes: Gephi itself imports edges whose end is not declared as a node, so we do too.
    parsed = parse(Graph, doc, { addMissingNodes: true, allowUndeclaredAttributes: true });
  } catch (error) {
    throw new ImportError(`import: cannot read ${file} as GEXF (${(error as Error).message}); fix the file`, {
      cause: error,
    });
  }
  return toKnowledgeGraph(parsed, gexfHints(doc), options);
}

/**
 * GEXF 1.3 makes edge ids optional; graphology would invent random keys for them. Numbering them `e0`, `e1`, … in
 * file order (skipping ids the file already uses) keeps imports deterministic.
 */
function nameUnnamedEdges(doc: Document): void {
  const edges = Array.from(doc.getElementsByTagName("edge"));
  const used = new Set(edges.map((e) => e.getAttribute("id")).filter(Boolean));
  let next = 0;
  for (const edge of edges) {
    if (edge.getAttribute("id")) continue;
    while (used.has(`e${next}`)) next++;
    edge.setAttribute("id", `e${next++}`);
  }
}

function gexfHints(doc: Document): ImportHints {
  const hints: ImportHints = { jsonKeys: new Set(JSON_MODEL_KEYS) };
  for (const block of Array.from(doc.getElementsByTagName("attributes"))) {
    for (const attribute of Array.from(block.getElementsByTagName("attribute"))) {
      const id = attribute.getAttribute("id") ?? "";
      // graphology-gexf keys an attribute by its title only when the id is numeric.
      const key = Number.isNaN(Number(id)) ? id : (attribute.getAttribute("title") ?? id);
      if (attribute.getAttribute("title")?.endsWith(" (JSON)")) hints.jsonKeys.add(key);
    }
  }
  return hints;
}
