/**
 * Snapshot sections: the graph's columns, its path and search indexes and its attribute records, as the byte runs the
 * writer puts one after another (assemble.ts reads them back by name).
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { pathIndexOf, type PathIndex } from "../paths/pathIndex.ts";
import { searchIndexOf, type SearchIndex } from "../search/searchIndex.ts";
import type { Region, SectionType } from "./format.ts";
import { encodeTexts, int32Offsets, textChunks } from "./texts.ts";

/** One section to write: its bytes in one or more parts, which may be made as they are consumed. */
export interface OutSection {
  name: string;
  type: SectionType;
  region: Region;
  parts: Iterable<Uint8Array>;
}

/**
 * Every section of `graph`'s snapshot in file order, the records region's first; builds (and caches) its path and
 * search indexes if not built yet. A generator: each section is made when the writer reaches it, after the previous
 * one's parts were written (the records' offsets are known once the records are).
 */
export function* snapshotSections(graph: KnowledgeGraph): Generator<OutSection> {
  const path = pathIndexOf(graph);
  const search = searchIndexOf(graph);
  const nodeOffsets = new Float64Array(path.order + 1);
  const edgeOffsets = new Float64Array(path.size + 1);
  yield* recordSections(graph, path, nodeOffsets, edgeOffsets);
  yield* nodeSections(graph, path, search);
  yield* edgeSections(graph, path);
  yield* pathSections(path);
  yield* searchSections(search);
  yield typed("nodeRecordOffsets", nodeOffsets);
  yield typed("edgeRecordOffsets", edgeOffsets);
  yield core("graphAttributes", "u8", [Buffer.from(JSON.stringify(graph.getAttributes()), "utf8")]);
}

function nodeSections(graph: KnowledgeGraph, path: PathIndex, search: SearchIndex): OutSection[] {
  const n = path.order;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const size = new Float64Array(n);
  let i = 0;
  graph.forEachNode((_key, attributes) => {
    x[i] = numberOrNaN(attributes.x);
    y[i] = numberOrNaN(attributes.y);
    size[i] = numberOrNaN(attributes.size);
    i++;
  });
  const { names: typeNames, codes: nodeType } = dictionary(search.types);
  return [
    ...stringTable("nodes", path.nodes),
    ...stringTable("labels", search.labels),
    ...stringTable("typeNames", typeNames),
    typed("nodeType", nodeType),
    typed("x", x),
    typed("y", y),
    typed("size", size),
  ];
}

function edgeSections(graph: KnowledgeGraph, path: PathIndex): OutSection[] {
  const statuses: string[] = new Array(path.size);
  let e = 0;
  graph.forEachEdge((_key, attributes) => {
    statuses[e++] = typeof attributes.status === "string" ? attributes.status : "";
  });
  const { names: statusNames, codes } = dictionary(statuses);
  // A handful of statuses: one byte each (the column is read at every start).
  if (statusNames.length > 256)
    throw new Error(`snapshot: the edges have ${statusNames.length} distinct statuses; one byte holds 256`);
  const edgeStatus = Uint8Array.from(codes);
  return [
    ...stringTable("edges", path.edges),
    ...stringTable("predicates", path.predicates),
    ...stringTable("statusNames", statusNames),
    typed("edgeStatus", edgeStatus),
  ];
}

/** The path index's arrays exactly as it holds them. */
function pathSections(path: PathIndex): OutSection[] {
  return [
    typed("edgeSource", path.edgeSource),
    typed("edgeTarget", path.edgeTarget),
    typed("edgePredicate", path.edgePredicate),
    typed("edgeConfidence", path.edgeConfidence),
    typed("offsets", path.offsets),
    typed("split", path.split),
    typed("neighbor", path.neighbor),
    typed("edge", path.edge),
    typed("entryConfidence", path.entryConfidence),
    typed("entryPredicate", path.entryPredicate),
  ];
}

/** What the search index needs besides the node ids, labels and types: names and the word lists. */
function searchSections(search: SearchIndex): OutSection[] {
  const wordStart = new Int32Array(search.words.length + 1);
  for (let w = 0; w < search.wordNames.length; w++) wordStart[w + 1] = wordStart[w] + search.wordNames[w].length;
  const wordNames = new Int32Array(wordStart[search.words.length]);
  for (let w = 0; w < search.wordNames.length; w++) wordNames.set(search.wordNames[w], wordStart[w]);
  return [
    ...stringTable("names", search.names),
    typed("nameNode", search.nameNode),
    typed("nameIsLabel", search.nameIsLabel),
    ...stringTable("words", search.words),
    typed("wordStart", wordStart),
    typed("wordNames", wordNames),
  ];
}

/**
 * Every node's and edge's attributes as JSON (the records region), filling `nodeOffsets` and `edgeOffsets` as they
 * are written: Float64, as the records of a large graph pass 4 GB.
 */
function* recordSections(
  graph: KnowledgeGraph,
  path: PathIndex,
  nodeOffsets: Float64Array,
  edgeOffsets: Float64Array,
): Generator<OutSection> {
  const nodeText = (i: number) => JSON.stringify(graph.getNodeAttributes(path.nodes[i]));
  yield { name: "nodeRecords", type: "u8", region: "records", parts: textChunks(path.order, nodeText, nodeOffsets) };
  const edgeText = (e: number) => JSON.stringify(graph.getEdgeAttributes(path.edges[e]));
  yield { name: "edgeRecords", type: "u8", region: "records", parts: textChunks(path.size, edgeText, edgeOffsets) };
}

/** A string table: `<name>` (UTF-8 blob) and `<name>Offsets` (Int32, one more than strings). */
function stringTable(name: string, strings: string[]): OutSection[] {
  const encoded = encodeTexts(strings.length, (i) => strings[i]);
  return [core(name, "u8", encoded.chunks), typed(`${name}Offsets`, int32Offsets(encoded.offsets, name))];
}

function typed(name: string, array: Int32Array | Float64Array | Uint8Array): OutSection {
  const type: SectionType = array instanceof Int32Array ? "i32" : array instanceof Float64Array ? "f64" : "u8";
  return core(name, type, [new Uint8Array(array.buffer, array.byteOffset, array.byteLength)]);
}

function core(name: string, type: SectionType, parts: Iterable<Uint8Array>): OutSection {
  return { name, type, region: "core", parts };
}

/** Distinct values in first-seen order and each value's code. */
function dictionary(values: string[]): { names: string[]; codes: Int32Array } {
  const names: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let code = index.get(values[i]);
    if (code === undefined) {
      code = names.push(values[i]) - 1;
      index.set(values[i], code);
    }
    codes[i] = code;
  }
  return { names, codes };
}

function numberOrNaN(value: unknown): number {
  return typeof value === "number" ? value : NaN;
}
