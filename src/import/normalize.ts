/**
 * Import normalisation: copies a parsed graph into the knowledge model's MultiDirectedGraph and fills the fields
 * the server and the page need (label, type, colour, size, degree, community, position) where the file has none.
 */
import Graph, { MultiDirectedGraph } from "graphology";
import type { Attributes } from "graphology-types";
import { communitiesOf } from "../graph/communities.ts";
import { useDictionaryAdjacency } from "../graph/dictionaryAdjacency.ts";
import { layoutGraph, seedPositions } from "../graph/layout.ts";
import { ENTITY_TYPES, MODALITIES, STANCES, type KnowledgeGraph } from "../model/types.ts";
import { isRelationKind, kindOfPredicate, OPEN_PREDICATE } from "../model/relationKind.ts";
import { formatColor, parseColor } from "../export/color.ts";
import { mulberry32, hashString } from "../util/random.ts";
import { decodeEdge, decodeEdgeInPlace, decodeJsonValues, decodeJsonValuesInPlace } from "./decode.ts";
import { typeColors } from "./typeColors.ts";
import { DEFAULT_IMPORT_OPTIONS, type ImportHints, type ImportOptions } from "./types.ts";

const KNOWN_TYPES: ReadonlySet<unknown> = new Set(ENTITY_TYPES);
const KNOWN_STANCES: ReadonlySet<unknown> = new Set(STANCES);
const KNOWN_MODALITIES: ReadonlySet<unknown> = new Set(MODALITIES);

/**
 * Builds a knowledge graph from any parsed graphology graph (directed, undirected, mixed, simple or multi). A
 * MultiDirectedGraph is filled in place (the parsed graph becomes the result), any other one copied.
 */
export function toKnowledgeGraph(
  parsed: Graph,
  hints: ImportHints,
  options: Partial<ImportOptions> = {},
): KnowledgeGraph {
  const opts = { ...DEFAULT_IMPORT_OPTIONS, ...options };
  const graph = parsed instanceof MultiDirectedGraph ? decodeInPlace(parsed, hints) : copyDecoded(parsed, hints);
  fillNodes(graph, opts);
  placeNodes(graph, opts);
  return graph as unknown as KnowledgeGraph;
}

// The parsed graph is consumed: its attribute objects are filled where they are, not copied per element.
function decodeInPlace(graph: Graph, hints: ImportHints): Graph {
  graph.replaceAttributes(decodeJsonValues(graph.getAttributes(), hints.jsonKeys));
  graph.updateEachNodeAttributes((_node, attributes) => decodeJsonValuesInPlace(attributes, hints.jsonKeys));
  graph.updateEachEdgeAttributes((_edge, attributes) => fillEdge(decodeEdgeInPlace(attributes, hints.jsonKeys)));
  return graph;
}

function copyDecoded(parsed: Graph, hints: ImportHints): Graph {
  const graph = new MultiDirectedGraph() as unknown as Graph;
  graph.replaceAttributes(decodeJsonValues(parsed.getAttributes(), hints.jsonKeys));
  parsed.forEachNode((node, attributes) => graph.addNode(node, decodeJsonValues(attributes, hints.jsonKeys)));
  useDictionaryAdjacency(graph as unknown as KnowledgeGraph);
  parsed.forEachEdge((edge, attributes, source, target, _s, _t, undirected) => {
    const decoded = decodeEdge(attributes, hints.jsonKeys);
    // The model is directed: an undirected edge keeps its file order and says so.
    if (undirected) decoded.undirected = true;
    graph.addDirectedEdgeWithKey(edge, source, target, fillEdge(decoded));
  });
  return graph;
}

/**
 * Gives an edge's attributes (filled in place) the model's fields; a missing predicate is related_to (an open
 * relation, labelled by the file's label when it has one) and a missing kind follows from the predicate. A field is
 * only written when missing or invalid, so the fields keep the order they would have in a copy.
 */
function fillEdge(a: Attributes): Attributes {
  const predicate = text(a.predicate) ?? OPEN_PREDICATE;
  a.predicate = predicate;
  a.label = text(a.label) ?? predicate.replace(/_/g, " ");
  if (!Array.isArray(a.evidence)) a.evidence = [];
  if (!KNOWN_STANCES.has(a.stance)) a.stance = "neutral";
  if (!KNOWN_MODALITIES.has(a.modality)) a.modality = "asserted";
  if (!(typeof a.confidence === "number" && a.confidence >= 0 && a.confidence <= 1)) a.confidence = 1;
  if (a.source !== "curated" && a.source !== "extracted") a.source = "extracted";
  if (!isRelationKind(a.kind)) a.kind = kindOfPredicate(predicate);
  if (a.status !== "candidate") a.status = "accepted";
  return a;
}

/** Gives every node's attributes (filled in place) the fields the server and page need. */
function fillNodes(graph: Graph, opts: ImportOptions): void {
  const colors = opts.typeColors ?? typeColors();
  const sizeRange = opts.maxSize - opts.minSize;
  let maxDegree = 0;
  graph.forEachNode((node) => (maxDegree = Math.max(maxDegree, graph.degree(node))));
  let communityOf: ((node: string) => number) | null = null;
  graph.updateEachNodeAttributes((node, a) => {
    const fileType: unknown = a.type;
    const known = KNOWN_TYPES.has(fileType);
    const type = known ? (fileType as string) : opts.defaultType;
    const degree = graph.degree(node);
    if (!Number.isInteger(a.community) && communityOf === null)
      communityOf = communitiesOf(graph, { louvainMaxNodes: opts.louvainMaxNodes });
    const color = parseColor(a.color);
    const share = maxDegree > 0 ? Math.sqrt(degree / maxDegree) : 0;
    a.label = text(a.label) ?? node;
    a.type = type;
    // A foreign type (e.g. "airport") is kept as the subtype, so the file's own classification is not lost.
    if (!known && text(fileType) && a.subtype === undefined) a.subtype = fileType;
    a.aliases = strings(a.aliases);
    if (typeof a.description !== "string") a.description = "";
    a.documents = strings(a.documents);
    if (a.source !== "curated" && a.source !== "extracted") a.source = "extracted";
    a.color = color ? formatColor(color) : (colors[type] ?? opts.fallbackColor);
    a.size = finite(a.size) ?? Math.round((opts.minSize + share * sizeRange) * 100) / 100;
    a.degree = finite(a.degree) ?? degree;
    if (!Number.isInteger(a.community)) a.community = communityOf?.(node) ?? 0;
    return a;
  });
}

/**
 * Nodes without a position: when no node has one, the builder's layout places them all (past `layoutMaxNodes`, seeded
 * spots only); otherwise each missing one gets a seeded spot inside the others' bounding box, so the file's own layout
 * is kept as drawn.
 */
function placeNodes(graph: Graph, opts: ImportOptions): void {
  const positioned = graph.filterNodes((_n, a) => finite(a.x) !== null && finite(a.y) !== null);
  if (positioned.length === graph.order) return;
  if (positioned.length === 0) {
    graph.updateEachNodeAttributes((_n, a) => {
      a.x = 0;
      a.y = 0;
      return a;
    });
    if (graph.order <= opts.layoutMaxNodes) layoutGraph(graph as unknown as KnowledgeGraph, opts.layout);
    else seedPositions(graph as unknown as KnowledgeGraph, opts.layout.initialRadius);
    return;
  }
  // A loop, not Math.min(...xs): spreading past about 100,000 arguments overflows the stack.
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const node of positioned) {
    const { x, y } = graph.getNodeAttributes(node) as { x: number; y: number };
    [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
  }
  graph.updateEachNodeAttributes((node, a) => {
    if (finite(a.x) !== null && finite(a.y) !== null) return a;
    const random = mulberry32(hashString(node));
    a.x = minX + random() * (maxX - minX);
    a.y = minY + random() * (maxY - minY);
    return a;
  });
}

function text(value: unknown): string | null {
  if (typeof value === "string" && value !== "") return value;
  return typeof value === "number" && Number.isFinite(value) ? String(value) : null;
}

function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(String);
  return typeof value === "string" && value !== "" ? [value] : [];
}

function finite(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
