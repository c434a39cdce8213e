/**
 * Dataset loading: reads every file of a graph-data/ root into memory, collecting problems instead of stopping at the first.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  DocumentMetaSchema,
  EntitiesFileSchema,
  OntologySchema,
  RelationsFileSchema,
  type DocumentMeta,
  type EntityRecord,
  type Ontology,
  type RelationRecord,
} from "../model/schemas.ts";
import { DataError, type DataIssue } from "./issues.ts";
import { dataLayout, documentMetaPath, type DataLayout } from "./layout.ts";
import { readYamlFile } from "./yamlFile.ts";

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
}

/** Loads a graph-data root; throws a {@link DataError} listing every file-level problem. */
export function loadDataset(root?: string): Dataset {
  const layout = dataLayout(root);
  const issues: DataIssue[] = [];
  const ontology = readYamlFile(layout.ontology, OntologySchema, issues)?.value;
  const documents = loadDocuments(layout, issues);
  const entities = loadEntities(layout, issues);
  const relations = loadRelations(layout, issues);
  if (issues.length > 0 || !ontology) throw new DataError(issues);
  return { layout, ontology, documents, entities, relations };
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

/** Sorted file names with `suffix` in `dir` (sorted so every run sees the same order). */
function listFiles(dir: string, suffix: string, issues: DataIssue[]): string[] {
  if (!existsSync(dir)) {
    issues.push({ file: dir, message: "folder is missing; create it (it may be empty)" });
    return [];
  }
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort();
}
