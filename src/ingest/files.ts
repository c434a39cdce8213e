/**
 * Ingest files: reading and writing the small YAML files an ingest or a decision touches (ontology, decisions,
 * document metadata, extracted facts), with the same file:line errors as the full loader.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import {
  DecisionsFileSchema,
  ExtractedFileSchema,
  OntologySchema,
  type DecisionsFile,
  type DocumentMeta,
  type ExtractedFile,
  type Ontology,
} from "../model/schemas.ts";
import { DataError, type DataIssue } from "../store/issues.ts";
import { extractedPath, type DataFiles } from "../store/dataFiles.ts";
import { readYamlFile } from "../store/yamlFile.ts";
import type { StagedFile } from "../store/transaction.ts";
import type { DocumentInput } from "./types.ts";
import { extractedFileYaml } from "./extractedYaml.ts";

const YAML_OPTIONS = { lineWidth: 0 } as const;

// Parsed ontologies by file, reused while the file is unchanged (parsing and checking it costs tens of ms).
const ontologies = new Map<string, { mtimeMs: number; size: number; ontology: Ontology }>();

/** Reads ontology.yaml; throws a {@link DataError} naming the file and line when it is broken. */
export function readOntology(dataFiles: DataFiles): Ontology {
  const { mtimeMs, size } = statSync(dataFiles.ontology, { throwIfNoEntry: false }) ?? { mtimeMs: -1, size: -1 };
  const cached = ontologies.get(dataFiles.ontology);
  if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached.ontology;
  const ontology = readOrThrow(dataFiles.ontology, OntologySchema);
  ontologies.set(dataFiles.ontology, { mtimeMs, size, ontology });
  return ontology;
}

/** Reads decisions.yaml (empty decisions when it does not exist yet). */
export function readDecisions(dataFiles: DataFiles): DecisionsFile {
  if (!existsSync(dataFiles.decisions)) return { relations: {}, merges: {} };
  return readOrThrow(dataFiles.decisions, DecisionsFileSchema);
}

/** Reads extracted/<doc>.yaml, or null when the document has none. */
export function readExtracted(dataFiles: DataFiles, doc: string): ExtractedFile | null {
  const file = extractedPath(dataFiles, doc);
  return existsSync(file) ? readOrThrow(file, ExtractedFileSchema) : null;
}

/** decisions.yaml, keys sorted so that the file diffs well. */
export function decisionsFile(decisions: DecisionsFile): StagedFile {
  const sorted = (record: Record<string, unknown>) =>
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((k) => [k, record[k]]),
    );
  const body = stringify({ relations: sorted(decisions.relations), merges: sorted(decisions.merges) }, YAML_OPTIONS);
  return {
    target: "decisions.yaml",
    content: `# Review decisions on extracted facts (written by the API; "kg build" applies them).\n${body}`,
  };
}

/** The three files of an ingested document: text, metadata and extracted facts. */
export function documentFiles(meta: DocumentMeta, text: string, extracted: ExtractedFile): StagedFile[] {
  return [
    { target: path.join("documents", `${meta.id}.txt`), content: text },
    { target: path.join("documents", `${meta.id}.meta.yaml`), content: stringify(meta, YAML_OPTIONS) },
    {
      target: path.join("extracted", `${meta.id}.yaml`),
      content: extractedFileYaml(
        extracted,
        `# Facts extracted from documents/${meta.id}.txt by "kg ingest"; entity "rule" says how each was resolved.`,
      ),
    },
  ];
}

function readOrThrow<S extends Parameters<typeof readYamlFile>[1]>(file: string, schema: S) {
  const issues: DataIssue[] = [];
  const parsed = readYamlFile(file, schema, issues);
  if (!parsed) throw new DataError(issues);
  return parsed.value;
}

/** Metadata of an ingested document. */
export function documentMeta(id: string, doc: DocumentInput, addedAt: string): DocumentMeta {
  return {
    id,
    title: doc.title,
    ...(doc.author ? { author: doc.author } : {}),
    ...(doc.outlet ? { outlet: doc.outlet } : {}),
    language: "en",
    ...(doc.date ? { published: doc.date } : {}),
    ...(doc.url ? { url: doc.url } : {}),
    addedAt,
  };
}
