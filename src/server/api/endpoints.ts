/**
 * Endpoint specs: each query-API endpoint described as data (path, parameters, responses). Routes parse with these
 * schemas and the OpenAPI document is rendered from this list.
 */
import { z } from "zod";
import { ExportQuerySchema } from "../../export/query.ts";
import { DocumentBodySchema, UrlDocumentBodySchema } from "../../ingest/documentInput.ts";
import { IdSchema } from "../../model/schemas.ts";
import * as S from "../../query/schemas.ts";

/** One documented response. */
export interface ResponseSpec {
  description: string;
  schema: z.ZodType;
  /** Media types of a file answer (downloads); JSON when absent. */
  mediaTypes?: string[];
}

/** One endpoint: OpenAPI-style path (`/api/graph/nodes/{id}`), its inputs and its responses by status. */
export interface EndpointSpec {
  method: "get" | "post";
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** JSON request body (POST). */
  body?: z.ZodType;
  responses: Record<number, ResponseSpec>;
}

const ok = (description: string, schema: z.ZodType): Record<number, ResponseSpec> => ({
  200: { description, schema },
});
const error = (description: string): ResponseSpec => ({ description, schema: S.ErrorResponseSchema });
const BAD_REQUEST = { 400: error("invalid parameters; the message names each one and how to fix it") };
const ENTITY_ERRORS = {
  404: error("an entity is unknown; `suggestions` lists close names"),
  409: error("a name matches several entities equally well; `candidates` lists them"),
};

/** Health endpoint spec. */
export const HEALTH_ENDPOINT: EndpointSpec = {
  method: "get",
  path: "/api/health",
  summary: "Liveness and the size of the served graph",
  tag: "graph",
  responses: ok("the server is up", S.HealthResponseSchema),
};

/** Graph endpoint spec. */
export const GRAPH_ENDPOINT: EndpointSpec = {
  method: "get",
  path: "/api/graph",
  summary: "The served graph as a graphology JSON export, or (view=draw) the columnar payload the page draws from",
  tag: "graph",
  query: S.GraphQuerySchema,
  responses: {
    200: {
      description: "the whole graph (ETag; Cache-Control: no-cache, so an unchanged graph answers 304)",
      schema: z.union([S.GraphResponseSchema, S.DrawGraphResponseSchema]),
    },
    ...BAD_REQUEST,
  },
};

/** Graph node endpoint spec. */
export const GRAPH_NODE_ENDPOINT: EndpointSpec = {
  method: "get",
  path: "/api/graph/nodes/{id}",
  summary: "One node of the graph by key, with every attribute and its relations (evidence included)",
  tag: "graph",
  params: S.GraphKeyParamsSchema,
  query: S.GraphNodeQuerySchema,
  responses: {
    ...ok("the node and its relations", S.GraphNodeResponseSchema),
    ...BAD_REQUEST,
    404: error("no node has this key"),
  },
};

/** Graph edge endpoint spec. */
export const GRAPH_EDGE_ENDPOINT: EndpointSpec = {
  method: "get",
  path: "/api/graph/edges/{id}",
  summary: "One relation of the graph by key, with every attribute (evidence, qualifiers, status)",
  tag: "graph",
  params: S.GraphKeyParamsSchema,
  responses: {
    ...ok("the relation and the documents stating it", S.GraphEdgeDetailResponseSchema),
    ...BAD_REQUEST,
    404: error("no edge has this key"),
  },
};

/** Overview group endpoint spec. */
export const GRAPH_GROUP_ENDPOINT: EndpointSpec = {
  method: "get",
  path: "/api/graph/groups/{id}",
  summary:
    "One group of a large graph's overview, expanded: its best-connected members, their relations, and aggregate edges to the other groups (drawing payload)",
  tag: "graph",
  params: S.GroupParamsSchema,
  query: S.GroupQuerySchema,
  responses: {
    ...ok("the group's members in the drawing payload's columns", S.DrawGraphResponseSchema),
    ...BAD_REQUEST,
    404: error("no overview group has this id"),
  },
};

/** Subgraph endpoint spec. */
export const GRAPH_SUBGRAPH_ENDPOINT: EndpointSpec = {
  method: "get",
  path: "/api/graph/subgraph",
  summary:
    "Some entities, their best-connected neighbours and the relations among them, as a drawing payload (what the page draws of a large graph for a search hit or a path)",
  tag: "graph",
  query: S.SubgraphQuerySchema,
  responses: {
    ...ok("the entities in the drawing payload's columns", S.DrawGraphResponseSchema),
    ...BAD_REQUEST,
    404: error("an entity key is unknown"),
  },
};

/** Search endpoint spec. */
export const SEARCH_ENDPOINT: EndpointSpec = {
  method: "get",
  path: "/api/search",
  summary: "Entities ranked by match on label and aliases (exact > whole word > prefix > substring)",
  tag: "query",
  query: S.SearchQuerySchema,
  responses: { ...ok("the best matches, best first", S.SearchResponseSchema), ...BAD_REQUEST },
};

/** Neighbors endpoint spec. */
export const NEIGHBORS_ENDPOINT: EndpointSpec = {
  method: "get",
  path: "/api/nodes/{id}/neighbors",
  summary: "The ego graph of an entity: the entities within `depth` hops and the relations between them",
  tag: "query",
  params: S.NodeParamsSchema,
  query: S.NeighborsQuerySchema,
  responses: {
    ...ok("the ego graph", S.NeighborsResponseSchema),
    ...BAD_REQUEST,
    404: error("no entity has this id; see `suggestions`"),
  },
};

/** Triples endpoint spec. */
export const TRIPLES_ENDPOINT: EndpointSpec = {
  method: "get",
  path: "/api/triples",
  summary: "Relations matching a (subject, predicate, object) pattern; any part may be omitted",
  tag: "query",
  query: S.TriplesQuerySchema,
  responses: { ...ok("the matching relations", S.TriplesResponseSchema), ...BAD_REQUEST, ...ENTITY_ERRORS },
};

/** Paths endpoint spec. */
export const PATHS_ENDPOINT: EndpointSpec = {
  method: "get",
  path: "/api/paths",
  summary: "How two entities are connected: the k shortest paths (or all simple paths), every hop with evidence",
  tag: "query",
  query: S.PathsQuerySchema,
  responses: { ...ok("the paths; [] when none", S.PathsResponseSchema), ...BAD_REQUEST, ...ENTITY_ERRORS },
};

/** Document endpoint spec. */
export const DOCUMENT_ENDPOINT: EndpointSpec = {
  method: "get",
  path: "/api/documents/{id}",
  summary: "A document's text and metadata, so a client can highlight an evidence span",
  tag: "query",
  params: S.DocumentParamsSchema,
  responses: {
    ...ok("the document", S.DocumentResponseSchema),
    ...BAD_REQUEST,
    404: error("no such document, or the server serves a standalone graph file"),
  },
};

/** Document list endpoint spec. */
export const DOCUMENT_LIST_ENDPOINT: EndpointSpec = {
  method: "get",
  path: "/api/documents",
  summary: "The graph's name and the documents it is built from, with their author, outlet, date and genre",
  tag: "query",
  responses: ok("the documents; [] when the graph lists none", S.DocumentListResponseSchema),
};

/** The OpenAPI document endpoint spec. */
export const OPENAPI_ENDPOINT: EndpointSpec = {
  method: "get",
  path: "/api/openapi.json",
  summary: "This document",
  tag: "meta",
  responses: ok("the OpenAPI 3.1 document", S.OpenApiDocumentSchema),
};

/** Ontology endpoint spec. */
export const ONTOLOGY_ENDPOINT: EndpointSpec = {
  method: "get",
  path: "/api/ontology",
  summary: "Entity types (label, colour) and predicates (label, inverse, Wikidata properties) for legends and panels",
  tag: "graph",
  responses: ok("the ontology", S.OntologyResponseSchema),
};

/** Export endpoint spec. */
export const EXPORT_ENDPOINT: EndpointSpec = {
  method: "get",
  path: "/api/export",
  summary:
    "The graph or a subset (types, predicates, ego graph, paths) as GEXF 1.3, GraphML, JSON, CSV, a Neo4j bulk-import bundle (zip), Turtle or JSON-LD, streamed",
  tag: "export",
  query: ExportQuerySchema,
  responses: {
    200: {
      description: "the file, with a Content-Disposition file name",
      schema: z.string(),
      mediaTypes: [
        "application/gexf+xml",
        "application/graphml+xml",
        "application/json",
        "text/csv",
        "application/zip",
        "text/turtle",
        "application/ld+json",
      ],
    },
    ...BAD_REQUEST,
    ...ENTITY_ERRORS,
  },
};

/** Vocabulary endpoint specs: the RDF exports' classes and properties, and their JSON-LD @context. */
export const VOCAB_ENDPOINTS: EndpointSpec[] = [
  {
    method: "get",
    path: "/api/vocab",
    summary: "The vocabulary of the Turtle and JSON-LD exports (classes per entity type, properties), as Turtle",
    tag: "export",
    responses: { 200: { description: "the vocabulary", schema: z.string(), mediaTypes: ["text/turtle"] } },
  },
  {
    method: "get",
    path: "/api/vocab/context.jsonld",
    summary: "The JSON-LD @context of the JSON-LD export",
    tag: "export",
    responses: { 200: { description: "the context", schema: z.string(), mediaTypes: ["application/ld+json"] } },
  },
];

const WRITE_ERRORS = {
  401: error("a token is configured and the request has no valid `Authorization: Bearer` header"),
  403: error("writes are off: --read-only, a standalone graph file, or beyond loopback without a token"),
  415: error("the body is not `application/json`"),
};

/** Ingest endpoint spec. */
export const INGEST_ENDPOINT: EndpointSpec = {
  method: "post",
  path: "/api/documents",
  summary:
    "Add an article (its text, or a `url` alone to fetch the page): extract, resolve against the graph, store as candidates, and serve the grown graph",
  tag: "write",
  body: z.union([DocumentBodySchema, UrlDocumentBodySchema]),
  responses: {
    201: {
      description: "what was added: new entities and relations, merged entities, corroborated curated relations",
      schema: S.IngestResponseSchema,
    },
    ...BAD_REQUEST,
    409: error("the same text is already stored (`document` names it), or graph-data/ is broken"),
    413: error("the text is over the size limit (`limit`, in bytes)"),
    422: error(
      "the page at `url` could not be fetched or used (`reason`: blocked_address, timeout, too_large, too_many_redirects, unsupported_type, http_status, …)",
    ),
    ...WRITE_ERRORS,
  },
};

const ReviewParamsSchema = z.strictObject({ id: IdSchema });

/** Merge list endpoint spec. */
export const MERGES_ENDPOINT: EndpointSpec = {
  method: "get",
  path: "/api/merges",
  summary:
    "The entity merges resolution recorded (a name in a document joined to an existing entity), and which are reverted",
  tag: "query",
  query: S.MergesQuerySchema,
  responses: { ...ok("the matching merges; [] for a standalone graph file", S.MergesResponseSchema), ...BAD_REQUEST },
};

/** Accept, reject and revert endpoint specs. */
export const REVIEW_ENDPOINTS: EndpointSpec[] = [
  ...(["accept", "reject"] as const).map((action): EndpointSpec => ({
    method: "post",
    path: `/api/relations/{id}/${action}`,
    summary: `${action === "accept" ? "Accept" : "Reject"} an extracted candidate relation (kept across rebuilds)`,
    tag: "write",
    params: ReviewParamsSchema,
    body: z.strictObject({}),
    responses: {
      ...ok("the decision", S.DecisionResponseSchema),
      ...BAD_REQUEST,
      404: error("no relation has this id"),
      409: error("a curated relation, or accepting a rejected one"),
      ...WRITE_ERRORS,
    },
  })),
  {
    method: "post",
    path: "/api/merges/{id}/revert",
    summary: "Undo an entity merge made by resolution: the mention becomes its own entity",
    tag: "write",
    params: ReviewParamsSchema,
    body: z.strictObject({}),
    responses: {
      ...ok("the reverted merge", S.RevertMergeResponseSchema),
      ...BAD_REQUEST,
      404: error("no such merge"),
      ...WRITE_ERRORS,
    },
  },
];

/** Every endpoint documented in /api/openapi.json. Other modules may push their own specs here. */
export const API_ENDPOINTS: EndpointSpec[] = [
  HEALTH_ENDPOINT,
  GRAPH_ENDPOINT,
  GRAPH_NODE_ENDPOINT,
  GRAPH_EDGE_ENDPOINT,
  GRAPH_GROUP_ENDPOINT,
  GRAPH_SUBGRAPH_ENDPOINT,
  SEARCH_ENDPOINT,
  NEIGHBORS_ENDPOINT,
  TRIPLES_ENDPOINT,
  PATHS_ENDPOINT,
  DOCUMENT_LIST_ENDPOINT,
  DOCUMENT_ENDPOINT,
  ONTOLOGY_ENDPOINT,
  EXPORT_ENDPOINT,
  ...VOCAB_ENDPOINTS,
  MERGES_ENDPOINT,
  INGEST_ENDPOINT,
  ...REVIEW_ENDPOINTS,
  OPENAPI_ENDPOINT,
];
