/**
 * CSV writer: a nodes file and an edges file with a header row (Gephi's spreadsheet import reads both as they are).
 *
 * Columns: nodes `Id,Label,…`, edges `Id,Source,Target,Label,…`, then one column per attribute. An attribute whose
 * name clashes with those (e.g. a relation's `source`) is written as `attr:<name>`. Lists and objects are JSON;
 * cells are quoted per RFC 4180 when they hold a comma, quote, line break or edge spaces.
 */
import type { Attributes } from "graphology-types";
import type { KnowledgeGraph } from "../model/types.ts";
import { isEmptyValue } from "./columns.ts";
import { scanColumns } from "./scan.ts";
import type { Column } from "./types.ts";
import { withEvidenceColumns } from "./values.ts";
import { stripForbiddenXmlChars } from "./xml.ts";
import { yieldToEventLoop } from "../util/yieldToEventLoop.ts";

/** Tunables of {@link writeCsv}. */
export interface CsvOptions {
  chunkSize: number;
  yieldEvery: number;
}

export const DEFAULT_CSV_OPTIONS: CsvOptions = { chunkSize: 64 * 1024, yieldEvery: 500 };

/** Fixed leading columns of each file. */
export const CSV_NODE_COLUMNS = ["Id", "Label"];
export const CSV_EDGE_COLUMNS = ["Id", "Source", "Target", "Label"];
/** Prefix of an attribute column whose name clashes with a fixed column. */
export const CSV_CLASH_PREFIX = "attr:";

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** Streams the nodes or the edges file of `graph`. */
export async function* writeCsv(
  graph: KnowledgeGraph,
  part: "nodes" | "edges",
  options: Partial<CsvOptions> = {},
): AsyncGenerator<string> {
  const opts = { ...DEFAULT_CSV_OPTIONS, ...options };
  const scanned = await scanColumns(graph, {
    nodeFields: ["label"],
    edgeFields: ["label"],
    yieldEvery: opts.yieldEvery,
  });
  const fixed = part === "nodes" ? CSV_NODE_COLUMNS : CSV_EDGE_COLUMNS;
  const columns = part === "nodes" ? scanned.nodes : scanned.edges;
  let buffer = row([...fixed, ...columns.map((c) => csvColumnName(c.key, fixed))]);
  let count = 0;
  const entries =
    part === "nodes"
      ? mapIterator(graph.nodeEntries(), (e) => [e.node, e.attributes.label, ...cells(e.attributes, columns)])
      : mapIterator(graph.edgeEntries(), (e) => {
          const attributes = withEvidenceColumns(e.attributes);
          return [e.edge, e.source, e.target, attributes.label, ...cells(attributes, columns)];
        });
  for (const values of entries) {
    buffer += row(values);
    if (buffer.length >= opts.chunkSize) {
      yield buffer;
      buffer = "";
    }
    if (++count % opts.yieldEvery === 0) await yieldToEventLoop();
  }
  yield buffer;
}

/** The header of an attribute column: its key, or `attr:<key>` when that clashes with a fixed column. */
export function csvColumnName(key: string, fixed: string[]): string {
  return fixed.some((f) => f.toLowerCase() === key.toLowerCase()) || key.startsWith(CSV_CLASH_PREFIX)
    ? CSV_CLASH_PREFIX + key
    : key;
}

function cells(attributes: Attributes, columns: Column[]): unknown[] {
  return columns.map((c) => {
    const value = attributes[c.key];
    if (isEmptyValue(value)) return "";
    return c.type === "json" || c.type.startsWith("list") ? JSON.stringify(value) : value;
  });
}

function row(values: unknown[]): string {
  return values.map((v) => cell(v === undefined || v === null ? "" : String(v))).join(",") + "\r\n";
}

function cell(text: string): string {
  // The same characters XML forbids are dropped here too: spreadsheet tools choke on them.
  const clean = stripForbiddenXmlChars(text);
  return NEEDS_QUOTES.test(clean) ? `"${clean.replace(/"/g, '""')}"` : clean;
}

function* mapIterator<T, U>(iterator: IterableIterator<T>, map: (value: T) => U): Generator<U> {
  for (const value of iterator) yield map(value);
}
