/**
 * kg ingest: adds an article — or every document of a folder, a JSON Lines stream, web pages or a feed — to
 * graph-data/: extracts
 * entities and relations as candidates, resolves them against the graph, stores each document all-or-nothing and
 * updates the build; safe to run next to a live server.
 */
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { decodeDocumentBytes, MAX_DOCUMENT_BYTES, titleFromText } from "../../ingest/documentInput.ts";
import { IngestError, type IngestResult } from "../../ingest/types.ts";
import { DataWriter } from "../../ingest/writer.ts";
import { ServedGraph } from "../../graph/servedGraph.ts";
import { BoundedReadError, readFileBounded } from "../../util/boundedRead.ts";
import { intOption, parseCommandArgs } from "../args.ts";
import { batchMode, runBatch, type BatchInput } from "../batchIngest.ts";
import { UsageError, type CommandIO } from "../types.ts";

/** Runs `kg ingest` with its arguments; resolves to the exit code. */
export async function run(args: string[], io: CommandIO): Promise<number> {
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
      jsonl: { type: "boolean" },
      feed: { type: "string" },
      "allow-private": { type: "boolean" },
      step: { type: "string" },
    },
    true,
  );
  const input = batchInput(positionals, values.feed, values.jsonl === true);
  if (input) {
    const given = (["title", "author", "date", "outlet", "url"] as const).find((k) => values[k] !== undefined);
    if (given)
      throw new UsageError(`--${given} describes one article; a batch takes each document's ${given} from its input`);
    const fetch = { allowPrivate: values["allow-private"] === true };
    const stepDocuments = intOption(values.step, "--step", 1, MAX_STEP_DOCUMENTS);
    const batch = stepDocuments === undefined ? {} : { stepDocuments };
    return runBatch(input, { data: values.data, json: values.json === true, fetch, batch }, io);
  }
  if (values.step !== undefined) throw new UsageError("--step is for a batch (a folder, JSON Lines, URLs or a feed)");
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
      title: values.title ?? titleFromText(text, path.basename(file)),
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
}

/** Largest --step: a step holds the write lock (and its documents in memory) until all of them are stored. */
const MAX_STEP_DOCUMENTS = 10_000;

/** Whether an argument is a URL (any scheme: a non-http one is refused by the fetch, with the reason). */
const URL_ARGUMENT = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The batch the arguments ask for, or null for a single article FILE. */
function batchInput(positionals: string[], feed: string | undefined, jsonl: boolean): BatchInput | null {
  if (feed !== undefined) {
    if (positionals.length) throw new UsageError("--feed takes the feed's URL alone; give no other FILE or URL");
    return { mode: "feed", url: feed };
  }
  if (positionals.length === 0) throw new UsageError("give a FILE, FOLDER, - or URLs to ingest");
  const urls = positionals.filter((arg) => URL_ARGUMENT.test(arg));
  if (urls.length === positionals.length) return { mode: "urls", urls };
  if (positionals.length !== 1) throw new UsageError("give exactly one FILE, FOLDER or -, or only URLs, to ingest");
  const mode = batchMode(positionals[0], jsonl);
  return mode ? { mode, target: positionals[0] } : null;
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
