/**
 * GET /api/ontology: entity types (label, colour) and predicates (label, inverse, Wikidata properties) — what the
 * page's legend and panels need. Read from graph-data/ontology.yaml; when serving a standalone graph file, derived
 * from the graph itself.
 */
import { Router } from "express";
import type { z } from "zod";
import { OntologySchema } from "../../model/schemas.ts";
import type { KnowledgeGraph } from "../../model/types.ts";
import type { OntologyResponseSchema } from "../../query/schemas.ts";
import { dataFilesOf } from "../../store/dataFiles.ts";
import type { DataIssue } from "../../store/issues.ts";
import { readYamlFile } from "../../store/yamlFile.ts";
import { logger } from "../../util/logger.ts";
import type { ServerContext } from "../context.ts";

/** The body of GET /api/ontology. */
export type OntologyView = z.infer<typeof OntologyResponseSchema>;

/** An entity type as the page shows it. */
export type OntologyType = OntologyView["types"][number];

/** A predicate as the page shows it. */
export type OntologyPredicate = OntologyView["predicates"][number];

/** The ontology file's types and predicates, or null when the file is missing or invalid (logged). */
function readOntology(root: string): OntologyView | null {
  const issues: DataIssue[] = [];
  const parsed = readYamlFile(dataFilesOf(root).ontology, OntologySchema, issues);
  if (!parsed) {
    logger.warn({ issues }, "ontology: cannot read ontology.yaml; describing the types found in the graph instead");
    return null;
  }
  const { types, predicates } = parsed.value;
  return {
    types: Object.entries(types).map(([id, t]) => ({ id, label: t.label, color: t.color, description: t.description })),
    predicates: Object.entries(predicates).map(([id, p]) => ({
      id,
      label: p.label,
      inverse: p.inverse,
      symmetric: p.symmetric,
      ...(p.wikidata ? { wikidata: p.wikidata } : {}),
      ...(p.wikidataInverse ? { wikidataInverse: p.wikidataInverse } : {}),
    })),
  };
}

/** "quantity" -> "Quantity", "part_of" -> "Part of": a readable label for a type the graph names only by id. */
function labelOf(id: string): string {
  const words = id.replace(/[_-]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Types (most frequent first) and predicates as they occur in `graph`, for graphs without an ontology. */
export function ontologyFromGraph(graph: KnowledgeGraph): OntologyView {
  const types = new Map<string, OntologyType>();
  const predicates = new Map<string, OntologyPredicate>();
  const counts = new Map<string, number>();
  graph.forEachNode((_node, { type, color }) => {
    counts.set(type, (counts.get(type) ?? 0) + 1);
    if (!types.has(type)) types.set(type, { id: type, label: labelOf(type), color, description: "" });
  });
  graph.forEachEdge((_edge, { predicate, label, kind, wikidata }) => {
    // An open relation's label is its own verb phrase, not its predicate's.
    const name = kind === "open" ? predicate.replace(/[_-]+/g, " ") : label;
    if (!predicates.has(predicate))
      predicates.set(predicate, {
        id: predicate,
        label: name,
        inverse: name,
        symmetric: false,
        // The graph file keeps each edge's property (see export/columns.ts), so a standalone file can tell it.
        ...(typeof wikidata === "string" && wikidata ? { wikidata } : {}),
      });
  });
  // Most frequent type first: the legend's order when there is no ontology to follow.
  const sorted = [...types.values()].sort((a, b) => counts.get(b.id)! - counts.get(a.id)!);
  return { types: sorted, predicates: [...predicates.values()] };
}

/** Routes: GET /api/ontology. */
export function ontologyRoutes(ctx: ServerContext): Router {
  const router = Router();
  let cache: { version: number; body: OntologyView } | null = null;
  router.get("/ontology", (_req, res) => {
    if (!cache || cache.version !== ctx.served.version) {
      const fromFile = ctx.dataRoot ? readOntology(ctx.dataRoot) : null;
      cache = { version: ctx.served.version, body: fromFile ?? ontologyFromGraph(ctx.served.graph) };
    }
    res.json(cache.body);
  });
  return router;
}
