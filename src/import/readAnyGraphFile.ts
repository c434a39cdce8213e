/**
 * Any graph file: loads a graphology JSON export, GEXF or GraphML file into a knowledge graph, by its content.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { KnowledgeGraph } from "../model/types.ts";
import { readGexf } from "./gexf.ts";
import { readGraphml } from "./graphml.ts";
import { readGraphologyJson } from "./json.ts";
import { ImportError, type ImportOptions } from "./types.ts";

/** The file formats {@link readAnyGraphFile} recognises. */
export type GraphFileFormat = "json" | "gexf" | "graphml";

/**
 * Reads `file`: the format comes from the extension (.json, .gexf, .graphml), or from the content when the
 * extension says nothing. Throws an {@link ImportError} that names the file and the fix.
 */
export function readAnyGraphFile(file: string, options: Partial<ImportOptions> = {}): KnowledgeGraph {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ImportError(`import: cannot read ${file} (${code}); check the path`, { cause: error });
  }
  const format = graphFileFormat(file, text);
  if (format === null)
    throw new ImportError(`import: ${file} is neither graphology JSON, GEXF nor GraphML; export it in one of those`);
  const name = path.basename(file);
  if (format === "gexf") return readGexf(text, name, options);
  if (format === "graphml") return readGraphml(text, name, options);
  return readGraphologyJson(text, name, options);
}

/** The format of a file from its extension, else from its first bytes; null when unrecognised. */
export function graphFileFormat(file: string, text: string): GraphFileFormat | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".gexf") return "gexf";
  if (ext === ".graphml") return "graphml";
  if (ext === ".json") return "json";
  const head = text.slice(0, 2000).trimStart();
  if (head.startsWith("{")) return "json";
  if (/<gexf[\s>]/.test(head)) return "gexf";
  if (/<graphml[\s>]/.test(head)) return "graphml";
  return null;
}
