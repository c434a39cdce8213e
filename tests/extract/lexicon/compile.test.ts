import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { compiledFor, loadExtractContext } from "../../../src/extract/context.ts";
import { compileContext, type CompiledContext } from "../../../src/extract/lexicon/compile.ts";
import type { KnowledgeGraph } from "../../../src/model/types.ts";

/** The name table as sorted lines "first token: pattern text -> entry label (kind)". */
function nameLines(c: CompiledContext): string[] {
  const lines: string[] = [];
  for (const [first, list] of c.names)
    for (const p of list) lines.push(`${first}: ${p.original.join(" ")} -> ${p.name.entry.label} (${p.name.kind})`);
  return lines.sort();
}

function node(graph: KnowledgeGraph, id: string, label: string, type: string, aliases: string[] = []) {
  graph.addNode(id, { label, type, aliases } as never);
}

describe("extract", () => {
  describe("compiled context of a growing graph", () => {
    const { ontology, lexicon } = loadExtractContext();
    const context = (graph: KnowledgeGraph) => compiledFor({ ontology, lexicon, graph });
    const full = (graph: KnowledgeGraph) => compileContext(ontology, lexicon, graph);

    it("gives, after nodes are added, the tables a full compile gives", () => {
      const graph = new MultiDirectedGraph() as unknown as KnowledgeGraph;
      node(graph, "halvorsen-group", "Halvorsen Group", "organization", ["Halvorsen"]);
      expect(nameLines(context(graph))).toEqual(nameLines(full(graph)));
      node(graph, "mara-lind", "Mara Lind", "person", ["Lind"]);
      node(graph, "peace-talks", "peace talks", "event");
      graph.addEdge("mara-lind", "peace-talks", { predicate: "participates_in" } as never);
      const grown = context(graph);
      expect(nameLines(grown)).toEqual(nameLines(full(graph)));
      expect(nameLines(grown).some((l) => l.startsWith("mara: Mara Lind"))).toBe(true);
      expect(grown.anchors.get("peace-talks")).toEqual(new Set(["mara-lind"]));
    });

    it("compiles in full when a new node shares a name with the gazetteer, or a node changes or goes", () => {
      const graph = new MultiDirectedGraph() as unknown as KnowledgeGraph;
      node(graph, "halvorsen-group", "Halvorsen Group", "organization");
      context(graph);
      node(graph, "germany", "Germany", "country", ["Federal Republic"]);
      const withState = context(graph);
      expect(nameLines(withState)).toEqual(nameLines(full(graph)));
      expect(nameLines(withState).find((l) => l.startsWith("germany: Germany ->"))).toMatch(/-> Germany \(name\)/);
      graph.mergeNodeAttributes("halvorsen-group", { aliases: ["Halvorsen"] } as never);
      graph.dropNode("germany");
      node(graph, "lind-a", "Lind AB", "organization");
      expect(nameLines(context(graph))).toEqual(nameLines(full(graph)));
    });
  });
});
