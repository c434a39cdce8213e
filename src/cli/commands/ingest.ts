/**
 * kg ingest: adds an article to graph-data/ — extracts its entities and relations as candidates, resolves them
 * against the graph, stores everything all-or-nothing and updates the build — safe to run next to a live server.
 */
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { decodeDocumentBytes, MAX_DOCUMENT_BYTES } from "../../ingest/documentInput.ts";
import { IngestError, type IngestResult } from "../../ingest/types.ts";
import { DataWriter } from "../../ingest/writer.ts";
import { ServedGraph } from "../../graph/servedGraph.ts";
import { BoundedReadError, readFileBounded } from "../../util/boundedRead.ts";
import { parseCommandArgs } from "../args.ts";
import { UsageError, type Command } from "../types.ts";

/** Longest title taken from the text's first line when --title is not given. */
const MAX_DEFAULT_TITLE = 120;

export const ingestCommand: Command = {
  name: "ingest",
  summary: "Add an article (UTF-8 text) to graph-data/: extract, resolve and merge its facts as candidates.",
  usage: "npx kg ingest FILE [--title T] [--author A] [--date YYYY-MM-DD] [--outlet O] [--url U] [--data DIR] [--json]",
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        title: { type: "string" },
        author: { type: "string" },
        date: { type: "string" },
        outlet: { type: "string" },
        url: { type: "string" },
        data: { type: "string" },
        json: { type: "boolean" },
      },
      true,
    );
    if (positionals.length !== 1) throw new UsageError("give exactly one FILE to ingest");
    const file = positionals[0];
    let bytes: Uint8Array;
    try {
      // At most the limit plus one byte, and only from a regular file: /dev/zero or a FIFO is refused at once.
      bytes = readFileBounded(file, MAX_DOCUMENT_BYTES);
    } catch (error) {
      if (!(error instanceof BoundedReadError)) throw error;
      io.err(`kg ingest: ${error.message}`);
      return 1;
    }
    try {
      const text = decodeDocumentBytes(bytes, path.basename(file));
      // An empty served graph: the writer loads the build (or rebuilds it) under the write lock before ingesting.
      const writer = new DataWriter(values.data, new ServedGraph(new MultiDirectedGraph()));
      const result = await writer.ingest({
        title: values.title ?? defaultTitle(text, file),
        text,
        ...(values.author !== undefined ? { author: values.author } : {}),
        ...(values.date !== undefined ? { date: values.date } : {}),
        ...(values.outlet !== undefined ? { outlet: values.outlet } : {}),
        ...(values.url !== undefined ? { url: values.url } : {}),
      });
      await writer.flush();
      io.out(values.json ? JSON.stringify(result, null, 2) : summary(result));
      return 0;
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      io.err(`kg ${error.message}`);
      return 1;
    }
  },
};

function defaultTitle(text: string, file: string): string {
  const first =
    text
      .split("\n")
      .find((line) => line.trim().length > 0)
      ?.trim() ?? "";
  return (first || path.basename(file)).slice(0, MAX_DEFAULT_TITLE);
}

function summary(result: IngestResult): string {
  const { document, newEntities, newRelations, mergedEntities, corroborated, skipped, graph } = result;
  return [
    `added document ${document.id} "${document.title}"`,
    `  ${newEntities.length} new entities, ${newRelations.length} new candidate relations`,
    `  ${mergedEntities.length} mentions joined existing entities, ${corroborated.length} curated relations gained evidence`,
    ...(skipped.length ? [`  ${skipped.length} extracted relations skipped (run with --json for the reasons)`] : []),
    `  graph now has ${graph.nodes} nodes, ${graph.edges} edges`,
  ].join("\n");
}
