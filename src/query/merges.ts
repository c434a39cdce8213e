/**
 * Merges answer: the merges entity resolution recorded in graph-data/extracted/ (a name read in a document joined to
 * an existing entity), whether each was reverted in decisions.yaml, filtered by rule and kept entity (GET /api/merges).
 */
import type { z } from "zod";
import { splitEntityId } from "../graph/merge.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { dataFilesOf } from "../store/dataFiles.ts";
import type { DataIssue } from "../store/issues.ts";
import { loadDecisions, loadExtracted } from "../store/load.ts";
import { graphDocuments } from "./documents.ts";
import { parseOr400 } from "./errors.ts";
import { MergesQuerySchema, type MergeRecordSchema, type MergesResponseSchema } from "./schemas.ts";

/** Body of a GET /api/merges answer. */
export type MergesAnswer = z.infer<typeof MergesResponseSchema>;

/** One recorded merge. */
export type MergeRecord = z.infer<typeof MergeRecordSchema>;

/** Every merge recorded under `dataRoot`, in document order and, within a document, in the file's entity order. */
export function recordedMerges(graph: KnowledgeGraph, dataRoot: string): MergeRecord[] {
  const dataFiles = dataFilesOf(dataRoot);
  // A broken file is the build's and `kg validate`'s to report; the list shows what the readable files record.
  const issues: DataIssue[] = [];
  const reverted = loadDecisions(dataFiles, issues).merges;
  const titles = new Map(graphDocuments(graph).map((d) => [d.id, d.title]));
  const labelOf = (id: string) => (graph.hasNode(id) ? String(graph.getNodeAttribute(id, "label") ?? id) : id);
  return loadExtracted(dataFiles, issues).flatMap(({ document, entities }) =>
    entities.flatMap((e): MergeRecord[] => {
      if (e.rule === "new") return [];
      const id = splitEntityId(document, e.key);
      return [
        {
          id,
          rule: e.rule,
          entity: { id: e.entity, label: labelOf(e.entity) },
          merged: { label: e.label, aliases: e.aliases.filter((a) => a !== e.label) },
          document: { id: document, title: titles.get(document) ?? document },
          reverted: reverted[id] !== undefined,
        },
      ];
    }),
  );
}

/**
 * Answers GET /api/merges: the page `offset`/`limit` of the recorded merges matching `rule` and `entity` (the kept
 * entity's id, or its label in any case). A standalone graph file records none: [] then. `writes` says who may revert.
 */
export function answerMerges(
  graph: KnowledgeGraph,
  dataRoot: string | null,
  query: unknown,
  writes: MergesAnswer["writes"],
): MergesAnswer {
  const { rule, entity, limit, offset } = parseOr400(MergesQuerySchema, query, "query");
  const wanted = entity?.toLowerCase();
  const matching = (dataRoot === null ? [] : recordedMerges(graph, dataRoot)).filter(
    (m) =>
      (rule === undefined || m.rule === rule) &&
      (wanted === undefined || m.entity.id === entity || m.entity.label.toLowerCase() === wanted),
  );
  return { total: matching.length, offset, merges: matching.slice(offset, offset + limit), writes };
}
