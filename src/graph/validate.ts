/**
 * Dataset validation: referential integrity, predicate domain/range and verbatim evidence, each problem with a fix hint.
 */
import type { Dataset } from "../store/load.ts";
import type { DataIssue } from "../store/issues.ts";
import type { EntityRecord } from "../model/schemas.ts";
import { checkEvidence } from "../model/evidence.ts";
import { OPEN_PREDICATE } from "../model/relationKind.ts";
import { checkExtracted } from "./validateExtracted.ts";

/** Checks a loaded dataset; returns every problem found (empty when valid). */
export function validateDataset(dataset: Dataset): DataIssue[] {
  const issues: DataIssue[] = [];
  const entities = checkEntities(dataset, issues);
  const relationIds = checkRelations(dataset, entities, issues);
  checkExtracted(dataset, entities, relationIds, issues);
  return issues;
}

function checkEntities(dataset: Dataset, issues: DataIssue[]): Map<string, EntityRecord> {
  const byId = new Map<string, EntityRecord>();
  for (const entity of dataset.entities) {
    const at = { ...entity.at, record: entity.id };
    if (byId.has(entity.id)) {
      issues.push({ ...at, message: `duplicate entity id "${entity.id}"; merge the two records or rename one` });
      continue;
    }
    byId.set(entity.id, entity);
  }
  return byId;
}

function checkRelations(dataset: Dataset, entities: Map<string, EntityRecord>, issues: DataIssue[]): Set<string> {
  const seen = new Set<string>();
  for (const relation of dataset.relations) {
    const at = { ...relation.at, record: relation.id };
    if (seen.has(relation.id))
      issues.push({ ...at, message: `duplicate relation id "${relation.id}"; give each relation its own id` });
    seen.add(relation.id);
    const subject = entities.get(relation.subject);
    const object = entities.get(relation.object);
    if (!subject)
      issues.push({
        ...at,
        message: `subject "${relation.subject}" is not an entity${hint(relation.subject, entities)}`,
      });
    if (!object)
      issues.push({ ...at, message: `object "${relation.object}" is not an entity${hint(relation.object, entities)}` });
    const predicate = dataset.ontology.predicates[relation.predicate];
    if (!predicate) {
      const known = Object.keys(dataset.ontology.predicates).join(", ");
      issues.push({
        ...at,
        message: `unknown predicate "${relation.predicate}"; use one of ${known}, or add it to ontology.yaml`,
      });
    } else {
      if (subject && !predicate.domain.includes(subject.type))
        issues.push({
          ...at,
          message: `"${relation.predicate}" needs a subject of type ${predicate.domain.join("|")}, but "${subject.id}" is a ${subject.type}; fix the subject or the predicate's domain in ontology.yaml`,
        });
      if (object && !predicate.range.includes(object.type))
        issues.push({
          ...at,
          message: `"${relation.predicate}" needs an object of type ${predicate.range.join("|")}, but "${object.id}" is a ${object.type}; fix the object or the predicate's range in ontology.yaml`,
        });
    }
    if (relation.label !== undefined && relation.predicate !== OPEN_PREDICATE)
      issues.push({
        ...at,
        message: `only an open relation (predicate ${OPEN_PREDICATE}) has a label, its verb phrase; remove the label or change the predicate`,
      });
    relation.evidence.forEach((evidence, i) => {
      const problem = checkEvidence(dataset, evidence);
      if (problem) issues.push({ ...at, message: `evidence[${i}]: ${problem}` });
    });
  }
  return seen;
}

function hint(id: string, entities: Map<string, EntityRecord>): string {
  const close = [...entities.keys()].filter((k) => k.includes(id) || id.includes(k)).slice(0, 3);
  return close.length
    ? `; did you mean ${close.map((c) => `"${c}"`).join(" or ")}?`
    : "; add it to entities.yaml or fix the id";
}
