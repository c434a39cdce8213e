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
  yieldEvery: number;
}

export const DEFAULT_JSON_OPTIONS: JsonOptions = { style: "compact", chunkSize: 64 * 1024, yieldEvery: 500 };

/** What stands around and between the elements of a list, per style. */
const PUNCTUATION: Record<JsonStyle, { open: string; between: string; afterLast: string; end: string }> = {
  compact: { open: "[", between: ",", afterLast: "", end: "" },
  lines: { open: "[\n", between: ",\n", afterLast: "\n", end: "\n" },
};

/** Streams `graph.export()` as JSON text. */
export async function* writeJson(graph: KnowledgeGraph, options: Partial<JsonOptions> = {}): AsyncGenerator<string> {
  const { style, chunkSize, yieldEvery } = { ...DEFAULT_JSON_OPTIONS, ...options };
  const p = PUNCTUATION[style];
  const head = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  let buffer = `{"options":${JSON.stringify(head)},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":`;
  let count = 0;
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
    if (name === "edges") buffer += ',"edges":';
    buffer += p.open;
    let first = true;
    for (const record of records) {
      buffer += (first ? "" : p.between) + JSON.stringify(record);
      first = false;
      if (buffer.length >= chunkSize) {
        yield buffer;
        buffer = "";
      }
      if (++count % yieldEvery === 0) await yieldToEventLoop();
    }
    buffer += (first ? "" : p.afterLast) + "]";
  }
  yield buffer + "}" + p.end;
}

function* mapEntries<T, R>(entries: Iterable<T>, toRecord: (entry: T) => R): Generator<R> {
  for (const entry of entries) yield toRecord(entry);
}
