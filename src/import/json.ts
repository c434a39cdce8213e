/**
 * JSON import: reads a graphology JSON export — the builder's own, or one written by another graphology app.
 */
import Graph from "graphology";
import type { KnowledgeGraph } from "../model/types.ts";
import { JSON_MODEL_KEYS } from "./decode.ts";
import { toKnowledgeGraph } from "./normalize.ts";
import { ImportError, type ImportOptions } from "./types.ts";

/** Parses graphology JSON text; `file` names the source in errors. */
export function readGraphologyJson(text: string, file: string, options: Partial<ImportOptions> = {}): KnowledgeGraph {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`import: ${file} is not valid JSON (${(error as Error).message}); fix or re-export it`);
  }
  if (!data || typeof data !== "object" || !Array.isArray((data as { nodes?: unknown }).nodes))
    throw new ImportError(`import: ${file} is not a graphology JSON export (no "nodes" list); re-export it`);
  let parsed: Graph;
  try {
    // The file's own options (type, multi) are honoured; toKnowledgeGraph makes the result multi directed.
    parsed = Graph.from(data as Parameters<typeof Graph.from>[0]);
  } catch (error) {
    throw new ImportError(`import: cannot load ${file} (${(error as Error).message}); fix or re-export it`, {
      cause: error,
    });
  }
  return toKnowledgeGraph(parsed, { jsonKeys: new Set(JSON_MODEL_KEYS) }, options);
}
