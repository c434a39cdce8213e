/**
 * Dataset loading: reads every file of a graph-data/ root into memory, collecting problems instead of stopping at the first.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  DecisionsFileSchema,
  DocumentMetaSchema,
  ExtractedFileSchema,
  EntitiesFileSchema,
  OntologySchema,
  RelationsFileSchema,
  type DecisionsFile,
  type DocumentMeta,
  type ExtractedEntityRecord,
  type ExtractedFile,
  type ExtractedRelationRecord,
  type EntityRecord,
  type Ontology,
  type RelationRecord,
} from "../model/schemas.ts";
import { DataError, type DataIssue } from "./issues.ts";
import { dataLayout, documentMetaPath, type DataLayout } from "./layout.ts";
import { parseYamlText, readYamlFile } from "./yamlFile.ts";
import { recoverPendingWrites } from "./transaction.ts";

/** Where a record was read from, for error messages. */
export interface SourceLocation {
  file: string;
  line?: number;
}

/** A document: its metadata and verbatim text. */
export interface StoredDocument {
  meta: DocumentMeta;
  text: string;
  file: string;
}

/** Everything in a graph-data/ root, parsed and schema-checked but not yet cross-validated. */
export interface Dataset {
  layout: DataLayout;
  ontology: Ontology;
  documents: Map<string, StoredDocument>;
  entities: (EntityRecord & { at: SourceLocation })[];
  relations: (RelationRecord & { at: SourceLocation })[];
  /** extracted/<doc>.yaml files, in document order. */
  extracted: ExtractedDocument[];
  /** decisions.yaml (empty when the file does not exist). */
  decisions: DecisionsFile & { at: SourceLocation };
}

/** The facts extracted from one document, each record with its file and line. */
export interface ExtractedDocument {
  document: string;
  file: string;
  entities: (ExtractedEntityRecord & { at: SourceLocation })[];
  relations: (ExtractedRelationRecord & { at: SourceLocation })[];
  mentionMerges: NonNullable<ExtractedFile["mentionMerges"]>;
}

/** Loads a graph-data root; throws a {@link DataError} listing every file-level problem. */
export function loadDataset(root?: string): Dataset {
  const layout = dataLayout(root);
  // A write interrupted by a crash is finished (committed) or discarded (not committed) before reading.
  recoverPendingWrites(layout);
  const issues: DataIssue[] = [];
  const ontology = readYamlFile(layout.ontology, OntologySchema, issues)?.value;
  const documents = loadDocuments(layout, issues);
  const entities = loadEntities(layout, issues);
  const relations = loadRelations(layout, issues);
  const extracted = loadExtracted(layout, issues);
  const decisions = loadDecisions(layout, issues);
  if (issues.length > 0 || !ontology) throw new DataError(issues);
  return { layout, ontology, documents, entities, relations, extracted, decisions };
}

function loadDocuments(layout: DataLayout, issues: DataIssue[]): Map<string, StoredDocument> {
  const documents = new Map<string, StoredDocument>();
  for (const name of listFiles(layout.documentsDir, ".txt", issues)) {
    const id = name.slice(0, -".txt".length);
    const file = path.join(layout.documentsDir, name);
    const metaFile = documentMetaPath(layout, id);
    if (!existsSync(metaFile)) {
      issues.push({
        file,
        message: `document "${id}" has no metadata; create ${path.basename(metaFile)} with at least id and title`,
      });
      continue;
    }
    const meta = readYamlFile(metaFile, DocumentMetaSchema, issues)?.value;
    if (!meta) continue;
    if (meta.id !== id) {
      issues.push({ file: metaFile, line: 1, message: `id "${meta.id}" does not match the file name; set id: ${id}` });
      continue;
    }
    documents.set(id, { meta, text: readFileSync(file, "utf8"), file });
  }
  return documents;
}

function loadEntities(layout: DataLayout, issues: DataIssue[]): Dataset["entities"] {
  const parsed = readYamlFile(layout.entities, EntitiesFileSchema, issues, "entities");
  if (!parsed) return [];
  return parsed.value.entities.map((e, i) => ({ ...e, at: { file: layout.entities, line: parsed.itemLine(i) } }));
}

function loadRelations(layout: DataLayout, issues: DataIssue[]): Dataset["relations"] {
  const relations: Dataset["relations"] = [];
  for (const name of listFiles(layout.relationsDir, ".yaml", issues)) {
    const file = path.join(layout.relationsDir, name);
    const parsed = readYamlFile(file, RelationsFileSchema, issues, "relations");
    parsed?.value.relations.forEach((r, i) => relations.push({ ...r, at: { file, line: parsed.itemLine(i) } }));
  }
  return relations;
}

function loadExtracted(layout: DataLayout, issues: DataIssue[]): ExtractedDocument[] {
  if (!existsSync(layout.extractedDir)) return [];
  const extracted: ExtractedDocument[] = [];
  for (const name of listFiles(layout.extractedDir, ".yaml", issues)) {
    const file = path.join(layout.extractedDir, name);
    const text = readFileSync(file, "utf8");
    const byRelation = parseYamlText(text, file, ExtractedFileSchema, issues, "relations");
    if (!byRelation) continue;
    const byEntity = parseYamlText(text, file, ExtractedFileSchema, [], "entities");
    const { value } = byRelation;
    if (value.document !== name.slice(0, -".yaml".length)) {
      issues.push({ file, line: 1, message: `document "${value.document}" does not match the file name; rename one` });
      continue;
    }
    extracted.push({
      document: value.document,
      file,
      entities: value.entities.map((e, i) => ({ ...e, at: { file, line: byEntity?.itemLine(i) } })),
      relations: value.relations.map((r, i) => ({ ...r, at: { file, line: byRelation.itemLine(i) } })),
      mentionMerges: value.mentionMerges ?? [],
    });
  }
  return extracted;
}

function loadDecisions(layout: DataLayout, issues: DataIssue[]): Dataset["decisions"] {
  const at = { file: layout.decisions };
  if (!existsSync(layout.decisions)) return { relations: {}, merges: {}, at };
  const parsed = readYamlFile(layout.decisions, DecisionsFileSchema, issues);
  return { ...(parsed?.value ?? { relations: {}, merges: {} }), at };
}

/** Sorted file names with `suffix` in `dir` (sorted so every run sees the same order). */
function listFiles(dir: string, suffix: string, issues: DataIssue[]): string[] {
  if (!existsSync(dir)) {
    issues.push({ file: dir, message: "folder is missing; create it (it may be empty)" });
    return [];
  }
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort(byNumericPrefix);
}

/** Orders `9_x` before `10_x` (ingested documents are numbered), then by name. */
function byNumericPrefix(a: string, b: string): number {
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
