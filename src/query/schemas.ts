/**
 * API schemas: the zod shapes of every query-API request and response. Routes parse requests with them and
 * /api/openapi.json is generated from them, so the documentation cannot drift from the code.
 */
import { z } from "zod";
import { EntityTypeSchema, IdSchema, RESOLUTION_RULES } from "../model/schemas.ts";
import { MODALITIES, RELATION_KINDS, STANCES } from "../model/types.ts";
import { DATE_SOURCES } from "../model/documentDate.ts";
import { DEFAULT_PATH_OPTIONS, PATH_LIMITS } from "../paths/types.ts";
import { checkWindowOrder, RELATION_FILTER_PARAMS } from "../graph/relationFilterQuery.ts";
import { boolParam, intParam, listParam, numberParam, textParam } from "./params.ts";

// Section: shared shapes

/** `{ error: { code, message, ...details } }`, the body of every 4xx/5xx answer. */
export const ErrorResponseSchema = z.object({
  error: z.looseObject({ code: z.string(), message: z.string() }),
});

/** An entity in lists and paths: id, label, type. */
export const EntityRefSchema = z.object({ id: z.string(), label: z.string(), type: EntityTypeSchema });

/** A search hit: the entity and how well it matched, in (0, 1]. */
export const SearchHitSchema = EntityRefSchema.extend({ score: z.number().min(0).max(1) });

/** A verbatim quote and its [start, end) offsets in the document's text. */
export const EvidenceResponseSchema = z.object({
  doc: z.string(),
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});

/** A relation as the API shows it: both ends, the predicate and its label, and the evidence. */
export const RelationResponseSchema = z.object({
  id: z.string(),
  subject: EntityRefSchema,
  predicate: z.string(),
  label: z.string().describe("the predicate's label, or an open relation's verb phrase"),
  object: EntityRefSchema,
  confidence: z.number(),
  stance: z.enum(STANCES).optional(),
  modality: z.enum(MODALITIES).optional(),
  status: z.string().optional(),
  kind: z.enum(RELATION_KINDS).optional(),
  wikidata: z.string().optional().describe("the predicate's Wikidata property (same direction), e.g. P131"),
  support: z.number().int().optional().describe("how many distinct documents state the relation"),
  firstReported: z.string().optional().describe("the earliest date of those documents (YYYY-MM-DD)"),
  lastReported: z.string().optional().describe("the latest date of those documents (YYYY-MM-DD)"),
  evidence: z.array(EvidenceResponseSchema),
});

// Section: GET /api/search

/** Query of GET /api/search. */
export const SearchQuerySchema = z.strictObject({
  q: textParam("q", "the text to look for in labels and aliases"),
  limit: intParam("limit", 1, 100, 10),
  type: EntityTypeSchema.optional().describe("only entities of this type"),
});

/** Body of GET /api/search. */
export const SearchResponseSchema = z.object({ q: z.string(), hits: z.array(SearchHitSchema) });

// Section: GET /api/nodes/:id/neighbors

/** Path parameters of GET /api/nodes/:id/neighbors. */
export const NodeParamsSchema = z.strictObject({ id: textParam("id", "an entity id", 500) });

/** Query of GET /api/nodes/:id/neighbors. */
export const NeighborsQuerySchema = z.strictObject({
  depth: intParam("depth", 1, 3, 1),
  limit: intParam("limit", 1, 5000, 500).describe("most nodes returned"),
});

/** Body of GET /api/nodes/:id/neighbors: the ego graph. */
export const NeighborsResponseSchema = z.object({
  center: z.string(),
  depth: z.number().int(),
  nodes: z.array(EntityRefSchema.extend({ depth: z.number().int() })),
  edges: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      target: z.string(),
      predicate: z.string(),
      label: z.string(),
      confidence: z.number(),
    }),
  ),
  truncated: z.boolean(),
});

// Section: GET /api/triples

/** Query of GET /api/triples: a (subject, predicate, object) pattern and a page. */
export const TriplesQuerySchema = z
  .strictObject({
    subject: textParam("subject", "an entity id, label or alias").optional(),
    predicate: textParam("predicate", "a predicate id of the ontology", 100).optional(),
    object: textParam("object", "an entity id, label or alias").optional(),
    status: z
      .enum(["accepted", "candidate"], { error: "status must be accepted or candidate" })
      .optional()
      .describe("only relations in this review state (candidate: extracted, awaiting review)"),
    limit: intParam("limit", 1, 1000, 100),
    offset: intParam("offset", 0, 1_000_000, 0),
    ...RELATION_FILTER_PARAMS,
  })
  .superRefine(checkWindowOrder);

/** Body of GET /api/triples: the page of matches and how many there are in all. */
export const TriplesResponseSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  triples: z.array(RelationResponseSchema),
});

// Section: GET /api/paths

/** Query of GET /api/paths. */
export const PathsQuerySchema = z
  .strictObject({
    from: textParam("from", "an entity id, label or alias (a unique surname is enough)"),
    to: textParam("to", "an entity id, label or alias (a unique surname is enough)"),
    k: intParam("k", PATH_LIMITS.k.min, PATH_LIMITS.k.max, DEFAULT_PATH_OPTIONS.k),
    maxHops: intParam("maxHops", PATH_LIMITS.maxHops.min, PATH_LIMITS.maxHops.max, DEFAULT_PATH_OPTIONS.maxHops),
    directed: boolParam("directed"),
    predicates: listParam("predicates", "predicate ids a hop may use").optional(),
    exclude: listParam("exclude", "entity ids no path may pass through").optional(),
    types: listParam("types", "entity types a path may pass through (its two ends always may)").optional(),
    candidates: boolParam("candidates", true).describe("whether relations awaiting review may be walked"),
    minConfidence: numberParam("minConfidence", 0, 1, DEFAULT_PATH_OPTIONS.minConfidence),
    mode: z.enum(["shortest", "all"], { error: "mode must be shortest or all" }).default("shortest"),
    limit: intParam("limit", PATH_LIMITS.limit.min, PATH_LIMITS.limit.max, DEFAULT_PATH_OPTIONS.limit).describe(
      "most paths in mode=all",
    ),
    ...RELATION_FILTER_PARAMS,
  })
  .superRefine(checkWindowOrder);

/** One hop of a path: the relation, which way it was walked, its evidence. */
export const PathEdgeSchema = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  predicate: z.string(),
  label: z.string(),
  direction: z.enum(["forward", "backward"]),
  confidence: z.number(),
  modality: z.enum(MODALITIES).optional(),
  stance: z.enum(STANCES).optional(),
  status: z.enum(["accepted", "candidate"]).optional().describe("accepted, or candidate while awaiting review"),
  kind: z.enum(RELATION_KINDS).optional(),
  evidence: z.array(EvidenceResponseSchema),
});

/** One path: its entities, its hops and the chain read as a sentence. */
export const PathResultSchema = z.object({
  hops: z.number().int(),
  confidence: z.number(),
  nodes: z.array(EntityRefSchema),
  edges: z.array(PathEdgeSchema),
  text: z.string(),
});

/** Body of GET /api/paths. */
export const PathsResponseSchema = z.object({
  from: EntityRefSchema,
  to: EntityRefSchema,
  paths: z.array(PathResultSchema),
  truncated: z.boolean(),
});

// Section: GET /api/documents/:id

// Longer ids cannot name a file (ENAMETOOLONG); refuse them with a 400 instead of failing the read.
/** Path parameters of GET /api/documents/:id (a graph-data id: no '/', no leading '.'). */
export const DocumentParamsSchema = z.strictObject({
  id: IdSchema.max(200, { error: "id must be at most 200 characters" }),
});

/** Body of GET /api/documents/:id. */
export const DocumentResponseSchema = z.object({
  id: z.string(),
  meta: z.looseObject({ id: z.string(), title: z.string() }),
  text: z.string(),
  length: z.number().int(),
});

// Section: GET /api/documents

/** One document of GET /api/documents: its id and title, and what its metadata says of it when the server has it. */
export const DocumentSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  author: z.string().optional(),
  outlet: z.string().optional(),
  published: z.string().optional().describe("publication date, as the metadata gives it"),
  date: z.string().optional().describe("the day the document is dated by (YYYY-MM-DD), see dateSource"),
  dateSource: z.enum(DATE_SOURCES).optional().describe("given with the document, read from its metadata, or ingested"),
  genre: z.string().optional().describe("the kind of text, e.g. news or opinion"),
});

/** Body of GET /api/documents: the graph's name and the documents it is built from. */
export const DocumentListResponseSchema = z.object({
  name: z.string(),
  documents: z.array(DocumentSummarySchema),
});

// Section: routes owned elsewhere, documented here so the OpenAPI document lists the whole API

/** Body of GET /api/ontology (route in routes/ontology.ts). */
export const OntologyResponseSchema = z.object({
  types: z.array(z.object({ id: z.string(), label: z.string(), color: z.string(), description: z.string() })),
  predicates: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      inverse: z.string(),
      symmetric: z.boolean(),
      wikidata: z.string().optional().describe("the Wikidata property in the same direction (subject -> object)"),
      wikidataInverse: z.string().optional().describe("the Wikidata property from object to subject"),
    }),
  ),
});

/** Body of GET /api/health (route in routes/health.ts). */
export const HealthResponseSchema = z.looseObject({
  status: z.enum(["ok", "degraded"]),
  nodes: z.number().int(),
  edges: z.number().int(),
  graph: z
    .enum(["ready", "building", "failed"])
    .describe(
      "building: the server started on its snapshot and builds the full graph in the background; paths, search, node detail and neighbours answer meanwhile, other routes wait for it",
    ),
  snapshot: z
    .looseObject({
      file: z.string(),
      key: z.string(),
      checksum: z.string(),
      loadedAt: z.string(),
      refused: z.object({ at: z.string(), reason: z.string(), message: z.string() }).optional(),
    })
    .optional()
    .describe(
      "a read replica (kg serve --read-only --snapshot FILE) only: the snapshot it serves, when it was loaded, and the last new file refused since",
    ),
});

/** Body of GET /api/graph (route in routes/graph.ts). */
export const GraphResponseSchema = z
  .looseObject({
    attributes: z.record(z.string(), z.unknown()),
    nodes: z.array(z.unknown()),
    edges: z.array(z.unknown()),
  })
  .describe("graphology JSON export (https://graphology.github.io/serialization.html)");

/** Query of GET /api/graph: the full export, or only what the page draws. */
export const GraphQuerySchema = z
  .strictObject({
    view: z
      .enum(["full", "draw"], { error: "view must be full (the graphology export) or draw (what the page draws)" })
      .default("full")
      .describe("full: the graphology export with every attribute; draw: the columnar drawing payload"),
    ...RELATION_FILTER_PARAMS,
  })
  .superRefine(checkWindowOrder);

/** What an overview payload stands for: the whole graph's size and how much of it the groups show. */
export const OverviewSummarySchema = z.object({
  entities: z.number().int().describe("entities in the graph"),
  relations: z.number().int().describe("relations in the graph"),
  groups: z.number().int().describe("groups drawn (communities; the smallest ones merged into one)"),
  groupEdges: z.number().int().describe("pairs of groups joined by at least one relation"),
  fullDrawNodes: z.number().int().describe("the most entities drawn in full"),
  fullDrawEdges: z.number().int().describe("the most relations drawn in full"),
});

/** Body of GET /api/graph?view=draw: node and edge columns, kinds referred to by index (see graphViews.ts). */
export const DrawGraphResponseSchema = z
  .object({
    view: z.literal("draw"),
    nodeKinds: z.array(z.object({ type: z.string(), color: z.string() })),
    edgeKinds: z.array(
      z.object({
        predicate: z.string(),
        label: z.string(),
        status: z.string().nullable(),
        kind: z.string().nullable().describe("typed, open (label is the verb phrase) or cooccurrence"),
        modality: z.string().nullable().describe("asserted, proposed, reported or hypothetical"),
        stance: z.string().nullable().describe("supports, opposes or neutral"),
      }),
    ),
    nodes: z.object({
      key: z.array(z.string()),
      label: z.array(z.string()),
      kind: z.array(z.number().int()).describe("index into nodeKinds"),
      x: z.array(z.number()),
      y: z.array(z.number()),
      size: z.array(z.number()),
      aliases: z.array(z.array(z.string()).nullable()),
      group: z
        .array(z.string().nullable())
        .optional()
        .describe("an overview group's id (GET /api/graph/groups/{id} lists its members); null for an entity"),
      members: z.array(z.number().int().nullable()).optional().describe("how many entities a group holds"),
    }),
    edges: z.object({
      key: z.array(z.string()),
      source: z.array(z.number().int()).describe("index into the node columns"),
      target: z.array(z.number().int()).describe("index into the node columns"),
      kind: z.array(z.number().int()).describe("index into edgeKinds"),
      confidence: z.array(z.number().nullable()),
      weight: z
        .array(z.number().int().nullable())
        .optional()
        .describe("how many relations an aggregate edge (to or between groups) stands for; null for a relation"),
    }),
    overview: OverviewSummarySchema.optional().describe(
      "present when the graph is too large to draw in full: the nodes are groups of entities, not entities",
    ),
  })
  .describe("the drawing payload: every column of a table has one entry per node (or per edge), in the same order");

// Section: GET /api/graph/groups/{id} and /api/graph/subgraph

/** Path parameters of GET /api/graph/groups/{id}. */
export const GroupParamsSchema = z.strictObject({
  id: textParam("id", "an overview group's id (the `group` column of the overview payload)", 100),
});

/** Query of GET /api/graph/groups/{id}. */
export const GroupQuerySchema = z
  .strictObject({
    limit: intParam("limit", 1, 5000, 500).describe("most members returned, best connected first"),
    expanded: listParam("expanded", "group ids the page has expanded already")
      .optional()
      .describe("groups already expanded (with the same limit): relations to their members are drawn as relations"),
    ...RELATION_FILTER_PARAMS,
  })
  .superRefine(checkWindowOrder);

/** Query of GET /api/graph/subgraph. */
export const SubgraphQuerySchema = z
  .strictObject({
    nodes: listParam("nodes", "entity keys"),
    neighbors: intParam("neighbors", 0, 500, 30).describe("most neighbours added per entity, best connected first"),
    ...RELATION_FILTER_PARAMS,
  })
  .superRefine(checkWindowOrder);

/** Path parameters of GET /api/graph/nodes/:id and /api/graph/edges/:id: a key of the served graph. */
export const GraphKeyParamsSchema = z.strictObject({ id: textParam("id", "a node or edge key of the graph", 500) });

/** Query of GET /api/graph/nodes/:id. */
export const GraphNodeQuerySchema = z.strictObject({
  limit: intParam("limit", 1, 5000, 1000).describe("most relations returned (degree counts them all)"),
});

// The attributes below are passed on from the graph as they are: the builder writes them with these types, but a
// served foreign graph file may lack the optional ones or give them another type (the page reads them forgivingly).
// Words rather than enums for the same reason, as in the drawing payload.

/** A relation's attributes as the builder writes them, and any other attribute of the graph file. */
export const GraphRelationAttributesSchema = z.looseObject({
  predicate: z.string(),
  label: z.string().describe("the predicate's label, or an open relation's verb phrase"),
  evidence: z.array(EvidenceResponseSchema),
  stance: z.string().optional().describe("supports, opposes or neutral"),
  modality: z.string().optional().describe("asserted, proposed, reported or hypothetical"),
  confidence: z.number().optional(),
  source: z.string().optional().describe("curated or extracted"),
  status: z.string().optional().describe("accepted, or candidate while awaiting review"),
  kind: z.string().optional().describe("typed, open (label is the verb phrase) or cooccurrence"),
  wikidata: z.string().optional().describe("the predicate's Wikidata property (same direction), e.g. P131"),
  qualifiers: z.record(z.string(), z.string()).optional().describe("time, duration, role, as the text gives them"),
  support: z.number().int().optional().describe("how many distinct documents state the relation"),
  firstReported: z.string().optional().describe("the earliest date of those documents (YYYY-MM-DD)"),
  lastReported: z.string().optional().describe("the latest date of those documents (YYYY-MM-DD)"),
});

/** An entity's attributes as the builder writes them, and any other attribute of the graph file. */
export const GraphEntityAttributesSchema = z.looseObject({
  label: z.string(),
  type: z.string(),
  subtype: z.string().optional().describe("a finer kind, e.g. city, or a foreign file's own type"),
  aliases: z.array(z.string()).optional(),
  description: z.string().optional(),
});

/** Body of GET /api/graph/edges/:id: one relation as in the graphology export. */
export const GraphEdgeResponseSchema = z.object({
  key: z.string(),
  source: z.string(),
  target: z.string(),
  attributes: GraphRelationAttributesSchema,
});

/** A document stating a relation: id, title and, when known, its date and where the date came from. */
export const RelationDocumentSchema = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string().optional().describe("YYYY-MM-DD"),
  dateSource: z.enum(DATE_SOURCES).optional().describe("given with the document, read from its metadata, or ingested"),
});

/** Body of GET /api/graph/edges/:id: the relation, and the documents its evidence comes from (`support` of them). */
export const GraphEdgeDetailResponseSchema = GraphEdgeResponseSchema.extend({
  documents: z.array(RelationDocumentSchema).describe("the distinct documents of the evidence, in evidence order"),
});

/** Body of GET /api/graph/nodes/:id: one entity and its relations as in the graphology export. */
export const GraphNodeResponseSchema = z.object({
  key: z.string(),
  attributes: GraphEntityAttributesSchema,
  degree: z.number().int().describe("number of relations of the entity (self-loops once)"),
  edges: z.array(GraphEdgeResponseSchema),
  truncated: z.boolean().describe("true when limit left some relations out"),
});

// Section: GET /api/merges

/** The rules entity resolution merges by (every one but "new"). */
const MergeRuleSchema = z
  .enum(RESOLUTION_RULES)
  .exclude(["new"], { error: `rule must be one of ${RESOLUTION_RULES.filter((r) => r !== "new").join(", ")}` });

/** Query of GET /api/merges. */
export const MergesQuerySchema = z.strictObject({
  rule: MergeRuleSchema.optional().describe("only merges made by this rule"),
  entity: textParam("entity", "the id or label of the kept entity").optional(),
  limit: intParam("limit", 1, 1000, 100),
  offset: intParam("offset", 0, 1_000_000, 0),
});

/** A merge entity resolution recorded: a name read in a document joined to an existing entity. */
export const MergeRecordSchema = z.object({
  id: z
    .string()
    .describe("<doc>.<key>: POST /api/merges/{id}/revert undoes the merge, and the name becomes this entity"),
  rule: MergeRuleSchema.describe("what matched: the id, the label, an alias, a short form"),
  entity: z.object({ id: z.string(), label: z.string() }).describe("the kept entity the name joined"),
  merged: z
    .object({ label: z.string(), aliases: z.array(z.string()) })
    .describe("the name merged away and its other names in the document"),
  document: z.object({ id: z.string(), title: z.string() }).describe("the document the name was read in"),
  reverted: z.boolean().describe("true once the merge was reverted (the name is an entity of its own)"),
});

/** Body of GET /api/merges: the page of merges, how many match in all, and whether a client may revert them. */
export const MergesResponseSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  merges: z.array(MergeRecordSchema),
  writes: z
    .enum(["open", "token", "off"])
    .describe("who may revert: any local client (open), token holders (token) or no one (off)"),
});

// Section: writes (routes in routes/documentsWrite.ts and routes/relations.ts)

/** An extracted entity resolved to an existing node: the merge's id (to revert it), its label and the node. */
export const MergeReportSchema = z.object({
  merge: z.string().describe("<doc>.<key>: POST /api/merges/{id}/revert undoes the merge"),
  label: z.string(),
  entity: z.string(),
  rule: z.enum(RESOLUTION_RULES).exclude(["new"]).describe("what matched: the id, the label, an alias, a short form"),
});

/** Body of POST /api/documents: what the article added, so a client can highlight it. */
export const IngestResponseSchema = z.object({
  document: z.object({ id: z.string(), title: z.string() }),
  newEntities: z.array(z.string()).describe("ids of the nodes created for the document"),
  newRelations: z.array(z.string()).describe("ids of the candidate relations created for the document"),
  mergedEntities: z.array(MergeReportSchema),
  corroborated: z.array(z.string()).describe("curated relations the document restates (they gained its evidence)"),
  skipped: z.array(z.object({ source: z.string(), predicate: z.string(), target: z.string(), reason: z.string() })),
  graph: z.object({ nodes: z.number().int(), edges: z.number().int() }).describe("the graph's size after the ingest"),
});

/** Body of POST /api/relations/{id}/accept and /reject. */
export const DecisionResponseSchema = z.object({
  relation: z.string(),
  decision: z.enum(["accepted", "rejected"]),
  unchanged: z.boolean().describe("true when the decision was already recorded (nothing changed)"),
});

/** Body of POST /api/merges/{id}/revert. */
export const RevertMergeResponseSchema = z.object({
  merge: z.string(),
  entity: z.string().describe("the entity the mention now is"),
  unchanged: z.boolean().describe("true when the merge was already reverted (nothing changed)"),
});

/** Body of GET /api/openapi.json. */
export const OpenApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});
