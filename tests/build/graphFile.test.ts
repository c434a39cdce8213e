import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../src/build/build.ts";
import { readGraphJson, serializeGraph } from "../../src/build/graphFile.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "kg-graphfile-"));
const file = (name: string, text: string) => {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
};
const STREAM = { streamAboveBytes: 0 };

let seed: KnowledgeGraph;
let seedFile: string;
beforeAll(() => {
  seed = buildGraph().graph;
  seedFile = file("seed.json", serializeGraph(seed));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("graphFile", () => {
  describe("readGraphJson", () => {
    it("names the file and says how to fix it when the file is missing", () => {
      expect(() => readGraphJson(path.join(dir, "none.json"))).toThrow(/none\.json.*npx kg build/);
    });

    it("reads the seed graph identically whether it parses the whole file or streams it", () => {
      const whole = readGraphJson(seedFile);
      const streamed = readGraphJson(seedFile, STREAM);
      expect(streamed.export()).toEqual(seed.export());
      expect(JSON.stringify(streamed.export())).toBe(JSON.stringify(whole.export()));
    });

    it("streams correctly whatever the chunk size, even when chunks split strings and multi-byte characters", () => {
      const expected = JSON.stringify(seed.export());
      for (const chunkBytes of [1, 7, 64, 1000]) {
        expect(JSON.stringify(readGraphJson(seedFile, { ...STREAM, chunkBytes }).export())).toBe(expected);
      }
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
      const read = readGraphJson(f, { ...STREAM, chunkBytes: 3 });
      expect(read.getNodeAttribute("x]", "label")).toBe(tricky);
      expect(read.getEdgeAttribute('e"1', "label")).toBe(tricky);
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

    it("rejects malformed JSON with the file name, whether parsed whole or streamed", () => {
      const text = readFileSync(seedFile, "utf8");
      const broken = file("broken.json", text.replace('"edges": [', '"edges": [,'));
      const truncated = file("truncated.json", text.slice(0, text.length - 20));
      for (const f of [broken, truncated]) {
        expect(() => readGraphJson(f)).toThrow(/graph: cannot read .* as JSON/);
        expect(() => readGraphJson(f, STREAM)).toThrow(/graph: cannot read .* as JSON/);
      }
    });

    it("rejects JSON that is not a graphology export", () => {
      for (const text of ['{"edges": []}', "[1, 2]", '{"nodes": 3}']) {
        const f = file("other.json", text);
        expect(() => readGraphJson(f)).toThrow(/not a graphology JSON export|cannot read/);
        expect(() => readGraphJson(f, STREAM)).toThrow(/not a graphology JSON export|cannot read/);
      }
    });

    it("rejects edges whose endpoints are missing, as graph.import does", () => {
      const f = file("dangling.json", JSON.stringify({ nodes: [{ key: "a" }], edges: [{ source: "a", target: "b" }] }));
      expect(() => readGraphJson(f)).toThrow(/"b"/);
      expect(() => readGraphJson(f, STREAM)).toThrow(/"b"/);
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
