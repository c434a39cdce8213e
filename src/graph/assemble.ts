/**
 * Graph assembly: turns validated entity and relation records into a typed graphology multi directed graph.
 */
import { MultiDirectedGraph } from "graphology";
import type { Dataset } from "../store/load.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { kindOfPredicate, relationLabel } from "../model/relationKind.ts";
import { addDocument, applyExtractedFile, unplacedNode } from "./merge.ts";
import { graphDocument, refreshReporting } from "./reporting.ts";

/**
 * Builds the graph's nodes and edges (no layout or metrics yet): curated entities and relations, then the facts
 * extracted from ingested documents with the review decisions applied. Assumes the dataset passed validation.
 */
export function assembleGraph(dataset: Dataset): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  const { ontology } = dataset;
  for (const entity of dataset.entities) {
    graph.addNode(entity.id, {
      label: entity.label,
      type: entity.type,
      ...(entity.subtype ? { subtype: entity.subtype } : {}),
      aliases: entity.aliases,
      description: entity.description,
      documents: [],
      source: "curated",
      ...unplacedNode(ontology.types[entity.type].color),
    });
  }
  for (const relation of dataset.relations) {
    const predicate = ontology.predicates[relation.predicate];
    const kind = kindOfPredicate(relation.predicate);
    graph.addDirectedEdgeWithKey(relation.id, relation.subject, relation.object, {
      predicate: relation.predicate,
      label: relationLabel(kind, predicate.label, relation.label),
      evidence: relation.evidence,
      stance: relation.stance,
      modality: relation.modality,
      confidence: relation.confidence,
      source: relation.source,
      kind,
      status: "accepted",
      ...(relation.qualifiers ? { qualifiers: relation.qualifiers } : {}),
      ...(predicate.wikidata ? { wikidata: predicate.wikidata } : {}),
    });
    for (const evidence of relation.evidence) {
      addDocument(graph, relation.subject, evidence.doc);
      addDocument(graph, relation.object, evidence.doc);
    }
  }
  // Extracted facts come after the curated ones, in document order, so curated facts win (see merge.ts).
  for (const extracted of dataset.extracted) applyExtractedFile(graph, ontology, extracted, dataset.decisions);
  graph.replaceAttributes({
    name: "Evidence graph",
    description: "Entities and relations extracted from news articles, each relation with verbatim evidence.",
    documents: [...dataset.documents.values()].map((d) => graphDocument(d.meta.id, d.meta.title, d.date)),
  });
  refreshReporting(graph);
  return graph;
}
