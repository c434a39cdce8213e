/**
 * JSON writer: streams the graphology JSON export, byte for byte what `JSON.stringify(graph.export())` gives.
 *
 * Hand-written so a large graph is not turned into one object tree and one string at once, and so the server keeps
 * answering other requests meanwhile (see yieldToEventLoop.ts).
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { yieldToEventLoop } from "./yieldToEventLoop.ts";
import { hasKeys } from "../util/hasKeys.ts";

/** Tunables of {@link writeJson}. */
export interface JsonOptions {
  chunkSize: number;
  yieldEvery: number;
}

export const DEFAULT_JSON_OPTIONS: JsonOptions = { chunkSize: 64 * 1024, yieldEvery: 500 };

/** Streams `graph.export()` as JSON text. */
export async function* writeJson(graph: KnowledgeGraph, options: Partial<JsonOptions> = {}): AsyncGenerator<string> {
  const { chunkSize, yieldEvery } = { ...DEFAULT_JSON_OPTIONS, ...options };
  const head = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  let buffer = `{"options":${JSON.stringify(head)},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":[`;
  let count = 0;
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    // graphology's serializeNode: `attributes` only when there are some.
    const record = hasKeys(attributes) ? { key: node, attributes } : { key: node };
    buffer += (first ? "" : ",") + JSON.stringify(record);
    first = false;
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = "";
    }
    if (++count % yieldEvery === 0) await yieldToEventLoop();
  }
  buffer += '],"edges":[';
  first = true;
  const mixed = graph.type === "mixed";
  for (const { edge, source, target, attributes, undirected } of graph.edgeEntries()) {
    const record: Record<string, unknown> = { key: edge, source, target };
    if (hasKeys(attributes)) record.attributes = attributes;
    if (mixed && undirected) record.undirected = true;
    buffer += (first ? "" : ",") + JSON.stringify(record);
    first = false;
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = "";
    }
    if (++count % yieldEvery === 0) await yieldToEventLoop();
  }
  yield buffer + "]}";
}
