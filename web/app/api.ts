/**
 * API client: typed calls to the server, each answer checked with zod at the boundary, errors as readable messages.
 * Every answer is read with the server's own schema (src/query/schemas.ts), or one derived from it where the page reads
 * more forgivingly (responseSchemas.ts); the types below are inferred from those schemas.
 */
import "./zodConfig.ts";
import type { z } from "zod";
import {
  DecisionResponseSchema,
  DocumentListResponseSchema,
  DocumentResponseSchema,
  ErrorResponseSchema,
  EvidenceResponseSchema,
  IngestResponseSchema,
  MergesResponseSchema,
  OntologyResponseSchema,
  PathsResponseSchema,
  RevertMergeResponseSchema,
  SearchResponseSchema,
  TriplesResponseSchema,
} from "../../src/query/schemas.ts";
import { DrawGraphSchema, EdgeDetailSchema, NodeDetailSchema, type DrawGraph } from "./responseSchemas.ts";
import { OPEN_WINDOW, windowParams, type TimeWindow } from "./timelineWindow.ts";

/** GET /api/paths's answer. */
export type PathsResult = z.infer<typeof PathsResponseSchema>;

/** One path of {@link PathsResult}. */
export type FoundPath = PathsResult["paths"][number];

/** A document of GET /api/documents/:id. */
export type DocumentResult = z.infer<typeof DocumentResponseSchema>;

/** GET /api/documents: the graph's name and the documents it is built from. */
export type DocumentList = z.infer<typeof DocumentListResponseSchema>;

/** One piece of evidence: a verbatim quote and its [start, end) offsets in the document. */
export type Evidence = z.infer<typeof EvidenceResponseSchema>;

/** What the legend and the panels need from the ontology (GET /api/ontology, or guessed from the graph). */
export type OntologyInfo = z.infer<typeof OntologyResponseSchema>;

/** An entity type of the legend. */
export type TypeInfo = OntologyInfo["types"][number];

/** A predicate: its label and the label read from the object's side. */
export type PredicateInfo = OntologyInfo["predicates"][number];

/** A failed call, with a message fit to show to the reader. */
export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
  }
}

/** Fetches `url` and parses the JSON body with `schema`; throws {@link ApiError} with the server's message. */
async function getJson<S extends z.ZodType>(url: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" }, signal });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, `cannot reach the server (${(error as Error).message}); is it still running?`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ErrorResponseSchema.safeParse(body);
    throw new ApiError(response.status, parsed.success ? parsed.data.error.message : `HTTP ${response.status}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(response.status, `unexpected answer from ${url.split("?")[0]}`);
  return parsed.data;
}

/** The drawing payload of GET /api/graph?view=draw (see responseSchemas.ts). */
export type { DrawGraph };

/**
 * The served graph, cut to what the page draws (GET /api/graph?view=draw) and, when `window` closes a side, to the
 * relations stated by a document dated within it.
 */
export async function fetchDrawGraph(window: TimeWindow = OPEN_WINDOW): Promise<DrawGraph> {
  return getJson(`/api/graph?${new URLSearchParams({ view: "draw", ...windowParams(window) })}`, DrawGraphSchema);
}

/** What an overview payload stands for (the graph's size, how many groups); absent when the graph is drawn in full. */
export type OverviewSummary = NonNullable<DrawGraph["overview"]>;

/**
 * GET /api/graph/groups/{id}: an overview group's best-connected `limit` members, their relations, and aggregate edges
 * to the groups still closed; `expanded` lists the groups expanded already (their members' relations come as such).
 */
export async function fetchGroup(
  id: string,
  expanded: string[],
  limit: number,
  window: TimeWindow = OPEN_WINDOW,
): Promise<DrawGraph> {
  const params = new URLSearchParams({ limit: String(limit), ...windowParams(window) });
  if (expanded.length > 0) params.set("expanded", expanded.join(","));
  return getJson(`/api/graph/groups/${encodeURIComponent(id)}?${params}`, DrawGraphSchema);
}

/** GET /api/graph/subgraph: entities `nodes`, up to `neighbors` neighbours of each and the relations among them. */
export async function fetchSubgraph(
  nodes: string[],
  neighbors: number,
  window: TimeWindow = OPEN_WINDOW,
): Promise<DrawGraph> {
  const params = new URLSearchParams({ nodes: nodes.join(","), neighbors: String(neighbors), ...windowParams(window) });
  return getJson(`/api/graph/subgraph?${params}`, DrawGraphSchema);
}

/** GET /api/search's answer: the best matches over every entity of the served graph. */
export type ServerSearch = z.infer<typeof SearchResponseSchema>;

/** GET /api/search: entities matching `q` among all of the served graph's, drawn or not. */
export async function fetchSearch(q: string, limit: number): Promise<ServerSearch> {
  return getJson(`/api/search?${new URLSearchParams({ q, limit: String(limit) })}`, SearchResponseSchema);
}

/** GET /api/graph/edges/:id: a relation with its ends, every attribute and the documents stating it. */
export type EdgeDetail = z.infer<typeof EdgeDetailSchema>;

/** GET /api/graph/nodes/:id: an entity, every attribute, and its relations (at most the first `limit`). */
export type NodeDetail = z.infer<typeof NodeDetailSchema>;

/** GET /api/graph/nodes/:id: an entity with every attribute and its relations, evidence included. */
export async function fetchNodeDetail(key: string, signal?: AbortSignal): Promise<NodeDetail> {
  return getJson(`/api/graph/nodes/${encodeURIComponent(key)}`, NodeDetailSchema, signal);
}

/** GET /api/graph/edges/:id: a relation with every attribute, evidence included. */
export async function fetchEdgeDetail(key: string, signal?: AbortSignal): Promise<EdgeDetail> {
  return getJson(`/api/graph/edges/${encodeURIComponent(key)}`, EdgeDetailSchema, signal);
}

/** The ontology's type labels/colours and predicate labels, or null when the server has no /api/ontology. */
export async function fetchOntology(): Promise<OntologyInfo | null> {
  try {
    return await getJson("/api/ontology", OntologyResponseSchema);
  } catch {
    return null;
  }
}

/** Parameters of a path query. */
export interface PathQuery {
  from: string;
  to: string;
  k: number;
  maxHops: number;
  predicates: string[];
  /** Entity types a path may pass through; [] for all. */
  types: string[];
  /** Whether relations awaiting review may be walked. */
  candidates: boolean;
  /** Walk only relations stated by a document dated within this window, and by at least its `minSupport` documents. */
  window: TimeWindow;
}

/** GET /api/paths: the k shortest paths between two entities ([] when there is none). */
export async function fetchPaths(query: PathQuery, signal?: AbortSignal): Promise<PathsResult> {
  const params = new URLSearchParams({
    from: query.from,
    to: query.to,
    k: String(query.k),
    maxHops: String(query.maxHops),
    ...windowParams(query.window),
  });
  if (query.predicates.length > 0) params.set("predicates", query.predicates.join(","));
  if (query.types.length > 0) params.set("types", query.types.join(","));
  if (!query.candidates) params.set("candidates", "false");
  return getJson(`/api/paths?${params}`, PathsResponseSchema, signal);
}

/** A relation as GET /api/triples gives it: both ends, wording, modality, stance, status and evidence. */
export type Triple = z.infer<typeof TriplesResponseSchema>["triples"][number];

/** Most candidates the review queue lists at once (the API's page limit). */
export const MAX_CANDIDATES = 1000;

/** GET /api/triples?status=candidate: the relations awaiting review, evidence included (the first {@link MAX_CANDIDATES}). */
export async function fetchCandidates(signal?: AbortSignal): Promise<{ total: number; triples: Triple[] }> {
  const params = new URLSearchParams({ status: "candidate", limit: String(MAX_CANDIDATES) });
  return getJson(`/api/triples?${params}`, TriplesResponseSchema, signal);
}

/** GET /api/merges's answer: the entity merges resolution recorded, and who may revert them. */
export type MergeList = z.infer<typeof MergesResponseSchema>;

/** One recorded merge of {@link MergeList}. */
export type RecordedMerge = MergeList["merges"][number];

/** Most merges the merge list shows at once (the API's page limit). */
export const MAX_MERGES = 1000;

/** GET /api/merges: the recorded merges (the first {@link MAX_MERGES}). */
export async function fetchMerges(signal?: AbortSignal): Promise<MergeList> {
  return getJson(`/api/merges?${new URLSearchParams({ limit: String(MAX_MERGES) })}`, MergesResponseSchema, signal);
}

/** GET /api/documents/:id: a document's text, to show an evidence span in context. */
export async function fetchDocument(id: string): Promise<DocumentResult> {
  return getJson(`/api/documents/${encodeURIComponent(id)}`, DocumentResponseSchema);
}

/** GET /api/documents: the graph's name and its documents with their author, outlet, date and genre. */
export async function fetchDocumentList(): Promise<DocumentList> {
  return getJson("/api/documents", DocumentListResponseSchema);
}

/**
 * The URL of a GEXF export, of the whole graph or restricted to the given types and predicates and to the relations
 * stated within a time window by at least its `minSupport` documents.
 */
export function gexfUrl(subset: { types?: string[]; predicates?: string[]; window?: TimeWindow } = {}): string {
  const params = new URLSearchParams({ format: "gexf", ...(subset.window ? windowParams(subset.window) : {}) });
  if (subset.types) params.set("types", subset.types.join(","));
  if (subset.predicates) params.set("predicates", subset.predicates.join(","));
  return `/api/export?${params}`;
}

// Writes

/** What POST /api/documents added. */
export type IngestResult = z.infer<typeof IngestResponseSchema>;

/**
 * An article to add: its title and text, or the `url` of a page for the server to fetch (then the title is
 * optional); optional fields are left out when empty.
 */
export interface ArticleInput {
  title?: string;
  text?: string;
  url?: string;
  author?: string;
  date?: string;
}

/** The answer to an accept or reject. */
export type DecisionResult = z.infer<typeof DecisionResponseSchema>;

/** POSTs `body` as JSON (the write guard accepts nothing else) and parses the answer like {@link getJson}. */
async function postJson<S extends z.ZodType>(url: string, body: unknown, schema: S): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, `cannot reach the server (${(error as Error).message}); is it still running?`);
  }
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ErrorResponseSchema.safeParse(answer);
    throw new ApiError(response.status, parsed.success ? parsed.data.error.message : `HTTP ${response.status}`);
  }
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new ApiError(response.status, `unexpected answer from ${url}`);
  return parsed.data;
}

/** POST /api/documents: adds an article to the graph; the server's 4xx message comes back as an {@link ApiError}. */
export async function postDocument(article: ArticleInput): Promise<IngestResult> {
  return postJson("/api/documents", article, IngestResponseSchema);
}

/** POST /api/merges/:id/revert: undoes an entity merge (the name becomes an entity of its own). */
export async function revertMerge(id: string): Promise<z.infer<typeof RevertMergeResponseSchema>> {
  return postJson(`/api/merges/${encodeURIComponent(id)}/revert`, {}, RevertMergeResponseSchema);
}

/** POST /api/relations/:id/accept or /reject: records a review decision on a candidate relation. */
export async function decideRelation(id: string, decision: "accept" | "reject"): Promise<DecisionResult> {
  return postJson(`/api/relations/${encodeURIComponent(id)}/${decision}`, {}, DecisionResponseSchema);
}
