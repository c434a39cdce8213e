/**
 * Snapshot assembly: the checked core region's sections as typed-array views, the path and search indexes and the
 * columns, without copying the arrays; the attribute records stay in the file until asked for.
 */
import type { EntityAttributes, GraphAttributes, RelationAttributes } from "../model/types.ts";
import { pathIndexFromParts } from "../paths/pathIndex.ts";
import type { SearchIndex } from "../search/searchIndex.ts";
import { BLOCK_HASH_BYTES, ELEMENT_BYTES, type SectionEntry, type SectionType, type SnapshotHeader } from "./format.ts";
import { RecordReader } from "./records.ts";
import { decodeTexts, firstDifference } from "./texts.ts";
import type { Snapshot } from "./types.ts";

/** A section missing, of another type or length than the counts say, or out of the body: the file is corrupt. */
export class SectionError extends Error {}

/** The snapshot's ids are not those the reader was given: it is the snapshot of another graph. */
export class IdMismatch extends Error {}

/** Ids the reader already holds (the loaded graph's, in order), used instead of decoding the snapshot's own. */
export interface KnownIds {
  nodes: string[];
  edges: string[];
}

type View<T extends SectionType> = T extends "i32" ? Int32Array : T extends "f64" ? Float64Array : Uint8Array;

/** Typed views of the core region's sections by name, checked against the header's counts. */
class Sections {
  readonly #byName: Map<string, SectionEntry>;
  readonly #records: Map<string, SectionEntry>;

  constructor(
    readonly body: SharedArrayBuffer,
    entries: SectionEntry[],
  ) {
    const of = (region: string) => new Map(entries.filter((e) => e.region === region).map((e) => [e.name, e]));
    this.#byName = of("core");
    this.#records = of("records");
  }

  view<T extends SectionType>(name: string, type: T, length?: number): View<T> {
    const entry = this.#byName.get(name);
    if (!entry) throw new SectionError(`section "${name}" is missing`);
    const size = ELEMENT_BYTES[type];
    if (entry.type !== type || entry.offset % 8 !== 0 || entry.bytes % size !== 0)
      throw new SectionError(`section "${name}" is not an aligned ${type} array`);
    if (entry.offset + entry.bytes > this.body.byteLength)
      throw new SectionError(`section "${name}" ends past the body`);
    const count = entry.bytes / size;
    if (length !== undefined && count !== length)
      throw new SectionError(`section "${name}" holds ${count} values where ${length} were expected`);
    const array =
      type === "i32"
        ? new Int32Array(this.body, entry.offset, count)
        : type === "f64"
          ? new Float64Array(this.body, entry.offset, count)
          : new Uint8Array(this.body, entry.offset, count);
    return array as View<T>;
  }

  /** The bytes of a u8 section as a Buffer (sharing memory), for decoding text. */
  bytes(name: string): Buffer {
    const view = this.view(name, "u8");
    return Buffer.from(this.body, view.byteOffset, view.byteLength);
  }

  /** A section of the records region (read through the file, not viewed here). */
  records(name: string): SectionEntry {
    const entry = this.#records.get(name);
    if (!entry || entry.type !== "u8") throw new SectionError(`records section "${name}" is missing`);
    return entry;
  }

  /** A string table's strings; `count` when the header fixes how many there are. */
  strings(name: string, count?: number): string[] {
    const offsets = this.view(`${name}Offsets`, "i32", count === undefined ? undefined : count + 1);
    checkOffsets(name, offsets, this.view(name, "u8").byteLength);
    return decodeTexts(this.bytes(name), offsets);
  }

  /**
   * `known` when the string table holds exactly those strings in that order (checked byte by byte, nothing decoded);
   * throws {@link IdMismatch} at the first difference.
   */
  sameStrings(name: string, known: string[]): string[] {
    const offsets = this.view(`${name}Offsets`, "i32");
    checkOffsets(name, offsets, this.view(name, "u8").byteLength);
    const at = firstDifference(this.bytes(name), offsets, known);
    if (at >= 0) throw new IdMismatch(`${name.replace(/s$/, "")} ${at} differs from the graph's ("${known[at]}")`);
    return known;
  }
}

/**
 * The snapshot described by `header`: its core region in `body`, its records read through `fd` (which the snapshot
 * owns from here on), its ids `ids` when given. Throws {@link SectionError} when the sections do not fit and
 * {@link IdMismatch} when `ids` are not the snapshot's.
 */
export function assembleSnapshot(
  header: SnapshotHeader,
  body: SharedArrayBuffer,
  fd: number,
  file: string,
  ids: KnownIds | undefined,
): Snapshot {
  const s = new Sections(body, header.sections);
  const { order: n, size: m } = header;
  // Known ids are the loaded graph's own strings: no copies to allocate, and their hashes (for the Maps) are cached.
  const nodes = ids ? s.sameStrings("nodes", ids.nodes) : s.strings("nodes", n);
  const edges = ids ? s.sameStrings("edges", ids.edges) : s.strings("edges", m);
  const predicates = s.strings("predicates");
  const offsets = s.view("offsets", "i32", n + 1);
  const slices = offsets[n];
  const pathIndex = pathIndexFromParts({
    order: n,
    size: m,
    nodes,
    edges,
    edgeSource: s.view("edgeSource", "i32", m),
    edgeTarget: s.view("edgeTarget", "i32", m),
    edgePredicate: s.view("edgePredicate", "i32", m),
    edgeConfidence: s.view("edgeConfidence", "f64", m),
    predicates,
    offsets,
    split: s.view("split", "i32", n),
    neighbor: s.view("neighbor", "i32", slices),
    edge: s.view("edge", "i32", slices),
    entryConfidence: s.view("entryConfidence", "f64", slices),
    entryPredicate: s.view("entryPredicate", "i32", slices),
  });
  const labels = s.strings("labels", n);
  const typeNames = s.strings("typeNames");
  const nodeType = s.view("nodeType", "i32", n);
  const searchIndex = assembleSearchIndex(s, { order: n, size: m, nodes, labels, typeNames, nodeType });
  const statusNames = s.strings("statusNames");
  const records = attributeReaders(s, recordReaderOf(header, s, fd, file), pathIndex.nodeIndex, edges);
  return {
    key: header.key,
    checksum: header.core.checksum,
    order: n,
    size: m,
    pathIndex,
    searchIndex,
    columns: {
      nodes,
      labels,
      nodeType,
      typeNames,
      x: s.view("x", "f64", n),
      y: s.view("y", "f64", n),
      size: s.view("size", "f64", n),
      edges,
      edgeSource: pathIndex.edgeSource,
      edgeTarget: pathIndex.edgeTarget,
      edgePredicate: pathIndex.edgePredicate,
      predicates,
      edgeConfidence: pathIndex.edgeConfidence,
      edgeStatus: s.view("edgeStatus", "u8", m),
      statusNames,
    },
    ...records,
  };
}

function assembleSearchIndex(
  s: Sections,
  node: { order: number; size: number; nodes: string[]; labels: string[]; typeNames: string[]; nodeType: Int32Array },
): SearchIndex {
  const names = s.strings("names");
  const words = s.strings("words");
  const wordStart = s.view("wordStart", "i32", words.length + 1);
  const all = s.view("wordNames", "i32", wordStart[words.length]);
  checkOffsets("wordNames", wordStart, all.length);
  const wordNames: Int32Array[] = new Array(words.length);
  for (let w = 0; w < words.length; w++) wordNames[w] = all.subarray(wordStart[w], wordStart[w + 1]);
  const types: string[] = new Array(node.order);
  for (let i = 0; i < node.order; i++) types[i] = node.typeNames[node.nodeType[i]];
  return {
    order: node.order,
    size: node.size,
    nodes: node.nodes,
    labels: node.labels,
    types,
    names,
    nameNode: s.view("nameNode", "i32", names.length),
    nameIsLabel: s.view("nameIsLabel", "u8", names.length),
    words,
    wordNames,
  };
}

function recordReaderOf(header: SnapshotHeader, s: Sections, fd: number, file: string): RecordReader {
  const { offset, bytes, blockBytes } = header.records;
  const blockHashes = s.view("recordBlockHashes", "u8", Math.ceil(bytes / blockBytes) * BLOCK_HASH_BYTES);
  return new RecordReader(fd, file, { offset, bytes, blockBytes, blockHashes });
}

/** The on-demand attribute readers: each call reads and decodes one record. */
function attributeReaders(
  s: Sections,
  reader: RecordReader,
  nodeIndex: Map<string, number>,
  edges: string[],
): Pick<
  Snapshot,
  | "nodeAttributes"
  | "edgeAttributes"
  | "nodeRecords"
  | "edgeRecords"
  | "graphAttributes"
  | "recordBlocks"
  | "checkRecordBlocks"
  | "close"
> {
  const section = (name: string, offsets: Float64Array) => {
    const entry = s.records(name);
    checkOffsets(name, offsets, entry.bytes);
    if (entry.offset + entry.bytes > reader.region.bytes)
      throw new SectionError(`section "${name}" ends past the records region`);
    const one = (i: number | undefined) =>
      i === undefined ? null : JSON.parse(reader.text(entry, offsets[i], offsets[i + 1]));
    // Records are JSON objects back to back: cut at the offsets and parsed as one array, one native parse per batch.
    const batch = (from: number, to: number) => {
      if (from >= to) return [];
      const at = offsets.subarray(from, to + 1).map((offset) => offset - offsets[from]);
      return JSON.parse(`[${decodeTexts(reader.bytes(entry, offsets[from], offsets[to]), at).join(",")}]`);
    };
    return { one, batch };
  };
  const nodeRecord = section("nodeRecords", s.view("nodeRecordOffsets", "f64", nodeIndex.size + 1));
  const edgeRecord = section("edgeRecords", s.view("edgeRecordOffsets", "f64", edges.length + 1));
  // Built on the first edge look-up only: the path index finds edges by number, and most starts never ask by id.
  let edgeIndex: Map<string, number> | null = null;
  return {
    graphAttributes: JSON.parse(s.bytes("graphAttributes").toString("utf8")) as GraphAttributes,
    nodeAttributes: (id) => nodeRecord.one(nodeIndex.get(id)) as EntityAttributes | null,
    edgeAttributes: (id) => {
      edgeIndex ??= new Map(edges.map((edge, e) => [edge, e]));
      return edgeRecord.one(edgeIndex.get(id)) as RelationAttributes | null;
    },
    nodeRecords: (from, to) => nodeRecord.batch(from, to) as EntityAttributes[],
    edgeRecords: (from, to) => edgeRecord.batch(from, to) as RelationAttributes[],
    recordBlocks: reader.blocks,
    checkRecordBlocks: (from, to) => reader.checkBlocks(from, to),
    close: () => reader.close(),
  };
}

/** Offsets must start at 0, never decrease and end at the blob's length; otherwise slices would read garbage. */
function checkOffsets(name: string, offsets: ArrayLike<number>, bytes: number): void {
  if (offsets.length === 0 || offsets[0] !== 0 || offsets[offsets.length - 1] !== bytes)
    throw new SectionError(`section "${name}"'s offsets do not span its ${bytes} bytes`);
  for (let i = 1; i < offsets.length; i++)
    if (offsets[i] < offsets[i - 1]) throw new SectionError(`section "${name}"'s offsets decrease at ${i}`);
}
