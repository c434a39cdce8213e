/**
 * Graph files: write and read the graphology JSON export that the builder produces and the server loads.
 */
import { readFileSync, statSync } from "node:fs";
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import type { EntityAttributes, GraphAttributes, KnowledgeGraph, RelationAttributes } from "../model/types.ts";
import { writeFileAtomic, writeFileAtomicAsync } from "../store/atomicWrite.ts";
import { ReusedBuffer } from "../store/reusedBuffer.ts";
import { jsonPieces, writeJson, type JsonOptions } from "../export/json.ts";
import { yieldToEventLoop } from "../util/yieldToEventLoop.ts";
import { useDictionaryAdjacency } from "../graph/dictionaryAdjacency.ts";
import { logger } from "../util/logger.ts";
import { NotLineFormatError, readJsonLines } from "./jsonLines.ts";
import { JsonStreamError, lineAndColumn, streamJsonObject, type JsonStreamHandlers } from "./jsonStream.ts";

type SerializedKnowledgeGraph = SerializedGraph<EntityAttributes, RelationAttributes, GraphAttributes>;

/** Tunables of {@link readGraphJson}. */
export interface ReadGraphOptions {
  /** Files at least this large are streamed in chunks instead of parsed as one string. */
  streamAboveBytes: number;
  /** Bytes per chunk when streaming. */
  chunkBytes: number;
  /**
   * Try the line-oriented reader first when streaming (files with one node or edge per line, as
   * {@link writeGraphJson} writes them); other formats fall back to the general streaming parser.
   */
  lineFormat: boolean;
}

// One JSON.parse of a whole file is fastest while the file is small; past ~64 MB streaming avoids holding the text
// and the whole parsed tree at once, and past ~1 GB (V8's string limit) it is the only way.
export const DEFAULT_READ_GRAPH_OPTIONS: ReadGraphOptions = {
  streamAboveBytes: 64 * 1024 * 1024,
  chunkBytes: 16 * 1024 * 1024,
  lineFormat: true,
};

/**
 * Serialises a graph deterministically (insertion order, stable key order) with one node or edge per line: still
 * readable and diffable, and {@link readGraphJson} reads that format with one native `JSON.parse` per batch of lines.
 */
export function serializeGraph(graph: KnowledgeGraph): string {
  const { nodes, edges, ...rest } = graph.export();
  const head = JSON.stringify(rest).slice(0, -1);
  return `${head}${head.length > 1 ? "," : ""}"nodes":[\n${lines(nodes)}],"edges":[\n${lines(edges)}]}\n`;
}

function lines(elements: unknown[]): string {
  return elements.length === 0 ? "" : elements.map((element) => JSON.stringify(element)).join(",\n") + "\n";
}

/** Writes the graph's JSON export atomically. */
export function writeGraphJson(graph: KnowledgeGraph, file: string): void {
  writeFileAtomic(file, serializeGraph(graph));
}

/**
 * The text of {@link serializeGraph}, in chunks, letting the event loop run between them: a served 100k-node graph
 * would otherwise hold it for seconds while it is saved, and a 1M-node graph's text is longer than a V8 string.
 * The graph must not change meanwhile (the served graph never changes in place).
 */
export function serializeGraphChunks(
  graph: KnowledgeGraph,
  options: Partial<Omit<JsonOptions, "style">> = {},
): AsyncGenerator<string> {
  return writeJson(graph, { ...options, style: "lines" });
}

/** Tunables of {@link writeGraphJsonStreamed}. */
export interface StreamedSaveOptions {
  /** Size of the one buffer the text is encoded into and written from. */
  bufferBytes: number;
  /** The event loop runs after every this many pieces (an element and its separator are two). */
  yieldEvery: number;
}

export const DEFAULT_STREAMED_SAVE_OPTIONS: StreamedSaveOptions = { bufferBytes: 1024 * 1024, yieldEvery: 1000 };

/**
 * Writes the graph like {@link writeGraphJson}, streamed: the event loop keeps running while it is written. Each
 * element's JSON is encoded straight into one reused buffer rather than joined into chunk strings, each copied into a
 * new buffer. Most of what a save allocates is still each element's own JSON text. The graph must not change
 * meanwhile.
 */
export async function writeGraphJsonStreamed(
  graph: KnowledgeGraph,
  file: string,
  options: Partial<StreamedSaveOptions> = {},
): Promise<void> {
  const { bufferBytes, yieldEvery } = { ...DEFAULT_STREAMED_SAVE_OPTIONS, ...options };
  await writeFileAtomicAsync(file, async (handle) => {
    const out = new ReusedBuffer(handle, bufferBytes);
    let count = 0;
    for (const piece of jsonPieces(graph, "lines")) {
      if (out.fits(piece)) out.put(piece);
      else await out.write(piece);
      if (++count % yieldEvery === 0) await yieldToEventLoop();
    }
    await out.flush();
  });
}

/** Rebuilds a graph from a graphology JSON export (as written by {@link writeGraphJson} or `graph.export()`). */
export function graphFromJson(data: SerializedKnowledgeGraph): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  graph.import(data);
  return graph;
}

/** Reads a graphology JSON export from disk; throws with the file name when it is not one. */
export function readGraphJson(file: string, options: Partial<ReadGraphOptions> = {}): KnowledgeGraph {
  const { streamAboveBytes, chunkBytes, lineFormat } = { ...DEFAULT_READ_GRAPH_OPTIONS, ...options };
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new Error(`graph: cannot read ${file} (${(error as Error).message}); rebuild it with "npx kg build"`, {
      cause: error,
    });
  }
  if (size < streamAboveBytes) return parseGraphJson(file);
  if (lineFormat) {
    try {
      return streamGraphJson(file, (handlers) => readJsonLines(file, handlers, { chunkBytes }));
    } catch (error) {
      if (!(error instanceof NotLineFormatError)) throw error;
      logger.info({ file, reason: error.message }, "graph file read with the general streaming parser");
    }
  }
  return streamGraphJson(file, (handlers) => streamJsonObject(file, handlers, { chunkBytes }));
}

function parseGraphJson(file: string): KnowledgeGraph {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw cannotRead(file, error);
  }
  if (!data || typeof data !== "object" || !Array.isArray((data as { nodes?: unknown }).nodes)) {
    throw notAnExport(file);
  }
  return graphFromJson(data as SerializedKnowledgeGraph);
}

/**
 * Imports the file batch by batch as `read` hands the batches over: nodes first, then edges (buffered if the file
 * lists them before the nodes), exactly as `graph.import` would, without ever holding the whole text or parsed tree.
 * A {@link NotLineFormatError} from `read` passes through unwrapped so the caller can try another reader.
 */
function streamGraphJson(file: string, read: (handlers: JsonStreamHandlers) => void): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  let sawNodes = false;
  let nodesDone = false;
  const pendingEdges: SerializedKnowledgeGraph["edges"][] = [];
  const importEdges = (edges: SerializedKnowledgeGraph["edges"]) => {
    if (!nodesDone) {
      useDictionaryAdjacency(graph);
      nodesDone = true;
    }
    graph.import({ edges } as SerializedKnowledgeGraph);
  };
  try {
    read({
      streamed: new Set(["nodes", "edges"]),
      batch: (key, elements) => {
        if (key === "nodes") {
          if (nodesDone && elements.length > 0)
            throw new Error('the "nodes" list must come before the first edge is imported');
          sawNodes = true;
          graph.import({ nodes: elements } as SerializedKnowledgeGraph);
        } else if (sawNodes) {
          importEdges(elements as SerializedKnowledgeGraph["edges"]);
        } else {
          pendingEdges.push(elements as SerializedKnowledgeGraph["edges"]);
        }
      },
      member: (key, value) => {
        if (key === "attributes") graph.import({ attributes: value } as SerializedKnowledgeGraph);
        if (key === "nodes" && Array.isArray(value) && value.length === 0) sawNodes = true;
      },
    });
  } catch (error) {
    if (error instanceof NotLineFormatError) throw error;
    throw cannotRead(file, error);
  }
  if (!sawNodes) throw notAnExport(file);
  for (const edges of pendingEdges.splice(0)) importEdges(edges);
  return graph;
}

function cannotRead(file: string, error: unknown): Error {
  let where = "";
  if (error instanceof JsonStreamError) {
    const position = lineAndColumn(file, error.offset);
    if (position) where = ` (line ${position.line}, column ${position.column})`;
  }
  return new Error(
    `graph: cannot read ${file} as JSON: ${(error as Error).message}${where}; fix the file or rebuild it with "npx kg build"`,
    { cause: error },
  );
}

function notAnExport(file: string): Error {
  return new Error(`graph: ${file} is not a graphology JSON export (no "nodes" list); rebuild it with "npx kg build"`);
}
