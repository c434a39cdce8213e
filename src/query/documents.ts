/**
 * Document queries: the documents the served graph is built from (GET /api/documents) and one document's text and
 * metadata (GET /api/documents/:id), read from graph-data/documents/.
 */
import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { parse as parseYaml } from "yaml";
import { isCalendarDate } from "../model/calendarDate.ts";
import { DATE_SOURCES, type DateSource } from "../model/documentDate.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { dataFilesOf, documentMetaPath, documentTextPath } from "../store/dataFiles.ts";
import { HttpError, parseOr400 } from "./errors.ts";
import {
  DocumentParamsSchema,
  DocumentSummarySchema,
  type DocumentListResponseSchema,
  type DocumentResponseSchema,
} from "./schemas.ts";

/** Body of a GET /api/documents answer. */
export type DocumentListAnswer = z.infer<typeof DocumentListResponseSchema>;

/** Body of a GET /api/documents/:id answer. */
export type DocumentAnswer = z.infer<typeof DocumentResponseSchema>;

/** What a graph file may call itself when it does not say. */
const UNNAMED_GRAPH = "Graph";

/** The file's text, or null when it does not exist. */
async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** A document's metadata file as an object, or null when it has none (or it holds no mapping). */
async function readMeta(dataRoot: string, id: string): Promise<Record<string, unknown> | null> {
  const text = await readIfExists(documentMetaPath(dataFilesOf(dataRoot), id));
  const meta: unknown = text === null ? null : parseYaml(text);
  return meta && typeof meta === "object" ? (meta as Record<string, unknown>) : null;
}

/** A document as the graph lists it. */
export type ListedDocument = Pick<DocumentListAnswer["documents"][number], "id" | "title" | "date" | "dateSource">;

/**
 * The graph's `documents` attribute (id, title and, when valid, date and its source), skipping entries a foreign
 * graph file may get wrong.
 */
export function graphDocuments(graph: KnowledgeGraph): ListedDocument[] {
  const listed: unknown = graph.getAttribute("documents");
  if (!Array.isArray(listed)) return [];
  return listed.flatMap((entry: unknown) => {
    const { id, title, date, dateSource } = (entry ?? {}) as Record<string, unknown>;
    if (typeof id !== "string") return [];
    const dated = typeof date === "string" && isCalendarDate(date) && DATE_SOURCES.includes(dateSource as DateSource);
    const name = typeof title === "string" ? title : id;
    return [dated ? { id, title: name, date, dateSource: dateSource as DateSource } : { id, title: name }];
  });
}

/**
 * Answers GET /api/documents: the graph's name and its documents, each with its day (`date`, `dateSource`) and the
 * author, outlet, published date and genre of its metadata file when the server serves a graph-data folder (`dataRoot`); [] for a graph that lists none.
 */
export async function answerDocumentList(graph: KnowledgeGraph, dataRoot: string | null): Promise<DocumentListAnswer> {
  const name = graph.getAttribute("name");
  const documents = await Promise.all(
    graphDocuments(graph).map(async (listed) => {
      const meta = dataRoot === null ? null : await readMeta(dataRoot, listed.id);
      // Only the fields the summary names, and only those of the right type: the metadata is the curator's file.
      const parsed = DocumentSummarySchema.partial().safeParse(meta ?? {});
      const { author, outlet, published, genre } = parsed.success ? parsed.data : {};
      return Object.fromEntries(
        Object.entries({ ...listed, author, outlet, published, genre }).filter(([, v]) => v !== undefined),
      ) as DocumentListAnswer["documents"][number];
    }),
  );
  return { name: typeof name === "string" && name ? name : UNNAMED_GRAPH, documents };
}

/** Answers GET /api/documents/:id: 400 for a bad id, 404 for no such document or no graph-data folder. */
export async function answerDocument(dataRoot: string | null, rawParams: unknown): Promise<DocumentAnswer> {
  // The id schema allows no '/' and no leading '.', so the file paths below stay inside documents/.
  const { id } = parseOr400(DocumentParamsSchema, rawParams, "params");
  if (dataRoot === null) {
    throw new HttpError(
      404,
      "not_found",
      `documents are not available: this server serves a standalone graph file; serve a graph-data folder (npx kg serve --data DIR) to read documents`,
    );
  }
  const [text, meta] = await Promise.all([
    readIfExists(documentTextPath(dataFilesOf(dataRoot), id)),
    readMeta(dataRoot, id),
  ]);
  if (text === null)
    throw new HttpError(404, "not_found", `no document "${id}"; evidence quotes name their document in "doc"`);
  return { id, meta: { id, title: id, ...meta }, text, length: text.length };
}
