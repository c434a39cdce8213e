/**
 * Any graph file: loads a graphology JSON export, GEXF, GraphML or Turtle file, or a Neo4j bundle (folder or zip),
 * into a knowledge graph.
 */
import { closeSync, constants, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import type Graph from "graphology";
import { readGraphJson } from "../graphfile/graphFile.ts";
import { ENTITY_TYPES, type KnowledgeGraph } from "../model/types.ts";
import { JSON_MODEL_KEYS } from "./decode.ts";
import { readGexf } from "./gexf.ts";
import { readGraphml } from "./graphml.ts";
import { readGraphologyJson } from "./json.ts";
import { readNeo4jFile } from "./neo4j.ts";
import { readTurtle } from "./turtle.ts";
import { toKnowledgeGraph } from "./normalize.ts";
import { ImportError, type ImportOptions } from "./types.ts";
import { readFileBounded } from "../util/boundedRead.ts";

/** The file formats {@link readAnyGraphFile} recognises. */
export type GraphFileFormat = "json" | "gexf" | "graphml" | "neo4j" | "turtle";

const SNIFF_BYTES = 2048;
// About the longest string V8 makes; a larger GEXF or GraphML file could not be parsed anyway.
const MAX_TEXT_FILE_BYTES = 512 * 1024 * 1024;

/**
 * Reads `file`: the format comes from the extension (.json, .gexf, .graphml), else from the first bytes. Throws an
 * {@link ImportError} that names the file and the fix.
 */
export function readAnyGraphFile(file: string, options: Partial<ImportOptions> = {}): KnowledgeGraph {
  if (isDirectory(file)) return readNeo4jFile(file, options);
  const format = graphFileFormat(file, readHead(file));
  const name = path.basename(file);
  if (format === null)
    throw new ImportError(
      `import: ${file} is neither graphology JSON, GEXF nor GraphML, nor a Neo4j bundle or Turtle; export it in one of those`,
    );
  if (format === "neo4j") return readNeo4jFile(file, options);
  if (format === "json") return readJsonFile(file, options);
  const text = readText(file);
  if (format === "turtle") return readTurtle(text, name, options);
  return format === "gexf" ? readGexf(text, name, options) : readGraphml(text, name, options);
}

/** The format of a file from its extension, else from its first bytes; null when unrecognised. */
export function graphFileFormat(file: string, head: string): GraphFileFormat | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".gexf") return "gexf";
  if (ext === ".graphml") return "graphml";
  if (ext === ".json") return "json";
  if (ext === ".zip" || head.startsWith("PK\u0003\u0004")) return "neo4j";
  if (ext === ".ttl" || ext === ".nt") return "turtle";
  const start = head.trimStart();
  if (start.startsWith("{")) return "json";
  if (/<gexf[\s>]/.test(start)) return "gexf";
  if (/<graphml[\s>]/.test(start)) return "graphml";
  if (/^(@prefix|@base|prefix\s|base\s)/i.test(start)) return "turtle";
  return null;
}

/**
 * JSON goes through the builder's reader (it streams large files) and is normalised only when some node lacks a
 * field of the model; a file that reader refuses (e.g. undirected edges) is read with graphology's `Graph.from`.
 */
function readJsonFile(file: string, options: Partial<ImportOptions>): KnowledgeGraph {
  let graph: KnowledgeGraph;
  try {
    graph = readGraphJson(file);
  } catch {
    return readGraphologyJson(readText(file), path.basename(file), options);
  }
  if (hasModelFields(graph)) return graph;
  const hints = { jsonKeys: new Set(JSON_MODEL_KEYS) };
  return toKnowledgeGraph(graph as unknown as Graph, hints, options);
}

function hasModelFields(graph: KnowledgeGraph): boolean {
  const drawable = (n: string) => {
    const a = graph.getNodeAttributes(n);
    return (
      typeof a.label === "string" &&
      (ENTITY_TYPES as readonly string[]).includes(a.type) &&
      Number.isFinite(a.x) &&
      Number.isFinite(a.y) &&
      Number.isFinite(a.size) &&
      typeof a.color === "string" &&
      Array.isArray(a.aliases)
    );
  };
  return (
    graph.everyNode(drawable) &&
    graph.everyEdge((_e, a) => typeof a.predicate === "string" && Array.isArray(a.evidence))
  );
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false; // readHead names the problem
  }
}

function readHead(file: string): string {
  let fd: number | undefined;
  try {
    // Non-blocking, so a FIFO without a writer does not hang here; readText then refuses it.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const buffer = Buffer.alloc(SNIFF_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, SNIFF_BYTES, 0)).toString("utf8");
  } catch (error) {
    throw cannotRead(file, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readText(file: string): string {
  try {
    return readFileBounded(file, MAX_TEXT_FILE_BYTES).toString("utf8");
  } catch (error) {
    throw new ImportError(`import: ${(error as Error).message}`, { cause: error });
  }
}

function cannotRead(file: string, error: unknown): ImportError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return new ImportError(`import: cannot read ${file} (${code}); check the path`, { cause: error });
}
