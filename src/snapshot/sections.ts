/**
 * Snapshot sections: the graph's columns, its path and search indexes and its attribute records, as the byte runs the
 * writer puts one after another (assemble.ts reads them back by name).
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { cachedPathIndex, pathIndexSteps, seedPathIndex, type PathIndex } from "../paths/pathIndex.ts";
import { cachedSearchIndex, searchIndexSteps, seedSearchIndex, type SearchIndex } from "../search/searchIndex.ts";
import type { Steps } from "../util/slices.ts";
import type { Region, SectionType } from "./format.ts";
import { int32Offsets, textChunks } from "./texts.ts";

/** One section to write: its bytes in one or more parts, which may be made as they are consumed. */
export interface OutSection {
  name: string;
  type: SectionType;
  region: Region;
  parts: Iterable<Uint8Array>;
}

/** Between two sections: a point where a writer running beside requests may yield to the event loop. */
export const PAUSE = "pause";

/** What {@link snapshotSections} yields: the next section, or a pause in the work of making one. */
export type SectionStep = OutSection | typeof PAUSE;

/** Elements a loop over every node or edge handles between two pauses. */
const PAUSE_EVERY = 4096;

/** Most bytes of a typed column in one part: each part is hashed and written in one go. */
const PART_BYTES = 4 * 1024 * 1024;

/**
 * Every section of `graph`'s snapshot in file order, the records region's first; builds (and caches) its path and
 * search indexes if not built yet. A generator: each section is made when the writer reaches it, after the previous
 * one's parts were written (the records' offsets are known once the records are), and long loops yield
 * {@link PAUSE} so that no step holds the event loop long.
 */
export function* snapshotSections(graph: KnowledgeGraph): Generator<SectionStep, void, void> {
  const path = cachedPathIndex(graph) ?? seeded(graph, seedPathIndex, yield* paused(pathIndexSteps(graph)));
  const search = cachedSearchIndex(graph) ?? seeded(graph, seedSearchIndex, yield* paused(searchIndexSteps(graph)));
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

function* nodeSections(graph: KnowledgeGraph, path: PathIndex, search: SearchIndex): Generator<SectionStep> {
  const n = path.order;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const size = new Float64Array(n);
  let i = 0;
  for (const { attributes } of graph.nodeEntries()) {
    x[i] = numberOrNaN(attributes.x);
    y[i] = numberOrNaN(attributes.y);
    size[i] = numberOrNaN(attributes.size);
    if (++i % PAUSE_EVERY === 0) yield PAUSE;
  }
  const { names: typeNames, codes: nodeType } = yield* dictionary(search.types);
  yield* stringTable("nodes", path.nodes);
  yield* stringTable("labels", search.labels);
  yield* stringTable("typeNames", typeNames);
  yield typed("nodeType", nodeType);
  yield typed("x", x);
  yield typed("y", y);
  yield typed("size", size);
}

function* edgeSections(graph: KnowledgeGraph, path: PathIndex): Generator<SectionStep> {
  const statuses: string[] = new Array(path.size);
  let e = 0;
  for (const { attributes } of graph.edgeEntries()) {
    statuses[e] = typeof attributes.status === "string" ? attributes.status : "";
    if (++e % PAUSE_EVERY === 0) yield PAUSE;
  }
  const { names: statusNames, codes } = yield* dictionary(statuses);
  // A handful of statuses: one byte each (the column is read at every start).
  if (statusNames.length > 256)
    throw new Error(`snapshot: the edges have ${statusNames.length} distinct statuses; one byte holds 256`);
  const edgeStatus = Uint8Array.from(codes);
  yield* stringTable("edges", path.edges);
  yield* stringTable("predicates", path.predicates);
  yield* stringTable("statusNames", statusNames);
  yield typed("edgeStatus", edgeStatus);
}

/** The path index's arrays exactly as it holds them. */
function* pathSections(path: PathIndex): Generator<OutSection> {
  yield typed("edgeSource", path.edgeSource);
  yield typed("edgeTarget", path.edgeTarget);
  yield typed("edgePredicate", path.edgePredicate);
  yield typed("edgeConfidence", path.edgeConfidence);
  yield typed("offsets", path.offsets);
  yield typed("split", path.split);
  yield typed("neighbor", path.neighbor);
  yield typed("edge", path.edge);
  yield typed("entryConfidence", path.entryConfidence);
  yield typed("entryPredicate", path.entryPredicate);
}

/** What the search index needs besides the node ids, labels and types: names and the word lists. */
function* searchSections(search: SearchIndex): Generator<SectionStep> {
  const wordStart = new Int32Array(search.words.length + 1);
  for (let w = 0; w < search.wordNames.length; w++) wordStart[w + 1] = wordStart[w] + search.wordNames[w].length;
  const wordNames = new Int32Array(wordStart[search.words.length]);
  for (let w = 0; w < search.wordNames.length; w++) {
    wordNames.set(search.wordNames[w], wordStart[w]);
    if ((w + 1) % PAUSE_EVERY === 0) yield PAUSE;
  }
  yield* stringTable("names", search.names);
  yield typed("nameNode", search.nameNode);
  yield typed("nameIsLabel", search.nameIsLabel);
  yield* stringTable("words", search.words);
  yield typed("wordStart", wordStart);
  yield typed("wordNames", wordNames);
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

/**
 * A string table: `<name>` (UTF-8 blob, encoded chunk by chunk as it is written) and `<name>Offsets` (Int32, one more
 * than strings), made once the blob is written.
 */
function* stringTable(name: string, strings: string[]): Generator<OutSection> {
  const offsets = new Float64Array(strings.length + 1);
  yield core(
    name,
    "u8",
    textChunks(strings.length, (i) => strings[i], offsets),
  );
  yield typed(`${name}Offsets`, int32Offsets(offsets, name));
}

function typed(name: string, array: Int32Array | Float64Array | Uint8Array): OutSection {
  const type: SectionType = array instanceof Int32Array ? "i32" : array instanceof Float64Array ? "f64" : "u8";
  return core(name, type, partsOf(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)));
}

function* partsOf(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += PART_BYTES) yield bytes.subarray(at, at + PART_BYTES);
}

function core(name: string, type: SectionType, parts: Iterable<Uint8Array>): OutSection {
  return { name, type, region: "core", parts };
}

/** Distinct values in first-seen order and each value's code. */
function* dictionary(values: string[]): Generator<typeof PAUSE, { names: string[]; codes: Int32Array }> {
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
    if ((i + 1) % PAUSE_EVERY === 0) yield PAUSE;
  }
  return { names, codes };
}

/** An index build's steps, each a {@link PAUSE}. */
function* paused<T>(steps: Steps<T>): Generator<typeof PAUSE, T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    yield PAUSE;
  }
}

/** `index`, cached for `graph` by `seed` (what building it through pathIndexOf or searchIndexOf does). */
function seeded<T>(graph: KnowledgeGraph, seed: (graph: KnowledgeGraph, index: T) => void, index: T): T {
  seed(graph, index);
  return index;
}

function numberOrNaN(value: unknown): number {
  return typeof value === "number" ? value : NaN;
}
