/**
 * Name tables of a growing graph: the extractor's compiled context kept up to date as documents add nodes (what a
 * corpus ingest does before each document), against compiling it in full each time. Run with
 * `node --import tsx bench/growingContext.ts [--documents 400] [--nodes 20]`.
 */
import { parseArgs } from "node:util";
import { MultiDirectedGraph } from "graphology";
import { compiledFor, loadExtractContext } from "../src/extract/context.ts";
import { compileContext } from "../src/extract/lexicon/compile.ts";
import type { KnowledgeGraph } from "../src/model/types.ts";

const { values } = parseArgs({ options: { documents: { type: "string" }, nodes: { type: "string" } } });
const documents = Number(values.documents ?? 400);
const perDocument = Number(values.nodes ?? 20);
const { ontology, lexicon } = loadExtractContext();

/** Milliseconds to grow a graph by `perDocument` invented people per document, compiling with `compile` each time. */
function run(compile: (graph: KnowledgeGraph) => unknown): number {
  const graph = new MultiDirectedGraph() as unknown as KnowledgeGraph;
  const start = performance.now();
  for (let d = 0; d < documents; d++) {
    for (let i = 0; i < perDocument; i++) {
      const n = d * perDocument + i;
      graph.addNode(`person-${n}`, {
        label: `Person Number${n} Smith`,
        type: "person",
        aliases: [`Number${n}`],
      } as never);
    }
    compile(graph);
  }
  return performance.now() - start;
}

const full = run((graph) => compileContext(ontology, lexicon, graph));
const growing = run((graph) => compiledFor({ ontology, lexicon, graph }));
process.stdout.write(
  `${documents} documents adding ${perDocument} nodes each (to ${documents * perDocument}): ` +
    `full compile ${(full / 1000).toFixed(1)} s, growing tables ${(growing / 1000).toFixed(1)} s ` +
    `(${(full / growing).toFixed(1)}x)\n`,
);
