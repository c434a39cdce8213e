/**
 * Extracted-facts validation: the checks `kg validate` runs on extracted/*.yaml and decisions.yaml — references,
 * type-checked merges, predicate domain/range, verbatim evidence, and decisions that point at real records.
 */
import { checkEvidence } from "../model/evidence.ts";
import { OPEN_PREDICATE } from "../model/relationKind.ts";
import type { EntityRecord } from "../model/schemas.ts";
import type { EntityType } from "../model/types.ts";
import type { DataIssue } from "../store/issues.ts";
import type { Dataset, ExtractedDocument } from "../store/load.ts";
import { entityNode, splitEntityId } from "./merge.ts";

/** Pushes every problem of the extracted files and decisions to `issues`. */
export function checkExtracted(
  dataset: Dataset,
  curated: Map<string, EntityRecord>,
  curatedRelationIds: Set<string>,
  issues: DataIssue[],
): void {
  const types = nodeTypes(dataset, curated, issues);
  const relationIds = new Set(curatedRelationIds);
  const extractedRelations = new Set<string>();
  const merges = new Set<string>();
  for (const file of dataset.extracted) {
    if (!dataset.documents.has(file.document))
      issues.push({
        file: file.file,
        line: 1,
        message: `document "${file.document}" does not exist; restore documents/${file.document}.txt or delete this file`,
      });
    const keys = checkEntities(file, types, issues, merges);
    checkMentionMerges(dataset, file, keys, issues);
    for (const relation of file.relations) {
      const at = { ...relation.at, record: relation.id };
      if (relationIds.has(relation.id))
        issues.push({ ...at, message: `duplicate relation id "${relation.id}"; give each relation its own id` });
      relationIds.add(relation.id);
      extractedRelations.add(relation.id);
      const subject = keys.get(relation.subject);
      const object = keys.get(relation.object);
      if (!subject) issues.push({ ...at, message: `subject "${relation.subject}" is not an entity key of this file` });
      if (!object) issues.push({ ...at, message: `object "${relation.object}" is not an entity key of this file` });
      const predicate = dataset.ontology.predicates[relation.predicate];
      if (!predicate)
        issues.push({ ...at, message: `unknown predicate "${relation.predicate}"; use one from ontology.yaml` });
      else {
        if (subject && !predicate.domain.includes(subject))
          issues.push({
            ...at,
            message: `"${relation.predicate}" needs a subject of type ${predicate.domain.join("|")}, not ${subject}`,
          });
        if (object && !predicate.range.includes(object))
          issues.push({
            ...at,
            message: `"${relation.predicate}" needs an object of type ${predicate.range.join("|")}, not ${object}`,
          });
      }
      const kindProblem = openRelationProblem(relation);
      if (kindProblem) issues.push({ ...at, message: kindProblem });
      relation.evidence.forEach((evidence, i) => {
        const problem = checkEvidence(dataset, evidence);
        if (problem) issues.push({ ...at, message: `evidence[${i}]: ${problem}` });
      });
    }
  }
  checkDecisions(dataset, extractedRelations, merges, issues);
}

/** Open relations and related_to go together, and only an open relation has a verb phrase; null when they agree. */
function openRelationProblem(relation: { kind: string; predicate: string; label?: string }): string | null {
  const open = relation.kind === "open";
  if (open !== (relation.predicate === OPEN_PREDICATE))
    return `kind "${relation.kind}" does not go with predicate "${relation.predicate}"; an open relation (kind: open) has predicate ${OPEN_PREDICATE}, and only it`;
  if (!open && relation.label !== undefined)
    return `only an open relation has a label (its verb phrase); remove the label or make it kind: open, predicate: ${OPEN_PREDICATE}`;
  return null;
}

/** Type of every node the build will have: curated entities, then new extracted ones. */
function nodeTypes(dataset: Dataset, curated: Map<string, EntityRecord>, issues: DataIssue[]): Map<string, EntityType> {
  const types = new Map<string, EntityType>([...curated].map(([id, e]) => [id, e.type]));
  for (const file of dataset.extracted) {
    for (const entity of file.entities) {
      const node = entityNode(file.document, entity, dataset.decisions);
      if (node !== entity.entity || entity.rule !== "new") continue;
      if (types.has(node))
        issues.push({
          ...entity.at,
          record: entity.key,
          message: `new entity id "${node}" is already taken by another entity; rename it here (and in no other file)`,
        });
      else types.set(node, entity.type);
    }
    for (const entity of file.entities) {
      const node = entityNode(file.document, entity, dataset.decisions);
      if (node !== entity.entity) types.set(node, entity.type);
    }
  }
  return types;
}

/** Checks a file's entities; returns key → entity type for its relations. */
function checkEntities(
  file: ExtractedDocument,
  types: Map<string, EntityType>,
  issues: DataIssue[],
  merges: Set<string>,
): Map<string, EntityType> {
  const keys = new Map<string, EntityType>();
  for (const entity of file.entities) {
    const at = { ...entity.at, record: entity.key };
    if (keys.has(entity.key)) issues.push({ ...at, message: `duplicate entity key "${entity.key}" in this file` });
    keys.set(entity.key, entity.type);
    if (entity.rule === "new") continue;
    merges.add(splitEntityId(file.document, entity.key));
    const target = types.get(entity.entity);
    if (!target)
      issues.push({
        ...at,
        message: `merged into "${entity.entity}", which is not an entity; fix the id or set rule: new`,
      });
    else if (target !== entity.type)
      issues.push({
        ...at,
        message: `a ${entity.type} cannot merge into "${entity.entity}", a ${target}; fix the type or set rule: new`,
      });
  }
  return keys;
}

/** Each recorded in-document merge names an entity of the file and a span holding its surface text. */
function checkMentionMerges(
  dataset: Dataset,
  file: ExtractedDocument,
  keys: Map<string, EntityType>,
  issues: DataIssue[],
): void {
  const text = dataset.documents.get(file.document)?.text;
  for (const merge of file.mentionMerges) {
    const at = { file: file.file, record: `${merge.key} "${merge.surface}"` };
    if (!keys.has(merge.key))
      issues.push({ ...at, message: `mention merge into "${merge.key}", which is not an entity key of this file` });
    if (text !== undefined && text.slice(merge.start, merge.end) !== merge.surface)
      issues.push({
        ...at,
        message: `mention "${merge.surface}" is not at [${merge.start}, ${merge.end}) of the document`,
      });
  }
}

function checkDecisions(
  dataset: Dataset,
  extractedRelations: Set<string>,
  merges: Set<string>,
  issues: DataIssue[],
): void {
  const at = dataset.decisions.at;
  for (const id of Object.keys(dataset.decisions.relations)) {
    if (!extractedRelations.has(id))
      issues.push({
        ...at,
        record: id,
        message: `decision on "${id}", which is not an extracted relation (curated ones are edited in relations/); delete the entry`,
      });
  }
  for (const id of Object.keys(dataset.decisions.merges)) {
    if (!merges.has(id))
      issues.push({
        ...at,
        record: id,
        message: `reverted merge "${id}" is not a merge of any extracted file; delete the entry`,
      });
  }
}
