/**
 * Merge rules: adds one document's extracted facts to a graph that already holds the curated ones. Used by the full
 * build and by the incremental ingest, so both give the same nodes and edges.
 *
 * - A new entity becomes a node (`source: extracted`); a merged one adds the document to the node it joined, unless
 *   its merge was reverted in decisions.yaml, in which case it becomes a node of its own, `<doc>.<key>`.
 * - Curated facts win: an extracted relation with the same subject, predicate and object as a curated one (either
 *   direction for a symmetric predicate) makes no edge; it only adds its evidence to the curated edge.
 * - Otherwise it becomes an edge with `status: candidate`, or `accepted` once accepted; rejected ones are left out.
 *   Extracted relations from different documents stay separate edges, each with its own decision.
 */
import type {
  DecisionsFile,
  ExtractedEntityRecord,
  ExtractedFile,
  Ontology,
  ResolutionRule,
} from "../model/schemas.ts";
import type { EntityAttributes, KnowledgeGraph, RelationAttributes } from "../model/types.ts";
import { relationLabel } from "../model/relationKind.ts";

/** An extracted entity that joined an existing node, and the rule that joined it. */
export interface MergeReport {
  /** Id to revert the merge with: `<doc>.<key>`. */
  merge: string;
  label: string;
  entity: string;
  rule: Exclude<ResolutionRule, "new">;
}

/** What applying one document changed. */
export interface MergeOutcome {
  newEntities: string[];
  newRelations: string[];
  corroborated: string[];
}

/** Node id of an entity whose merge was reverted. */
export function splitEntityId(doc: string, key: string): string {
  return `${doc}.${key}`;
}

/** The node an extracted entity stands for, given the decisions. */
export function entityNode(doc: string, entity: ExtractedEntityRecord, decisions: DecisionsFile): string {
  if (entity.rule === "new") return entity.entity;
  return decisions.merges[splitEntityId(doc, entity.key)] ? splitEntityId(doc, entity.key) : entity.entity;
}

/** Adds `file`'s facts to `graph` (never mutating shared attribute arrays: the graph may be a copy). */
export function applyExtractedFile(
  graph: KnowledgeGraph,
  ontology: Ontology,
  file: Pick<ExtractedFile, "document" | "entities" | "relations">,
  decisions: DecisionsFile,
): MergeOutcome {
  const doc = file.document;
  const outcome: MergeOutcome = { newEntities: [], newRelations: [], corroborated: [] };
  const nodeOf = new Map<string, string>();
  for (const entity of file.entities) {
    const node = entityNode(doc, entity, decisions);
    nodeOf.set(entity.key, node);
    if (!graph.hasNode(node)) {
      graph.addNode(node, {
        label: entity.label,
        type: entity.type,
        aliases: entity.aliases,
        description: "",
        documents: [doc],
        source: "extracted",
        ...unplacedNode(ontology.types[entity.type].color),
      });
      outcome.newEntities.push(node);
    } else addDocument(graph, node, doc);
  }
  for (const relation of file.relations) {
    const decision = decisions.relations[relation.id]?.decision;
    const subject = nodeOf.get(relation.subject);
    const object = nodeOf.get(relation.object);
    if (decision === "rejected" || !subject || !object || graph.hasEdge(relation.id)) continue;
    const predicate = ontology.predicates[relation.predicate];
    const label = relationLabel(relation.kind, predicate?.label ?? relation.predicate, relation.label);
    // Open relations share one predicate: only a curated edge with the same verb phrase states the same fact.
    const curated = findCuratedEdge(graph, subject, relation.predicate, object, predicate?.symmetric ?? false, (a) =>
      relation.kind === "open" ? a.label === label : true,
    );
    if (curated) {
      const evidence = graph.getEdgeAttribute(curated, "evidence");
      graph.setEdgeAttribute(curated, "evidence", [...evidence, ...relation.evidence]);
      outcome.corroborated.push(curated);
      continue;
    }
    graph.addDirectedEdgeWithKey(relation.id, subject, object, {
      predicate: relation.predicate,
      label,
      evidence: relation.evidence,
      stance: relation.stance,
      modality: relation.modality,
      confidence: relation.confidence,
      source: "extracted",
      kind: relation.kind,
      status: decision === "accepted" ? "accepted" : "candidate",
      ...(relation.qualifiers ? { qualifiers: relation.qualifiers } : {}),
      ...(predicate?.wikidata ? { wikidata: predicate.wikidata } : {}),
    });
    outcome.newRelations.push(relation.id);
  }
  return outcome;
}

function findCuratedEdge(
  graph: KnowledgeGraph,
  subject: string,
  predicate: string,
  object: string,
  symmetric: boolean,
  same: (attributes: RelationAttributes) => boolean,
): string | undefined {
  const match = (edge: string) => {
    const a = graph.getEdgeAttributes(edge);
    return a.source === "curated" && a.predicate === predicate && same(a);
  };
  return (
    graph.directedEdges(subject, object).find(match) ??
    (symmetric ? graph.directedEdges(object, subject).find(match) : undefined)
  );
}

/** A new node's drawing and metric attributes, until the layout and the metrics fill them in. */
export function unplacedNode(
  color: string,
): Pick<EntityAttributes, "x" | "y" | "size" | "color" | "community" | "degree"> {
  return { x: 0, y: 0, size: 1, color, community: 0, degree: 0 };
}

/** Adds `doc` to `node`'s documents, replacing the array rather than changing it (it may be shared with a copy). */
export function addDocument(graph: KnowledgeGraph, node: string, doc: string): void {
  const documents = graph.getNodeAttribute(node, "documents");
  if (!documents.includes(doc)) graph.setNodeAttribute(node, "documents", [...documents, doc]);
}

/** The merges of a document's entities into existing nodes, as an ingest reports them. */
export function mergeReports(file: Pick<ExtractedFile, "document" | "entities">): MergeReport[] {
  return file.entities.flatMap((e) =>
    e.rule === "new"
      ? []
      : [{ merge: splitEntityId(file.document, e.key), label: e.label, entity: e.entity, rule: e.rule }],
  );
}
