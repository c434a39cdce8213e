/**
 * GraphML writer: streams a graph as GraphML with typed keys, readable by graphology-graphml, Gephi, yEd and NetworkX.
 *
 * Hand-written because graphology-graphml only parses. GraphML has no list or object types, so lists and objects
 * are written as JSON text in a `string` key whose `<desc>` says JSON; our importer decodes them back.
 */
import type { Attributes } from "graphology-types";
import type { KnowledgeGraph } from "../model/types.ts";
import { isEmptyValue } from "./columns.ts";
import { scanColumns } from "./scan.ts";
import { GRAPHML_JSON_DESC, type Column, type ColumnType } from "./types.ts";
import { withEvidenceColumns } from "./values.ts";
import { escapeXmlAttribute as attr, escapeXmlText } from "./xml.ts";
import { yieldToEventLoop } from "../util/yieldToEventLoop.ts";

/** Tunables of {@link writeGraphml}. */
export interface GraphmlOptions {
  /** Characters buffered before a chunk is yielded. */
  chunkSize: number;
  /** Nodes or edges handled between two yields to the event loop. */
  yieldEvery: number;
}

export const DEFAULT_GRAPHML_OPTIONS: GraphmlOptions = { chunkSize: 64 * 1024, yieldEvery: 500 };

const GRAPHML_TYPES: Partial<Record<ColumnType, string>> = {
  string: "string",
  boolean: "boolean",
  integer: "int",
  long: "long",
  double: "double",
};

type KeyedColumn = Column & { id: string };

/** Streams `graph` as GraphML; concatenating the chunks gives the file. */
export async function* writeGraphml(
  graph: KnowledgeGraph,
  options: Partial<GraphmlOptions> = {},
): AsyncGenerator<string> {
  const opts = { ...DEFAULT_GRAPHML_OPTIONS, ...options };
  const scanned = await scanColumns(graph, { nodeFields: [], edgeFields: [], yieldEvery: opts.yieldEvery });
  const nodes = scanned.nodes.map((c, i): KeyedColumn => ({ ...c, id: `n${i}` }));
  const edges = scanned.edges.map((c, i): KeyedColumn => ({ ...c, id: `e${i}` }));
  const graphAttributes = graph.getAttributes() as Attributes;
  const graphKeys = Object.keys(graphAttributes)
    .filter((key) => !isEmptyValue(graphAttributes[key]))
    .map((key, i): KeyedColumn => ({ key, id: `g${i}`, ...graphType(graphAttributes[key]) }));
  let buffer =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
    keys("graph", graphKeys) +
    keys("node", nodes) +
    keys("edge", edges) +
    '  <graph edgedefault="directed">\n' +
    data(graphAttributes, graphKeys, "    ");
  let count = 0;
  for (const { node, attributes } of graph.nodeEntries()) {
    buffer += `    <node id="${attr(node)}">\n${data(attributes, nodes, "      ")}    </node>\n`;
    if (buffer.length >= opts.chunkSize) {
      yield buffer;
      buffer = "";
    }
    if (++count % opts.yieldEvery === 0) await yieldToEventLoop();
  }
  for (const { edge, source, target, attributes } of graph.edgeEntries()) {
    const values = data(withEvidenceColumns(attributes), edges, "      ");
    buffer += `    <edge id="${attr(edge)}" source="${attr(source)}" target="${attr(target)}">\n${values}    </edge>\n`;
    if (buffer.length >= opts.chunkSize) {
      yield buffer;
      buffer = "";
    }
    if (++count % opts.yieldEvery === 0) await yieldToEventLoop();
  }
  yield buffer + "  </graph>\n</graphml>\n";
}

function graphType(value: unknown): Pick<Column, "type" | "title" | "derived"> {
  const type: ColumnType =
    typeof value === "string"
      ? "string"
      : typeof value === "number"
        ? "double"
        : typeof value === "boolean"
          ? "boolean"
          : "json";
  return { type, title: "", derived: false };
}

function keys(kind: "graph" | "node" | "edge", columns: KeyedColumn[]): string {
  return columns
    .map((c) => {
      const type = GRAPHML_TYPES[c.type] ?? "string";
      const head = `  <key id="${c.id}" for="${kind}" attr.name="${attr(c.key)}" attr.type="${type}"`;
      return GRAPHML_TYPES[c.type] ? `${head}/>\n` : `${head}><desc>${GRAPHML_JSON_DESC}</desc></key>\n`;
    })
    .join("");
}

function data(attributes: Attributes, columns: KeyedColumn[], indent: string): string {
  let out = "";
  for (const column of columns) {
    const value = attributes[column.key];
    if (isEmptyValue(value)) continue;
    const text = GRAPHML_TYPES[column.type] ? String(value) : JSON.stringify(value);
    out += `${indent}<data key="${column.id}">${escapeXmlText(text)}</data>\n`;
  }
  return out;
}
