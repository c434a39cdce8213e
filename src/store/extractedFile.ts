/**
 * Extracted files: reads one extracted/<doc>.yaml, remembering what it parsed so that reloading graph-data/ parses
 * only the files that changed since.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import {
  ExtractedFileSchema,
  type ExtractedEntityRecord,
  type ExtractedFile,
  type ExtractedRelationRecord,
} from "../model/schemas.ts";
import type { DataIssue } from "./issues.ts";
import { parseYamlText } from "./yamlFile.ts";

/** Where a record was read from, for error messages. */
export interface SourceLocation {
  file: string;
  line?: number;
}

/** The facts extracted from one document, each record with its file and line. */
export interface ExtractedDocument {
  document: string;
  file: string;
  entities: (ExtractedEntityRecord & { at: SourceLocation })[];
  relations: (ExtractedRelationRecord & { at: SourceLocation })[];
  mentionMerges: NonNullable<ExtractedFile["mentionMerges"]>;
}

/**
 * Parsed extracted files by path, with the stat signature they were read at. An ingest writes a document's file once
 * and later writes go to other files, so a server reloading after each step of a batch would otherwise parse every
 * earlier file again — YAML parsing was four fifths of a rebuild at 600 documents. Only valid files are kept.
 */
const parsedFiles = new Map<string, { signature: string; document: ExtractedDocument }>();

/** The extracted facts of `file`, or null with its problems pushed to `issues`. */
export function readExtractedFile(file: string, issues: DataIssue[]): ExtractedDocument | null {
  const cached = parsedFiles.get(file);
  if (cached && cached.signature === fileSignature(file)) return copyOf(cached.document);
  const { signature, document } = parseExtractedAt(file, issues);
  rememberParsed(file, signature, document);
  return document && copyOf(document);
}

/**
 * Parses `file` without looking at or filling what is remembered: the stat signature it was read at, and its facts
 * (null with its problems pushed to `issues`). Throws when the file is missing.
 */
export function parseExtractedAt(
  file: string,
  issues: DataIssue[] = [],
): { signature: string; document: ExtractedDocument | null } {
  const signature = fileSignature(file) ?? "";
  return { signature, document: parseExtractedFile(file, readFileSync(file, "utf8"), issues) };
}

/** Remembers a parse of `file` made at `signature` (here or on a worker thread); an invalid one is forgotten. */
export function rememberParsed(file: string, signature: string, document: ExtractedDocument | null): void {
  if (document) parsedFiles.set(file, { signature, document });
  else parsedFiles.delete(file);
}

/** Whether `file` was parsed as it is now (a {@link readExtractedFile} of it would not parse it again). */
export function isParsed(file: string): boolean {
  const cached = parsedFiles.get(file);
  return cached !== undefined && cached.signature === fileSignature(file);
}

/** Drops what is remembered of the files of `folder` other than `files` (deleted or renamed since). */
export function forgetOtherExtractedFiles(folder: string, files: string[]): void {
  const kept = new Set(files);
  for (const file of parsedFiles.keys()) if (path.dirname(file) === folder && !kept.has(file)) parsedFiles.delete(file);
}

/** Size, modification time and inode: a rewrite by rename (as every write does) changes the inode. */
function fileSignature(file: string): string | null {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.size}:${stat.mtimeMs}:${stat.ino}` : null;
}

function parseExtractedFile(file: string, text: string, issues: DataIssue[]): ExtractedDocument | null {
  const parsed = parseYamlText(text, file, ExtractedFileSchema, issues, "relations");
  if (!parsed) return null;
  const { value } = parsed;
  const name = path.basename(file);
  if (value.document !== name.slice(0, -".yaml".length)) {
    issues.push({ file, line: 1, message: `document "${value.document}" does not match the file name; rename one` });
    return null;
  }
  return {
    document: value.document,
    file,
    entities: value.entities.map((e, i) => ({ ...e, at: { file, line: parsed.itemLine(i, "entities") } })),
    relations: value.relations.map((r, i) => ({ ...r, at: { file, line: parsed.itemLine(i) } })),
    mentionMerges: value.mentionMerges ?? [],
  };
}

/** A copy a caller may change without changing what is remembered (records are copied, their values shared). */
function copyOf(document: ExtractedDocument): ExtractedDocument {
  return {
    ...document,
    entities: document.entities.map((e) => ({ ...e })),
    relations: document.relations.map((r) => ({ ...r })),
    mentionMerges: [...document.mentionMerges],
  };
}
