/**
 * Incremental update: after an ingest or a decision, places the new nodes near their neighbours and refreshes the
 * cheap metrics, instead of re-running ForceAtlas2 and Louvain over the whole graph (existing positions and
 * communities stay put, so the picture a reader knows does not jump). `kg build` recomputes everything.
 */
import { DEFAULT_METRICS_OPTIONS, type MetricsOptions } from "../graph/metrics.ts";
import { DEFAULT_LAYOUT_OPTIONS } from "../graph/layout.ts";
import { applyExtractedFile, type MergeOutcome } from "../graph/merge.ts";
import { refreshReportingSteps } from "../graph/reporting.ts";
import type { DecisionsFile, ExtractedFile, Ontology } from "../model/schemas.ts";
import type { GraphDocument, KnowledgeGraph } from "../model/types.ts";
import { hashString, mulberry32 } from "../util/random.ts";
import type { Steps } from "../util/slices.ts";

/** Nodes handled between two points where a refresh in slices may pause. */
const STEP = 1024;

/** Tunables of {@link placeNewNodes}. */
export interface PlacementOptions {
  /** How far from its neighbours' centre a new node lands (graph units). */
  jitter: number;
}

export const DEFAULT_PLACEMENT_OPTIONS: PlacementOptions = { jitter: 12 };

/**
 * Adds one document's extracted facts to a private copy of the served graph and places the nodes it creates. Both
 * ways documents reach a served graph incrementally go through here: this process's own ingest, and documents another
 * process added (so the two give the same graph).
 */
export function applyDocumentFacts(
  graph: KnowledgeGraph,
  ontology: Ontology,
  file: Pick<ExtractedFile, "document" | "entities" | "relations">,
  decisions: DecisionsFile,
): MergeOutcome {
  const outcome = applyExtractedFile(graph, ontology, file, decisions);
  placeNewNodes(graph, outcome.newEntities);
  return outcome;
}

/**
 * After a step's documents are applied: the graph's document list, then what depends on it and on the degrees. As
 * steps to run in slices (src/util/slices.ts): it walks every relation, about 2 s at 500k, on a graph no reader sees.
 */
export function* finishDocumentStep(graph: KnowledgeGraph, documents: GraphDocument[]): Steps<void> {
  graph.setAttribute("documents", documents);
  // After the documents list: a relation's first and last report come from its documents' dates.
  yield* refreshReportingSteps(graph);
  yield* refreshDegreesAndSizes(graph);
}

/**
 * Gives each of `nodes` a position (the centre of its already placed neighbours plus a small seeded offset, or a
 * seeded point inside the graph's extent when it has none) and a community (its neighbours' most common one, or a
 * new one).
 */
export function placeNewNodes(graph: KnowledgeGraph, nodes: string[], options: Partial<PlacementOptions> = {}): void {
  const { jitter } = { ...DEFAULT_PLACEMENT_OPTIONS, ...options };
  const pending = new Set(nodes);
  // A pass over the whole graph, made only for a node with no placed neighbour: most new nodes are linked to one.
  let placed: Placed | null = null;
  const whole = () => (placed ??= placedNodes(graph, new Set(nodes)));
  // Two passes: nodes linked to placed nodes first, then nodes linked only to those.
  for (let pass = 0; pass < 2; pass++) {
    for (const node of pending) {
      const placed = graph.neighbors(node).filter((n) => !pending.has(n));
      if (placed.length === 0 && pass === 0) continue;
      const random = mulberry32(hashString(node));
      const angle = random() * 2 * Math.PI;
      if (placed.length > 0) {
        let x = 0;
        let y = 0;
        for (const n of placed) {
          x += graph.getNodeAttribute(n, "x");
          y += graph.getNodeAttribute(n, "y");
        }
        const r = jitter * (0.5 + random());
        graph.mergeNodeAttributes(node, {
          x: round(x / placed.length + r * Math.cos(angle)),
          y: round(y / placed.length + r * Math.sin(angle)),
          community: commonest(placed.map((n) => graph.getNodeAttribute(n, "community"))),
        });
      } else {
        const { extent } = whole();
        const r = Math.sqrt(random()) * extent.radius;
        graph.mergeNodeAttributes(node, {
          x: round(extent.cx + r * Math.cos(angle)),
          y: round(extent.cy + r * Math.sin(angle)),
          community: whole().nextCommunity++,
        });
      }
      pending.delete(node);
    }
  }
}

/**
 * Rewrites `degree` and `size` of every node (linear; sizes depend on the largest degree), as steps that pause every
 * {@link STEP} nodes, to run in slices on a graph no reader sees.
 */
export function* refreshDegreesAndSizes(graph: KnowledgeGraph, options: Partial<MetricsOptions> = {}): Steps<void> {
  const { minSize, maxSize } = { ...DEFAULT_METRICS_OPTIONS, ...options };
  let maxDegree = 0;
  let count = 0;
  for (const node of graph.nodes()) {
    maxDegree = Math.max(maxDegree, graph.degree(node));
    if (++count % STEP === 0) yield;
  }
  // Only changed values are written: on a large graph most nodes keep their degree and size.
  for (const { node, attributes } of graph.nodeEntries()) {
    const degree = graph.degree(node);
    const share = maxDegree > 0 ? Math.sqrt(degree / maxDegree) : 0;
    const size = round(minSize + share * (maxSize - minSize));
    if (attributes.degree !== degree) graph.setNodeAttribute(node, "degree", degree);
    if (attributes.size !== size) graph.setNodeAttribute(node, "size", size);
    if (++count % STEP === 0) yield;
  }
}

/** What new nodes are placed by when they have no placed neighbour: the graph's extent and the next community. */
interface Placed {
  extent: { cx: number; cy: number; radius: number };
  nextCommunity: number;
}

/** {@link Placed} of the nodes not in `skip`, in one pass. */
function placedNodes(graph: KnowledgeGraph, skip: Set<string>): Placed {
  let [minX, minY, maxX, maxY, community] = [Infinity, Infinity, -Infinity, -Infinity, -1];
  graph.forEachNode((node, a) => {
    if (skip.has(node)) return;
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
    community = Math.max(community, a.community);
  });
  const nextCommunity = community + 1;
  if (minX === Infinity)
    return { extent: { cx: 0, cy: 0, radius: DEFAULT_LAYOUT_OPTIONS.initialRadius }, nextCommunity };
  const radius = Math.max(maxX - minX, maxY - minY) / 2 || DEFAULT_LAYOUT_OPTIONS.initialRadius;
  return { extent: { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, radius }, nextCommunity };
}

function commonest(values: number[]): number {
  const counts = new Map<number, number>();
  let best = values[0];
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > (counts.get(best) ?? 0) || (c === counts.get(best) && v < best)) best = v;
  }
  return best;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
