import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import {
  readGraphJson,
  serializeGraph,
  serializeGraphChunks,
  writeGraphJsonStreamed,
} from "../../src/graphfile/graphFile.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { logger } from "../../src/util/logger.ts";
import { eventLoopTurnsDuring } from "../helpers/eventLoop.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "kg-graphfile-"));
const file = (name: string, text: string) => {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
};
const STREAM = { streamAboveBytes: 0 };
/** The general streaming parser only, without the line-oriented fast path. */
const BYTE_STREAM = { streamAboveBytes: 0, lineFormat: false };
const FALLBACK = "graph file read with the general streaming parser";

let seed: KnowledgeGraph;
let seedFile: string;
beforeAll(() => {
  seed = buildGraph().graph;
  seedFile = file("seed.json", serializeGraph(seed));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** The messages logged while `read` runs. */
function logged(read: () => unknown): string[] {
  const info = vi.spyOn(logger, "info");
  read();
  const messages = info.mock.calls.map((call) => call[call.length - 1] as string);
  info.mockRestore();
  return messages;
}

describe("graphFile", () => {
  describe("serializeGraph", () => {
    it("writes one node or edge per line between a first line that opens the nodes and a last line that closes the edges", () => {
      const lines = serializeGraph(seed).trimEnd().split("\n");
      expect(lines[0]).toMatch(/^\{"options":.*"nodes":\[$/);
      expect(lines.indexOf('],"edges":[')).toBe(seed.order + 1);
      expect(lines.at(-1)).toBe("]}");
      const elements = lines.filter((_, i) => i > 0 && i !== seed.order + 1 && i < lines.length - 1);
      expect(elements).toHaveLength(seed.order + seed.size);
      for (const line of elements) expect(() => JSON.parse(line.replace(/,$/, ""))).not.toThrow();
      expect(JSON.parse(lines.join("\n"))).toEqual(seed.export());
    });

    it("writes an empty graph as valid JSON", () => {
      const empty: KnowledgeGraph = new MultiDirectedGraph();
      expect(JSON.parse(serializeGraph(empty))).toEqual(empty.export());
      const f = file("empty.json", serializeGraph(empty));
      expect(logged(() => expect(readGraphJson(f, STREAM).order).toBe(0))).not.toContain(FALLBACK);
    });
  });

  describe("serializeGraphChunks", () => {
    /** The chunks joined and counted: one chunk per element, the event loop let run every `yieldEvery` elements. */
    async function collect(graph: KnowledgeGraph, yieldEvery: number): Promise<{ text: string; chunks: number }> {
      let text = "";
      let chunks = 0;
      for await (const chunk of serializeGraphChunks(graph, { chunkSize: 1, yieldEvery })) {
        text += chunk;
        chunks++;
      }
      return { text, chunks };
    }

    it("gives serializeGraph's text in many chunks", async () => {
      const { text, chunks } = await collect(seed, 4);
      expect(text).toBe(serializeGraph(seed));
      expect(chunks).toBeGreaterThan((seed.order + seed.size) / 4);
    });

    it("gives the same text for an empty graph and for elements without attributes", async () => {
      const empty: KnowledgeGraph = new MultiDirectedGraph();
      expect((await collect(empty, 2)).text).toBe(serializeGraph(empty));
      const bare: KnowledgeGraph = new MultiDirectedGraph();
      bare.addNode("a");
      bare.addNode("b");
      bare.addDirectedEdgeWithKey("ab", "a", "b");
      bare.setAttribute("name", "bare");
      for (const perChunk of [1, 2, 3, 500]) expect((await collect(bare, perChunk)).text).toBe(serializeGraph(bare));
    });

    it("lets the event loop run between chunks, and writes the file atomically with the same text", async () => {
      expect(await eventLoopTurnsDuring(() => collect(seed, 10))).toBeGreaterThan(0);
      const target = path.join(dir, "streamed.json");
      await writeGraphJsonStreamed(seed, target);
      expect(readFileSync(target, "utf8")).toBe(serializeGraph(seed));
    });
  });

  describe("writeGraphJsonStreamed", () => {
    /** A generated graph: labels and quotes outside ASCII, elements with and without attributes, parallel edges. */
    function generated(nodes: number): KnowledgeGraph {
      const graph: KnowledgeGraph = new MultiDirectedGraph();
      graph.setAttribute("name", "généré « test »");
      const labels = ["Zürich", "東京", 'naïve "quote"', "emoji 😀", "line\u2028break", "plain"];
      for (let i = 0; i < nodes; i++) {
        if (i % 7 === 0) graph.addNode(`n${i}`);
        else graph.mergeNode(`n${i}`, { label: `${labels[i % labels.length]} ${i}`, weight: i / 3 } as never);
      }
      for (let i = 0; i < nodes * 3; i++) {
        const key = `e${i}`;
        const [source, target] = [`n${(i * 7) % nodes}`, `n${(i * 13 + 1) % nodes}`];
        if (i % 5 === 0) graph.addDirectedEdgeWithKey(key, source, target);
        else
          graph.addDirectedEdgeWithKey(key, source, target, { quote: `${labels[i % labels.length]} — ${i}` } as never);
      }
      return graph;
    }

    it("writes serializeGraph's bytes exactly, whatever the buffer's size and however often it yields", async () => {
      const graph = generated(300);
      const target = path.join(dir, "saved.json");
      for (const [bufferBytes, yieldEvery] of [
        [16, 1],
        [100, 7],
        [4096, 1000],
        [1024 * 1024, 1000],
      ]) {
        await writeGraphJsonStreamed(graph, target, { bufferBytes, yieldEvery });
        expect(readFileSync(target)).toEqual(Buffer.from(serializeGraph(graph), "utf8"));
      }
      await writeGraphJsonStreamed(seed, target, { bufferBytes: 4096 });
      expect(readFileSync(target, "utf8")).toBe(serializeGraph(seed));
    });

    it("lets the event loop run while it writes, and leaves only the finished file", async () => {
      const target = path.join(dir, "saved", "graph.json");
      const graph = generated(200);
      expect(
        await eventLoopTurnsDuring(() => writeGraphJsonStreamed(graph, target, { yieldEvery: 10 })),
      ).toBeGreaterThan(0);
      expect(readdirSync(path.dirname(target))).toEqual(["graph.json"]);
      expect(readGraphJson(target).export()).toEqual(graph.export());
    });
  });

  describe("readGraphJson", () => {
    it("names the file and says how to fix it when the file is missing", () => {
      expect(() => readGraphJson(path.join(dir, "none.json"))).toThrow(/none\.json.*npx kg build/);
    });

    it("reads the seed graph identically whether it parses the whole file, reads it by lines or streams it", () => {
      const whole = readGraphJson(seedFile);
      let byLines: KnowledgeGraph | undefined;
      expect(logged(() => (byLines = readGraphJson(seedFile, STREAM)))).not.toContain(FALLBACK);
      const streamed = readGraphJson(seedFile, BYTE_STREAM);
      expect(byLines!.export()).toEqual(seed.export());
      expect(JSON.stringify(byLines!.export())).toBe(JSON.stringify(whole.export()));
      expect(JSON.stringify(streamed.export())).toBe(JSON.stringify(whole.export()));
    });

    it("reads files in other layouts (pretty-printed, on one line) with the general streaming parser", () => {
      const expected = JSON.stringify(seed.export());
      for (const [name, text] of [
        ["pretty.json", JSON.stringify(seed.export(), null, 2)],
        ["compact.json", JSON.stringify(seed.export())],
      ]) {
        const f = file(name, text);
        let read: KnowledgeGraph | undefined;
        expect(logged(() => (read = readGraphJson(f, STREAM)))).toContain(FALLBACK);
        expect(JSON.stringify(read!.export())).toBe(expected);
      }
    });

    it("reads correctly whatever the chunk size, even when chunks split strings and multi-byte characters", () => {
      const expected = JSON.stringify(seed.export());
      for (const options of [STREAM, BYTE_STREAM]) {
        for (const chunkBytes of [1, 7, 64, 1000]) {
          expect(JSON.stringify(readGraphJson(seedFile, { ...options, chunkBytes }).export())).toBe(expected);
        }
      }
    });

    it("reads its own layout with Windows line ends", () => {
      const f = file("crlf.json", serializeGraph(seed).replaceAll("\n", "\r\n"));
      expect(logged(() => expect(readGraphJson(f, STREAM).export()).toEqual(seed.export()))).not.toContain(FALLBACK);
    });

    it("keeps quotes, escapes and brackets inside strings intact when streaming", () => {
      const g: KnowledgeGraph = new MultiDirectedGraph();
      const tricky = 'a "quoted" \\ back\\slash, {braces} [brackets] ’ and \u2028';
      g.import({
        nodes: [
          { key: "x]", attributes: { label: tricky } as never },
          { key: "y", attributes: {} as never },
        ],
      });
      g.addEdgeWithKey('e"1', "x]", "y", { label: tricky } as never);
      const f = file("tricky.json", JSON.stringify(g.export()));
      const lines = file("tricky-lines.json", serializeGraph(g));
      for (const read of [
        readGraphJson(f, { ...STREAM, chunkBytes: 3 }),
        readGraphJson(lines, { ...STREAM, chunkBytes: 3 }),
      ]) {
        expect(read.getNodeAttribute("x]", "label")).toBe(tricky);
        expect(read.getEdgeAttribute('e"1', "label")).toBe(tricky);
      }
    });

    it("reads files that list edges before nodes", () => {
      const data = seed.export();
      const f = file(
        "reordered.json",
        JSON.stringify({ edges: data.edges, attributes: data.attributes, nodes: data.nodes }),
      );
      const read = readGraphJson(f, { ...STREAM, chunkBytes: 100 });
      expect(read.size).toBe(seed.size);
      expect(read.order).toBe(seed.order);
      expect(read.getAttributes()).toEqual(seed.getAttributes());
    });

    it("reads files in its own layout that list edges before nodes and the attributes last", () => {
      const text = serializeGraph(seed);
      const [head, rest] = text.split('"nodes":[\n');
      const [nodes, edges] = rest.split('],"edges":[\n');
      const attributes = JSON.stringify(seed.getAttributes());
      const f = file(
        "lines-reordered.json",
        `{"edges":[\n${edges.slice(0, -3)}],"nodes":[\n${nodes}],"attributes":${attributes}}\n`,
      );
      expect(head).toMatch(/^\{"options"/);
      let read: KnowledgeGraph | undefined;
      expect(logged(() => (read = readGraphJson(f, STREAM)))).not.toContain(FALLBACK);
      expect(read!.size).toBe(seed.size);
      expect(read!.order).toBe(seed.order);
      expect(read!.getAttributes()).toEqual(seed.getAttributes());
    });

    it("rejects malformed JSON with the file name, whether parsed whole, by lines or streamed", () => {
      const text = readFileSync(seedFile, "utf8");
      const broken = file("broken.json", text.replace('"edges":[\n', '"edges":[\n,'));
      const truncated = file("truncated.json", text.slice(0, text.length - 20));
      for (const f of [broken, truncated]) {
        for (const options of [{}, STREAM, BYTE_STREAM]) {
          expect(() => readGraphJson(f, options)).toThrow(/graph: cannot read .* as JSON/);
        }
      }
    });

    it("says on which line a streamed file is broken, and at which column when the JSON parser says", () => {
      const lines = serializeGraph(seed).split("\n");
      const at = seed.order + 5; // an edge line
      const line = lines[at];
      for (const [broken, lineNumber, column] of [
        [line.replace('"source":', '"source"'), at + 1, line.indexOf('"source":') + '"source"'.length + 1],
        [line.replace('"target":', '"target":x,"t":'), at + 1, 1],
        [line.replace(/,$/, ""), at + 2, 1],
      ] as const) {
        const f = file("line-error.json", [...lines.slice(0, at), broken, ...lines.slice(at + 1)].join("\n"));
        for (const options of [STREAM, BYTE_STREAM]) {
          expect(() => readGraphJson(f, options)).toThrow(`(line ${lineNumber}, column ${column})`);
        }
      }
    });

    it("rejects a comma after the last element or a missing one between elements, with the line", () => {
      const f = file("trailing.json", '{"nodes":[\n{"key":"a"},\n{"key":"b"},\n]}\n');
      const g = file("missing.json", '{"nodes":[\n{"key":"a"}\n{"key":"b"}\n]}\n');
      for (const options of [STREAM, BYTE_STREAM]) {
        expect(() => readGraphJson(f, options)).toThrow(/line 4, column 1/);
        expect(() => readGraphJson(g, options)).toThrow(/line 3, column 1/);
      }
    });

    it("rejects JSON that is not a graphology export", () => {
      for (const text of ['{"edges": []}', "[1, 2]", '{"nodes": 3}']) {
        const f = file("other.json", text);
        for (const options of [{}, STREAM, BYTE_STREAM]) {
          expect(() => readGraphJson(f, options)).toThrow(/not a graphology JSON export|cannot read/);
        }
      }
    });

    it("rejects edges whose endpoints are missing, as graph.import does", () => {
      const f = file("dangling.json", JSON.stringify({ nodes: [{ key: "a" }], edges: [{ source: "a", target: "b" }] }));
      const lines = file(
        "dangling-lines.json",
        '{"nodes":[\n{"key":"a"}\n],"edges":[\n{"source":"a","target":"b"}\n]}\n',
      );
      for (const options of [{}, STREAM, BYTE_STREAM]) {
        expect(() => readGraphJson(f, options)).toThrow(/"b"/);
        expect(() => readGraphJson(lines, options)).toThrow(/"b"/);
      }
    });

    it("answers neighbour and edge queries the same way after a streamed load", () => {
      const streamed = readGraphJson(seedFile, STREAM);
      for (const node of seed.nodes()) {
        expect(streamed.outNeighbors(node)).toEqual(seed.outNeighbors(node));
        expect(streamed.inEdges(node)).toEqual(seed.inEdges(node));
      }
      const [source, target] = seed.extremities(seed.edges()[0]);
      expect(streamed.hasDirectedEdge(source, target)).toBe(true);
    });
  });
});
