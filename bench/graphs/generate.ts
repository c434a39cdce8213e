/**
 * Graph generator: seeded knowledge-graph-like graphs streamed to disk as graphology JSON (one record per line).
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import type { EntityAttributes, EntityType, RelationAttributes } from "../../src/model/types.ts";
import { kindOfPredicate } from "../../src/model/relationKind.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { degrees, scaleFreeTopology, type Topology } from "./topology.ts";
import { drawLabel, drawType, loadOntology, vocabularyOf, type Vocabulary } from "./vocabulary.ts";

/** Bump when the output format or the drawing changes, so cached files are regenerated. */
export const GENERATOR_VERSION = 2;

const FLUSH_BYTES = 4 * 1024 * 1024;
const MODALITIES = ["asserted", "asserted", "asserted", "reported", "reported", "proposed", "hypothetical"] as const;

/** What to generate. */
export interface GraphSpec {
  nodes: number;
  edges: number;
  seed: number;
}

/** One generated graph's records, drawn lazily so a 1M/5M graph never sits in memory as objects. */
export interface GeneratedGraph {
  spec: GraphSpec;
  topology: Topology;
  node: (i: number) => { key: string; attributes: EntityAttributes };
  edge: (i: number) => { key: string; source: string; target: string; attributes: RelationAttributes };
}

/**
 * Which attributes a written file carries. `full`: every attribute of the model, derived ones included (degree,
 * size, colour, community, position, documents, status, confidence…), as the builder writes them. `bare`: what a file
 * from another tool would have: node keys and labels, edge keys, ends and labels, nothing the server derives.
 */
export type GraphAttributeSet = "full" | "bare";

/** Tunables of {@link writeGeneratedGraph}. */
export interface WriteGraphOptions {
  attributes: GraphAttributeSet;
}

export const DEFAULT_WRITE_GRAPH_OPTIONS: WriteGraphOptions = { attributes: "full" };

/** A generated node record as a foreign file would hold it: its key and label only. */
export function bareNode({ key, attributes }: ReturnType<GeneratedGraph["node"]>) {
  return { key, attributes: { label: attributes.label } };
}

/** A generated edge record as a foreign file would hold it: key, ends and the relation's label only. */
export function bareEdge({ key, source, target, attributes }: ReturnType<GeneratedGraph["edge"]>) {
  return { key, source, target, attributes: { label: attributes.label } };
}

/** Node key of node index `i`. */
export const nodeKey = (i: number): string => `n${i}`;

/** Draws the graph of `spec`: topology, then types and labels per node, then predicate and evidence per edge. */
export function generateGraph(spec: GraphSpec, vocabulary: Vocabulary = vocabularyOf(loadOntology())): GeneratedGraph {
  const random = mulberry32(spec.seed);
  const topology = scaleFreeTopology(spec.nodes, spec.edges, random);
  const degree = degrees(topology);
  const types: EntityType[] = new Array(spec.nodes);
  const labels: string[] = new Array(spec.nodes);
  for (let i = 0; i < spec.nodes; i++) {
    types[i] = drawType(vocabulary, random);
    labels[i] = drawLabel(types[i], random);
  }
  const communities = Math.max(1, Math.round(spec.nodes / 500));
  const documents = Math.max(1, Math.round(spec.nodes / 50));
  // Per-record generators are seeded by index so any record can be drawn on its own, in any order.
  const node = (i: number) => {
    const r = mulberry32(spec.seed ^ Math.imul(i + 1, 0x9e3779b1));
    return {
      key: nodeKey(i),
      attributes: {
        label: labels[i],
        type: types[i],
        aliases: [],
        description: "",
        documents: [`bench-${Math.floor(r() * documents)}`],
        source: "extracted",
        x: round2((r() - 0.5) * 2000),
        y: round2((r() - 0.5) * 2000),
        size: round2(2 + 2 * Math.log2(1 + degree[i])),
        color: vocabulary.colors[types[i]],
        community: Math.floor(r() * communities),
        degree: degree[i],
      } satisfies EntityAttributes,
    };
  };
  const edge = (i: number) => {
    const r = mulberry32(~spec.seed ^ Math.imul(i + 1, 0x85ebca77));
    let s = topology.sources[i];
    let t = topology.targets[i];
    let choices = vocabulary.allowed[types[s]][types[t]];
    if (
      choices[0] === vocabulary.cooccurrence &&
      vocabulary.allowed[types[t]][types[s]][0] !== vocabulary.cooccurrence
    ) {
      [s, t] = [t, s];
      choices = vocabulary.allowed[types[s]][types[t]];
    }
    const predicate = choices[Math.floor(r() * choices.length)];
    const quote = `${labels[s]} ${predicate.label} ${labels[t]}`;
    const start = Math.floor(r() * 5000);
    return {
      key: `r${i}`,
      source: nodeKey(s),
      target: nodeKey(t),
      attributes: {
        predicate: predicate.id,
        label: predicate.label,
        evidence: [{ doc: `bench-${Math.floor(r() * documents)}`, quote, start, end: start + quote.length }],
        stance: predicate.stance,
        modality: MODALITIES[Math.floor(r() * MODALITIES.length)],
        confidence: round2(0.5 + r() * 0.5),
        source: "extracted",
        kind: kindOfPredicate(predicate.id),
        status: "candidate",
      } satisfies RelationAttributes,
    };
  };
  return { spec, topology, node, edge };
}

/**
 * Streams `graph` to `file` as a graphology JSON export, one node or edge per line. Writes to a temporary file and
 * renames it (like src/store/atomicWrite.ts, which only takes a whole buffer: a 1M/5M graph is >1 GB).
 */
export function writeGeneratedGraph(
  graph: GeneratedGraph,
  file: string,
  options: Partial<WriteGraphOptions> = {},
): void {
  const bare = { ...DEFAULT_WRITE_GRAPH_OPTIONS, ...options }.attributes === "bare";
  const node = bare ? (i: number) => bareNode(graph.node(i)) : graph.node;
  const edge = bare ? (i: number) => bareEdge(graph.edge(i)) : graph.edge;
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, "w", 0o644);
  try {
    let buffer = "";
    const put = (text: string) => {
      buffer += text;
      if (buffer.length >= FLUSH_BYTES) {
        writeSync(fd, buffer);
        buffer = "";
      }
    };
    const { nodes, edges, seed } = graph.spec;
    const attributes = {
      name: `Benchmark graph ${nodes}/${edges} (seed ${seed})`,
      description: bare ? "Generated by bench/, without derived attributes." : "Generated by bench/.",
    };
    put(
      `{"options":{"type":"directed","multi":true,"allowSelfLoops":true},"attributes":${JSON.stringify(attributes)},`,
    );
    put(`"nodes":[`);
    for (let i = 0; i < nodes; i++) put(`${i ? "," : ""}\n${JSON.stringify(node(i))}`);
    put(`\n],"edges":[`);
    for (let i = 0; i < edges; i++) put(`${i ? "," : ""}\n${JSON.stringify(edge(i))}`);
    put("\n]}\n");
    writeSync(fd, buffer);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, file);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(tmp, { force: true });
    throw error;
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
