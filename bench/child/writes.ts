/**
 * Child: serves one generated graph as the build of a throw-away copy of graph-data/, with writes open (POST
 * /api/documents on 127.0.0.1) and the indexes warmed as `npm start` does, plus a control server that starts and reads
 * an event-loop delay histogram of this process. Its extractor is a fixed one (see {@link benchExtractor}): the
 * measure is about publishing a write into a large served graph, not about extraction.
 *
 * Uses only what the server had before writes were published in slices too (setupWrites, warmQueryIndexes with one
 * argument), so the same child runs on an older checkout for the side-by-side figures.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { fingerprintInputs } from "../../src/graph/fingerprint.ts";
import { refreshReporting } from "../../src/graph/reporting.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { readGraphJson } from "../../src/graphfile/graphFile.ts";
import type { ExtractionResult, Extractor } from "../../src/ingest/types.ts";
import { warmQueryIndexes } from "../../src/query/warm.ts";
import type { ServerContext } from "../../src/server/context.ts";
import { createRequestHandler } from "../../src/server/handler.ts";
import { setupWrites } from "../../src/server/writes.ts";
import { DEFAULT_DATA_ROOT, dataFilesOf } from "../../src/store/dataFiles.ts";
import { listenLocal, loopDelayControl } from "../util/loopDelayControl.ts";

/** The texts the driver sends: "Bench Writer 7 met Bench Writer 6 about Bench Project 7." */
const TEXT = /^Bench Writer (\d+) met Bench Writer (\d+) about Bench Project (\d+)\./;

/**
 * Two new entities and, from the second write on, a link to the previous write's person: a write that adds nodes and
 * edges and changes the degree of a node already served, as a small article does.
 */
export const benchExtractor: Extractor = (text) => {
  const match = TEXT.exec(text);
  if (!match) throw new Error(`bench writes: unexpected text "${text.slice(0, 80)}"`);
  const [, writer, previous, project] = match;
  const entity = (id: string, label: string, type: "person" | "concept") => {
    const start = text.indexOf(label);
    return { id, label, type, aliases: [], mentions: [{ start, end: start + label.length }] };
  };
  const relation = (source: string, target: string) => ({
    source,
    target,
    predicate: "mentioned_with",
    kind: "cooccurrence" as const,
    confidence: 0.8,
    stance: "neutral" as const,
    modality: "asserted" as const,
    evidence: { quote: match[0], start: 0, end: match[0].length },
  });
  const result: ExtractionResult = {
    entities: [
      entity(`bench-writer-${writer}`, `Bench Writer ${writer}`, "person"),
      entity(`bench-project-${project}`, `Bench Project ${project}`, "concept"),
    ],
    relations: [relation(`bench-writer-${writer}`, `bench-project-${project}`)],
  };
  if (writer !== previous) {
    result.entities.push(entity(`bench-writer-${previous}`, `Bench Writer ${previous}`, "person"));
    result.relations.push(relation(`bench-writer-${writer}`, `bench-writer-${previous}`));
  }
  return result;
};

const tmp = mkdtempSync(path.join(os.tmpdir(), "kg-bench-writes-"));
const root = path.join(tmp, "graph-data");
cpSync(DEFAULT_DATA_ROOT, root, { recursive: true, filter: (src) => !src.includes(`${path.sep}build`) });
const graph = readGraphJson(process.argv[2]);
// The generated graph stands for the build of this copy of graph-data/: writes are applied to it, not rebuilt. A build
// gives every relation its support (kg build's assembly); the generator does not, and without it the first write
// would rewrite all 500k relations, a cost no served build has.
refreshReporting(graph);
graph.setAttribute("builtFrom", fingerprintInputs(dataFilesOf(root)));
const ctx: ServerContext = { served: new ServedGraph(graph), dataRoot: root, readOnly: false };
const stopWarming = warmQueryIndexes(ctx.served);
const stopWrites = setupWrites(ctx, { watch: false, extractor: benchExtractor, host: "127.0.0.1" });
// The indexes just built are still in the young generation: a start-up cost, not the writes'.
(globalThis as { gc?: () => void }).gc?.();
const url = await listenLocal(createServer(createRequestHandler(ctx, { requestLogs: false, webRoot: "/nonexistent" })));
const controlUrl = await listenLocal(createServer(loopDelayControl()));
console.log(JSON.stringify({ url, control: controlUrl }));
process.once("SIGTERM", () => {
  // As the server does on exit: a pending build file is saved (into the throw-away copy), then the copy is removed.
  void stopWrites()
    .catch(() => undefined)
    .finally(() => {
      stopWarming();
      rmSync(tmp, { recursive: true, force: true });
      process.exit(0);
    });
});
