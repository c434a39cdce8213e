import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { buildPathIndex, type PathIndex } from "../../src/paths/pathIndex.ts";
import { findInIndex } from "../../src/search/findEntities.ts";
import { rankInIndex } from "../../src/search/searchEntities.ts";
import { suggestInIndex } from "../../src/search/suggest.ts";
import { buildSearchIndex } from "../../src/search/searchIndex.ts";
import { encodeHeader, HEADER_BYTES, type SnapshotHeader } from "../../src/snapshot/format.ts";
import { readSnapshot, writeSnapshot, type Snapshot, type SnapshotReadResult } from "../../src/snapshot/index.ts";
import { useTempFiles } from "../helpers/tempFiles.ts";
import { sampleQueries, snapshotGraph } from "./fixtures.ts";

const KEY = "inputs abc; graph file 1 bytes, modified 2 ns";

/** The header JSON of a snapshot file, to find where its regions lie. */
function headerOf(file: string): SnapshotHeader {
  const bytes = readFileSync(file);
  return JSON.parse(bytes.toString("utf8", 16, 16 + bytes.readUInt32LE(12))) as SnapshotHeader;
}

/** Flips the low bit of the byte at `at`. */
function flip(at: number): (file: string) => void {
  return (file) => {
    const bytes = readFileSync(file);
    bytes[at] ^= 0x01;
    writeFileSync(file, bytes);
  };
}

function snapshotOf(result: SnapshotReadResult): Snapshot {
  if (result.type !== "ok") throw new Error(`expected a snapshot, got ${result.reason}: ${result.message}`);
  return result.snapshot;
}

describe("snapshot", () => {
  const temp = useTempFiles("kg-snapshot-");
  let graph: KnowledgeGraph;
  let file: string;
  let snapshot: Snapshot;

  beforeAll(() => {
    graph = snapshotGraph(temp.path());
    file = temp.path("graph.snapshot");
    writeSnapshot(graph, file, { key: KEY });
    snapshot = snapshotOf(readSnapshot(file, { key: KEY }));
  });
  afterAll(() => snapshot.close());

  describe("readSnapshot of a written snapshot", () => {
    it("gives the path index buildPathIndex builds, array for array", () => {
      const built = buildPathIndex(graph);
      const read = snapshot.pathIndex;
      expect(Object.keys(read)).toEqual(Object.keys(built));
      for (const key of Object.keys(built) as (keyof PathIndex)[]) expect(read[key], key).toEqual(built[key]);
      expect(read.neighbor.length).toBe(built.neighbor.length);
    });

    it("holds every typed array of the path index in one SharedArrayBuffer", () => {
      const { edgeSource, offsets, neighbor, entryConfidence } = snapshot.pathIndex;
      const buffers = new Set([edgeSource, offsets, neighbor, entryConfidence].map((a) => a.buffer));
      expect(buffers.size).toBe(1);
      expect([...buffers][0]).toBeInstanceOf(SharedArrayBuffer);
    });

    it("gives a search index equal to the built one", () => {
      const built = buildSearchIndex(graph);
      expect(snapshot.searchIndex.names).toEqual(built.names);
      expect(snapshot.searchIndex.words).toEqual(built.words);
      expect(snapshot.searchIndex.wordNames).toEqual(built.wordNames);
      expect(snapshot.searchIndex.labels).toEqual(built.labels);
      expect(snapshot.searchIndex.types).toEqual(built.types);
    });

    it("answers a sample of searches, typos included, exactly as the built search index does", () => {
      const built = buildSearchIndex(graph);
      const queries = sampleQueries(graph, 200);
      for (const q of queries) {
        expect(rankInIndex(snapshot.searchIndex, q, { limit: 20 }), q).toEqual(rankInIndex(built, q, { limit: 20 }));
        // Typos, with a time budget no loaded machine reaches, so both scans run to their end.
        const far = { budgetMs: 60_000 };
        expect(suggestInIndex(snapshot.searchIndex, q, far), q).toEqual(suggestInIndex(built, q, far));
      }
      expect(findInIndex(snapshot.searchIndex, "Київ").map((hit) => hit.id)).toEqual(["kyiv"]);
    });

    it("reads each node's and edge's attributes on demand, equal to the graph's", () => {
      graph.forEachNode((node, attributes) => expect(snapshot.nodeAttributes(node)).toEqual(attributes));
      graph.forEachEdge((edge, attributes) => expect(snapshot.edgeAttributes(edge)).toEqual(attributes));
      expect(snapshot.graphAttributes).toEqual(graph.getAttributes());
    });

    it("keeps its indexes and columns once closed, but no longer reads attribute records", () => {
      const read = snapshotOf(readSnapshot(file, { key: KEY }));
      read.close();
      expect(read.columns.nodes).toEqual(graph.nodes());
      expect(() => read.nodeAttributes(graph.nodes()[0])).toThrow(/is closed; read the snapshot again/);
    });

    it("takes the graph's own id strings when given them, after checking them byte for byte", () => {
      const ids = { nodes: graph.nodes(), edges: graph.edges() };
      const read = snapshotOf(readSnapshot(file, { key: KEY, ids }));
      read.close();
      expect(read.pathIndex.nodes).toBe(ids.nodes);
      expect(read.pathIndex.edges).toBe(ids.edges);
      expect(read.pathIndex).toEqual(buildPathIndex(graph));
    });

    it("refuses as another graph's a snapshot whose ids differ from those it is given, even by one character", () => {
      const edges = graph.edges();
      edges[edges.length - 1] = edges[edges.length - 1] + "x";
      const nodes = graph.nodes();
      const cafe = nodes.indexOf("café-☕");
      const result = readSnapshot(file, { key: KEY, ids: { nodes: graph.nodes(), edges } });
      expect(result).toMatchObject({ type: "refused", reason: "other-graph" });
      if (result.type === "refused") expect(result.message).toContain(`edge ${edges.length - 1} differs`);
      nodes[cafe] = "café-☘"; // the same length in UTF-16 and in UTF-8, one byte apart
      expect(readSnapshot(file, { key: KEY, ids: { nodes, edges: graph.edges() } })).toMatchObject({
        reason: "other-graph",
      });
    });

    it("answers null for the attributes of an id the graph does not have", () => {
      expect(snapshot.nodeAttributes("no such node")).toBeNull();
      expect(snapshot.edgeAttributes("no such edge")).toBeNull();
    });

    it("holds the columns: ids, labels, types, positions, sizes, predicates, confidences and statuses", () => {
      const { columns } = snapshot;
      expect(columns.nodes).toEqual(graph.nodes());
      expect(columns.edges).toEqual(graph.edges());
      graph.forEachNode((node, attributes) => {
        const i = snapshot.pathIndex.nodeIndex.get(node)!;
        expect(columns.labels[i]).toBe(attributes.label);
        expect(columns.typeNames[columns.nodeType[i]]).toBe(attributes.type);
        expect([columns.x[i], columns.y[i], columns.size[i]]).toEqual([attributes.x, attributes.y, attributes.size]);
      });
      graph.forEachEdge((edge, attributes, source, target) => {
        const e = columns.edges.indexOf(edge);
        expect(columns.nodes[columns.edgeSource[e]]).toBe(source);
        expect(columns.nodes[columns.edgeTarget[e]]).toBe(target);
        expect(columns.predicates[columns.edgePredicate[e]]).toBe(attributes.predicate);
        expect(columns.edgeConfidence[e]).toBe(attributes.confidence ?? 1);
        expect(columns.statusNames[columns.edgeStatus[e]]).toBe(attributes.status ?? "");
      });
    });
  });

  describe("readSnapshot of a snapshot that cannot be used", () => {
    const damaged = (name: string, damage: (file: string) => void) => {
      const copy = temp.path(name);
      copyFileSync(file, copy);
      damage(copy);
      return readSnapshot(copy, { key: KEY });
    };

    const expectRefused = (result: SnapshotReadResult, reason: string) => {
      expect(result.type).toBe("refused");
      expect(result).not.toHaveProperty("snapshot");
      if (result.type === "refused") {
        expect(result.reason).toBe(reason);
        expect(result.message).toMatch(/^snapshot: .*; the path and search indexes will be rebuilt from the graph/);
      }
    };

    it("refuses a missing file as missing", () => {
      expectRefused(readSnapshot(temp.path("absent.snapshot"), { key: KEY }), "missing");
    });

    it("refuses a FIFO or a folder as unreadable at once, without waiting for a writer", () => {
      const fifo = temp.path("pipe.snapshot");
      execFileSync("mkfifo", [fifo]);
      expectRefused(readSnapshot(fifo, { key: KEY }), "unreadable");
      expectRefused(readSnapshot(temp.path(""), { key: KEY }), "unreadable");
    });

    it("refuses a file cut short, in its header or its body, as truncated", () => {
      expectRefused(
        damaged("short-header.snapshot", (f) => truncateSync(f, 100)),
        "truncated",
      );
      expectRefused(
        damaged("short-body.snapshot", (f) => truncateSync(f, HEADER_BYTES + 1000)),
        "truncated",
      );
      const size = readFileSync(file).length;
      expectRefused(
        damaged("last-byte.snapshot", (f) => truncateSync(f, size - 1)),
        "truncated",
      );
    });

    it("refuses a file with one byte of its core region flipped by its checksum", () => {
      const { offset, bytes } = headerOf(file).core;
      for (const at of [offset, offset + Math.floor(bytes / 2), offset + bytes - 1]) {
        expectRefused(damaged(`flipped-${at}.snapshot`, flip(at)), "checksum");
      }
    });

    it("reads a file with a byte of its attribute records flipped, but refuses to read a record of that block", () => {
      const { offset, blockBytes } = headerOf(file).records;
      const result = damaged("flipped-record.snapshot", flip(offset + 10));
      const read = snapshotOf(result);
      try {
        expect(() => read.nodeAttributes(graph.nodes()[0])).toThrow(/attribute records .* are damaged \(block 0\)/);
        // The blocks after it still match their hashes.
        const later = graph.edges().at(-1)!;
        expect(headerOf(file).records.bytes).toBeGreaterThan(2 * blockBytes);
        expect(read.edgeAttributes(later)).toEqual(graph.getEdgeAttributes(later));
      } finally {
        read.close();
      }
    });

    it("refuses a file whose section table was altered (two columns' places swapped) by its checksum", () => {
      const result = damaged("table.snapshot", (f) => {
        const header = headerOf(f);
        const x = header.sections.find((section) => section.name === "x")!;
        const y = header.sections.find((section) => section.name === "y")!;
        [x.offset, y.offset] = [y.offset, x.offset];
        const bytes = readFileSync(f);
        bytes.set(encodeHeader(header), 0);
        writeFileSync(f, bytes);
      });
      expectRefused(result, "checksum");
    });

    it("refuses another format version", () => {
      const result = damaged("version.snapshot", (f) => {
        const bytes = readFileSync(f);
        bytes.writeUInt32LE(99, 8);
        writeFileSync(f, bytes);
      });
      expectRefused(result, "version");
      if (result.type === "refused") expect(result.message).toContain("format version 99");
    });

    it("refuses a snapshot made from other inputs as stale", () => {
      const result = readSnapshot(file, { key: "inputs def; graph file 1 bytes, modified 2 ns" });
      expectRefused(result, "stale");
    });

    it("refuses a file that is not a snapshot, and one whose header is not valid", () => {
      expectRefused(
        damaged("text.snapshot", (f) => writeFileSync(f, JSON.stringify({ nodes: [] }))),
        "not-a-snapshot",
      );
      const result = damaged("header.snapshot", (f) => {
        const bytes = readFileSync(f);
        bytes.write("X", 20, "latin1");
        writeFileSync(f, bytes);
      });
      expectRefused(result, "corrupt");
    });
  });
});
