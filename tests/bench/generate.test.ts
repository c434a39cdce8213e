import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureGraphFile, graphFilePath } from "../../bench/graphs/cache.ts";
import { generateGraph, writeGeneratedGraph } from "../../bench/graphs/generate.ts";
import { degrees, scaleFreeTopology } from "../../bench/graphs/topology.ts";
import { loadOntology } from "../../bench/graphs/vocabulary.ts";
import { readGraphJson } from "../../src/graphfile/graphFile.ts";
import { ENTITY_TYPES, MODALITIES, STANCES, type EntityType } from "../../src/model/types.ts";
import { mulberry32 } from "../../src/util/random.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "kg-bench-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bench generators", () => {
  describe("scaleFreeTopology", () => {
    it("rejects sizes that cannot make a graph", () => {
      expect(() => scaleFreeTopology(1, 5, mulberry32(1))).toThrow(/at least 2 nodes/);
      expect(() => scaleFreeTopology(10, 0, mulberry32(1))).toThrow(/at least 1 edge/);
    });

    it("produces exactly the requested number of edges, without self loops", () => {
      const t = scaleFreeTopology(1000, 5000, mulberry32(3));
      expect(t.sources.length).toBe(5000);
      const bad = [...t.sources.keys()].filter(
        (i) => t.sources[i] === t.targets[i] || t.sources[i] >= 1000 || t.targets[i] >= 1000,
      );
      expect(bad).toEqual([]);
    });

    it("grows hubs: the largest degree is far above the mean, as in scale-free graphs", () => {
      const degree = [...degrees(scaleFreeTopology(5000, 25000, mulberry32(5)))].sort((a, b) => b - a);
      expect(degree[0]).toBeGreaterThan(10 * 10); // mean degree is 10
      expect(degree[degree.length - 1]).toBeGreaterThanOrEqual(1);
    });
  });

  describe("generateGraph", () => {
    const ontology = loadOntology();

    it("draws the same graph from the same seed and a different one from another seed", () => {
      const a = generateGraph({ nodes: 300, edges: 1500, seed: 11 });
      const b = generateGraph({ nodes: 300, edges: 1500, seed: 11 });
      const c = generateGraph({ nodes: 300, edges: 1500, seed: 12 });
      const records = (g: typeof a) => JSON.stringify([g.node(0), g.node(299), g.edge(0), g.edge(1499)]);
      expect(records(a)).toBe(records(b));
      expect(records(a)).not.toBe(records(c));
    });

    it("types nodes from the closed set and edges with the ontology's predicates and fitting domains", () => {
      const g = generateGraph({ nodes: 500, edges: 2500, seed: 2 });
      const typeOf = new Map<string, EntityType>();
      const problems: string[] = [];
      for (let i = 0; i < 500; i++) {
        const { key, attributes } = g.node(i);
        if (!ENTITY_TYPES.includes(attributes.type)) problems.push(`${key}: type ${attributes.type}`);
        if (attributes.color !== ontology.types[attributes.type]?.color) problems.push(`${key}: colour`);
        typeOf.set(key, attributes.type);
      }
      const kinds = new Set<string>();
      for (let i = 0; i < 2500; i++) {
        const { key, source, target, attributes: a } = g.edge(i);
        const predicate = ontology.predicates[a.predicate];
        kinds.add(a.kind);
        if (!predicate || a.label !== predicate.label) problems.push(`${key}: predicate ${a.predicate}`);
        else if (
          a.kind === "typed" &&
          !(predicate.domain.includes(typeOf.get(source)!) && predicate.range.includes(typeOf.get(target)!))
        ) {
          problems.push(`${key}: ${a.predicate} does not fit ${typeOf.get(source)} -> ${typeOf.get(target)}`);
        }
        if (!STANCES.includes(a.stance) || !MODALITIES.includes(a.modality)) problems.push(`${key}: stance/modality`);
        if (!(a.confidence >= 0.5 && a.confidence <= 1)) problems.push(`${key}: confidence ${a.confidence}`);
        const [evidence] = a.evidence;
        if (evidence.end - evidence.start !== evidence.quote.length) problems.push(`${key}: evidence offsets`);
      }
      expect(problems).toEqual([]);
      expect(kinds.has("typed")).toBe(true);
    });
  });

  describe("writeGeneratedGraph", () => {
    it("writes a graphology JSON export that loads with the requested sizes and attributes", () => {
      const file = path.join(dir, "g.json");
      const g = generateGraph({ nodes: 400, edges: 2000, seed: 9 });
      writeGeneratedGraph(g, file);
      const graph = readGraphJson(file);
      expect(graph.order).toBe(400);
      expect(graph.size).toBe(2000);
      expect(graph.getNodeAttributes("n0")).toEqual(g.node(0).attributes);
      expect(graph.getEdgeAttributes("r1999")).toEqual(g.edge(1999).attributes);
      expect(graph.degree("n7")).toBe(g.node(7).attributes.degree);
    });

    it("writes a bare file: the same keys, ends and labels, and none of the derived attributes", () => {
      const file = path.join(dir, "bare.json");
      const g = generateGraph({ nodes: 300, edges: 1200, seed: 9 });
      writeGeneratedGraph(g, file, { attributes: "bare" });
      const graph = readGraphJson(file);
      expect(graph.order).toBe(300);
      expect(graph.size).toBe(1200);
      expect(graph.getNodeAttributes("n5")).toEqual({ label: g.node(5).attributes.label });
      const { source, target, attributes } = g.edge(77);
      expect(graph.extremities("r77")).toEqual([source, target]);
      expect(graph.getEdgeAttributes("r77")).toEqual({ label: attributes.label });
    });

    it("writes byte-identical files for the same seed", () => {
      const spec = { nodes: 200, edges: 900, seed: 4 };
      writeGeneratedGraph(generateGraph(spec), path.join(dir, "a.json"));
      writeGeneratedGraph(generateGraph(spec), path.join(dir, "b.json"));
      expect(readFileSync(path.join(dir, "a.json"))).toEqual(readFileSync(path.join(dir, "b.json")));
    });
  });

  describe("ensureGraphFile", () => {
    it("generates a graph once, then reuses the cached file named by size and seed", () => {
      const spec = { nodes: 100, edges: 300, seed: 1 };
      const first = ensureGraphFile(spec, dir);
      const second = ensureGraphFile(spec, dir);
      expect(first).toMatchObject({ file: graphFilePath(spec, dir), generated: true });
      expect(second).toMatchObject({ file: first.file, generated: false });
      expect(path.basename(first.file)).toMatch(/^kg-100n-300e-s1-v\d+\.json$/);
    });

    it("caches the bare file of a graph beside the full one, under its own name", () => {
      const spec = { nodes: 100, edges: 300, seed: 1 };
      const bare = ensureGraphFile(spec, dir, "bare");
      expect(bare.file).toBe(graphFilePath(spec, dir, "bare"));
      expect(path.basename(bare.file)).toMatch(/^kg-100n-300e-s1-v\d+-bare\.json$/);
      expect(readGraphJson(bare.file).getNodeAttributes("n0")).toEqual({ label: expect.any(String) });
    });
  });
});
