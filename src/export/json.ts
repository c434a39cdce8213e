/**
 * JSON writer: streams the graphology JSON export, byte for byte what `JSON.stringify(graph.export())` gives, or the
 * same export with one node or edge per line (the format of graph-data/build/graph.json, see graphfile/graphFile.ts).
 *
 * Hand-written so a large graph is not turned into one object tree and one string at once, and so the server keeps
 * answering other requests meanwhile (see yieldToEventLoop.ts).
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { yieldToEventLoop } from "../util/yieldToEventLoop.ts";
import { hasKeys } from "../util/hasKeys.ts";

/** `compact`: `JSON.stringify(graph.export())`; `lines`: the same value with one node or edge per line. */
export type JsonStyle = "compact" | "lines";

/** Tunables of {@link writeJson}. */
export interface JsonOptions {
  style: JsonStyle;
  chunkSize: number;
  /** The event loop runs after every this many pieces of {@link jsonPieces} (an element and its separator are two). */
  yieldEvery: number;
}

export const DEFAULT_JSON_OPTIONS: JsonOptions = { style: "compact", chunkSize: 64 * 1024, yieldEvery: 1000 };

/** What stands around and between the elements of a list, per style. */
const PUNCTUATION: Record<JsonStyle, { open: string; between: string; afterLast: string; end: string }> = {
  compact: { open: "[", between: ",", afterLast: "", end: "" },
  lines: { open: "[\n", between: ",\n", afterLast: "\n", end: "\n" },
};

/** Streams `graph.export()` as JSON text, in chunks of about `chunkSize` characters. */
export async function* writeJson(graph: KnowledgeGraph, options: Partial<JsonOptions> = {}): AsyncGenerator<string> {
  const { style, chunkSize, yieldEvery } = { ...DEFAULT_JSON_OPTIONS, ...options };
  let buffer = "";
  let count = 0;
  for (const piece of jsonPieces(graph, style)) {
    buffer += piece;
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = "";
    }
    if (++count % yieldEvery === 0) await yieldToEventLoop();
  }
  if (buffer.length > 0) yield buffer;
}

/**
 * The text of {@link writeJson} as the pieces it is made of — each element's JSON and each separator apart — so that
 * a writer can encode them one by one without joining them into larger strings first. The graph must not change
 * until the pieces end.
 */
export function* jsonPieces(graph: KnowledgeGraph, style: JsonStyle): Generator<string> {
  const p = PUNCTUATION[style];
  const head = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield `{"options":${JSON.stringify(head)},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":`;
  // graphology's serializeNode / serializeEdge: `attributes` only when there are some.
  const nodes = mapEntries(graph.nodeEntries(), ({ node, attributes }) =>
    hasKeys(attributes) ? { key: node, attributes } : { key: node },
  );
  const mixed = graph.type === "mixed";
  const edges = mapEntries(graph.edgeEntries(), ({ edge, source, target, attributes, undirected }) => {
    const record: Record<string, unknown> = { key: edge, source, target };
    if (hasKeys(attributes)) record.attributes = attributes;
    if (mixed && undirected) record.undirected = true;
    return record;
  });
  for (const [name, records] of [
    ["nodes", nodes],
    ["edges", edges],
  ] as const) {
    if (name === "edges") yield ',"edges":';
    yield p.open;
    let first = true;
    for (const record of records) {
      if (!first) yield p.between;
      yield JSON.stringify(record);
      first = false;
    }
    yield (first ? "" : p.afterLast) + "]";
  }
  yield "}" + p.end;
}

function* mapEntries<T, R>(entries: Iterable<T>, toRecord: (entry: T) => R): Generator<R> {
  for (const entry of entries) yield toRecord(entry);
}
