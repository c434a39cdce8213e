/**
 * Added documents: tells when another process only added whole ingested documents to graph-data/ (what `kg ingest`
 * does) and reads just those, checked as the full load checks them, so a server can merge them into the graph it
 * serves instead of rebuilding it from every file.
 */
import path from "node:path";
import { checkExtracted } from "../graph/validateExtracted.ts";
import type { DecisionsFile, EntityRecord, Ontology } from "../model/schemas.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { extractedPath, type DataFiles } from "../store/dataFiles.ts";
import { isParsed, readExtractedFile } from "../store/extractedFile.ts";
import type { DataIssue } from "../store/issues.ts";
import { compareDataFileNames, loadDocument, type ExtractedDocument, type StoredDocument } from "../store/load.ts";
import { yieldToEventLoop } from "../util/yieldToEventLoop.ts";
import { parseOffThread } from "./parseWorker/client.ts";

/** Documents another process added, with their extracted facts, in the order a full load applies them. */
export interface AddedDocuments {
  documents: StoredDocument[];
  extracted: ExtractedDocument[];
}

/** What the added documents are checked against: the graph served before them and the files they did not change. */
export interface AddedContext {
  graph: KnowledgeGraph;
  ontology: Ontology;
  decisions: DecisionsFile;
}

const SUFFIXES = { text: ".txt", meta: ".meta.yaml", extracted: ".yaml" } as const;
type Part = keyof typeof SUFFIXES;

/**
 * The ids of the documents that the `added` files (relative paths) make up, in apply order; null unless they are
 * exactly whole ingested documents (text, metadata and extracted facts) that sort after every document and extracted
 * file among `known` — a document slotted in between would change the order a full load applies facts in.
 */
export function addedDocumentIds(added: string[], known: string[]): string[] | null {
  const parts = new Map<string, Set<Part>>();
  for (const file of added) {
    const named = partOf(file);
    if (!named) return null;
    const have = parts.get(named.id) ?? new Set<Part>();
    parts.set(named.id, have.add(named.part));
  }
  if ([...parts.values()].some((have) => have.size !== 3)) return null;
  const ids = [...parts.keys()].sort((a, b) => compareDataFileNames(a, b));
  const last = lastKnown(known);
  for (const part of ["text", "extracted"] as const) {
    const latest = last.get(part);
    if (latest !== undefined && compareDataFileNames(`${ids[0]}${SUFFIXES[part]}`, latest) <= 0) return null;
  }
  return ids;
}

/**
 * Reads and checks the documents `ids` (yielding to the event loop between documents: parsing an extracted file takes
 * milliseconds); null when one is missing or has a problem the full load would report, so that the caller reloads
 * everything and the full load says what is wrong.
 */
export async function readAddedDocuments(
  dataFiles: DataFiles,
  ids: string[],
  context: AddedContext,
): Promise<AddedDocuments | null> {
  const issues: DataIssue[] = [];
  const documents = new Map<string, StoredDocument>();
  const extracted: ExtractedDocument[] = [];
  for (const id of ids) {
    const document = loadDocument(dataFiles, id, issues);
    const facts = readExtractedFile(extractedPath(dataFiles, id), issues);
    if (!document || !facts) return null;
    documents.set(id, document);
    extracted.push(facts);
    await yieldToEventLoop();
  }
  return addedProblems(dataFiles, documents, extracted, context).length === 0
    ? { documents: [...documents.values()], extracted }
    : null;
}

/**
 * Parses the extracted files of `ids` ahead of time, on a worker thread and without the write lock: the parses are
 * remembered by file (src/store/extractedFile.ts), so {@link readAddedDocuments} under the lock finds them done, a
 * writer waiting for the lock is not kept waiting while YAML is parsed, and requests are not held up by it.
 */
export async function parseAhead(dataFiles: DataFiles, ids: string[]): Promise<void> {
  for (const id of ids) {
    const file = extractedPath(dataFiles, id);
    // On the parse worker's thread; a file it could not read (not in place yet) is left for the locked read.
    if (!isParsed(file)) await parseOffThread(file);
  }
}

/** The leading ids among `ids` whose extracted file {@link parseAhead} has parsed as it is now. */
export function parsedPrefix(dataFiles: DataFiles, ids: string[]): string[] {
  const unparsed = ids.findIndex((id) => !isParsed(extractedPath(dataFiles, id)));
  return unparsed < 0 ? ids : ids.slice(0, unparsed);
}

/** The three files (relative paths) of an ingested document. */
export function documentParts(id: string): string[] {
  return [
    path.join("documents", `${id}${SUFFIXES.text}`),
    path.join("documents", `${id}${SUFFIXES.meta}`),
    path.join("extracted", `${id}${SUFFIXES.extracted}`),
  ];
}

/** The problems validation would find in the added files, given the graph they join. */
function addedProblems(
  dataFiles: DataFiles,
  documents: Map<string, StoredDocument>,
  extracted: ExtractedDocument[],
  { graph, ontology, decisions }: AddedContext,
): DataIssue[] {
  const issues: DataIssue[] = [];
  // A decision naming a new document's relation or merge would have been refused before the document existed.
  const prefixes = [...documents.keys()].map((id) => `${id}.`);
  const decided = [...Object.keys(decisions.relations), ...Object.keys(decisions.merges)];
  if (decided.some((key) => prefixes.some((prefix) => key.startsWith(prefix))))
    issues.push({ file: dataFiles.decisions, message: "a decision names an added document" });
  // Every node of the served graph stands for an entity the added files may merge into; its edges and the decided
  // relations hold the ids a new relation must not reuse.
  const nodes = new Map(graph.mapNodes((id, a) => [id, { id, type: a.type } as EntityRecord]));
  const relationIds = new Set([...graph.edges(), ...Object.keys(decisions.relations)]);
  const at = { file: dataFiles.decisions };
  const dataset = { dataFiles, ontology, documents, entities: [], relations: [], extracted };
  checkExtracted({ ...dataset, decisions: { relations: {}, merges: {}, at } }, nodes, relationIds, issues);
  return issues;
}

function partOf(file: string): { id: string; part: Part } | null {
  const [folder, name, ...rest] = file.split(path.sep);
  if (rest.length > 0 || name === undefined) return null;
  if (folder === "extracted" && name.endsWith(SUFFIXES.extracted))
    return { id: name.slice(0, -SUFFIXES.extracted.length), part: "extracted" };
  if (folder !== "documents") return null;
  if (name.endsWith(SUFFIXES.meta)) return { id: name.slice(0, -SUFFIXES.meta.length), part: "meta" };
  if (name.endsWith(SUFFIXES.text)) return { id: name.slice(0, -SUFFIXES.text.length), part: "text" };
  return null;
}

/** The last document text and extracted file name among `known`, in apply order. */
function lastKnown(known: string[]): Map<Part, string> {
  const last = new Map<Part, string>();
  for (const file of known) {
    const named = partOf(file);
    if (!named || named.part === "meta") continue;
    const name = path.basename(file);
    const current = last.get(named.part);
    if (current === undefined || compareDataFileNames(name, current) > 0) last.set(named.part, name);
  }
  return last;
}
