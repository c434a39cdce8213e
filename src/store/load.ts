/**
 * Dataset loading: reads every file of a graph-data/ root into memory, collecting problems instead of stopping at the first.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import {
  DecisionsFileSchema,
  DocumentMetaSchema,
  EntitiesFileSchema,
  OntologySchema,
  RelationsFileSchema,
  type DecisionsFile,
  type DocumentMeta,
  type EntityRecord,
  type Ontology,
  type RelationRecord,
} from "../model/schemas.ts";
import { documentDate, type DocumentDate } from "../model/documentDate.ts";
import { DataError, type DataIssue } from "./issues.ts";
import { dataFilesOf, documentMetaPath, type DataFiles } from "./dataFiles.ts";
import {
  forgetOtherExtractedFiles,
  readExtractedFile,
  type ExtractedDocument,
  type SourceLocation,
} from "./extractedFile.ts";
import { readYamlFile } from "./yamlFile.ts";
import { recoverPendingWrites } from "./transaction.ts";

export type { ExtractedDocument, SourceLocation } from "./extractedFile.ts";

/** A document: its metadata, verbatim text and date. */
export interface StoredDocument {
  meta: DocumentMeta;
  text: string;
  file: string;
  /** See {@link documentDate}; null only for a hand-placed document whose file time is unreadable. */
  date: DocumentDate | null;
}

/** Everything in a graph-data/ root, parsed and schema-checked but not yet cross-validated. */
export interface Dataset {
  dataFiles: DataFiles;
  ontology: Ontology;
  documents: Map<string, StoredDocument>;
  entities: (EntityRecord & { at: SourceLocation })[];
  relations: (RelationRecord & { at: SourceLocation })[];
  /** extracted/<doc>.yaml files, in document order. */
  extracted: ExtractedDocument[];
  /** decisions.yaml (empty when the file does not exist). */
  decisions: DecisionsFile & { at: SourceLocation };
}

/** Loads a graph-data root; throws a {@link DataError} listing every file-level problem. */
export function loadDataset(root?: string): Dataset {
  const dataFiles = dataFilesOf(root);
  // A write interrupted by a crash is finished (committed) or discarded (not committed) before reading.
  recoverPendingWrites(dataFiles);
  const issues: DataIssue[] = [];
  const ontology = readYamlFile(dataFiles.ontology, OntologySchema, issues)?.value;
  const documents = loadDocuments(dataFiles, issues);
  const entities = loadEntities(dataFiles, issues);
  const relations = loadRelations(dataFiles, issues);
  const extracted = loadExtracted(dataFiles, issues);
  const decisions = loadDecisions(dataFiles, issues);
  if (issues.length > 0 || !ontology) throw new DataError(issues);
  return { dataFiles, ontology, documents, entities, relations, extracted, decisions };
}

function loadDocuments(dataFiles: DataFiles, issues: DataIssue[]): Map<string, StoredDocument> {
  const documents = new Map<string, StoredDocument>();
  for (const name of listFiles(dataFiles.documentsDir, ".txt", issues)) {
    const document = loadDocument(dataFiles, name.slice(0, -".txt".length), issues);
    if (document) documents.set(document.meta.id, document);
  }
  return documents;
}

/** Reads documents/<id>.txt and its metadata, or null with its problems pushed to `issues`. */
export function loadDocument(dataFiles: DataFiles, id: string, issues: DataIssue[]): StoredDocument | null {
  const file = path.join(dataFiles.documentsDir, `${id}.txt`);
  const metaFile = documentMetaPath(dataFiles, id);
  if (!existsSync(metaFile)) {
    issues.push({
      file,
      message: `document "${id}" has no metadata; create ${path.basename(metaFile)} with at least id and title`,
    });
    return null;
  }
  const meta = readYamlFile(metaFile, DocumentMetaSchema, issues)?.value;
  if (!meta) return null;
  if (meta.id !== id) {
    issues.push({ file: metaFile, line: 1, message: `id "${meta.id}" does not match the file name; set id: ${id}` });
    return null;
  }
  // A document placed by hand has no addedAt: the day its text file was written stands in for its ingest day.
  const fileDay = statSync(file).mtime.toISOString().slice(0, 10);
  return { meta, text: readFileSync(file, "utf8"), file, date: documentDate(meta, fileDay) };
}

function loadEntities(dataFiles: DataFiles, issues: DataIssue[]): Dataset["entities"] {
  const parsed = readYamlFile(dataFiles.entities, EntitiesFileSchema, issues, "entities");
  if (!parsed) return [];
  return parsed.value.entities.map((e, i) => ({ ...e, at: { file: dataFiles.entities, line: parsed.itemLine(i) } }));
}

function loadRelations(dataFiles: DataFiles, issues: DataIssue[]): Dataset["relations"] {
  const relations: Dataset["relations"] = [];
  for (const name of listFiles(dataFiles.relationsDir, ".yaml", issues)) {
    const file = path.join(dataFiles.relationsDir, name);
    const parsed = readYamlFile(file, RelationsFileSchema, issues, "relations");
    parsed?.value.relations.forEach((r, i) => relations.push({ ...r, at: { file, line: parsed.itemLine(i) } }));
  }
  return relations;
}

/** The extracted/<doc>.yaml files in document order; files with problems are left out and the problems pushed. */
export function loadExtracted(dataFiles: DataFiles, issues: DataIssue[]): ExtractedDocument[] {
  if (!existsSync(dataFiles.extractedDir)) return [];
  const extracted: ExtractedDocument[] = [];
  const files = listFiles(dataFiles.extractedDir, ".yaml", issues).map((name) =>
    path.join(dataFiles.extractedDir, name),
  );
  for (const file of files) {
    const parsed = readExtractedFile(file, issues);
    if (parsed) extracted.push(parsed);
  }
  forgetOtherExtractedFiles(dataFiles.extractedDir, files);
  return extracted;
}

/** decisions.yaml, empty when it does not exist or (its problems pushed) does not parse. */
export function loadDecisions(dataFiles: DataFiles, issues: DataIssue[]): Dataset["decisions"] {
  const at = { file: dataFiles.decisions };
  if (!existsSync(dataFiles.decisions)) return { relations: {}, merges: {}, at };
  const parsed = readYamlFile(dataFiles.decisions, DecisionsFileSchema, issues);
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
    .sort(compareDataFileNames);
}

/** Orders `9_x` before `10_x` (ingested documents are numbered), then by name: the order documents are applied in. */
export function compareDataFileNames(a: string, b: string): number {
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
