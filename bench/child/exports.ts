/**
 * Child: times our GEXF, JSON, Neo4j-bundle, Turtle and JSON-LD exports and graphology-gexf's writer on one loaded
 * graph, each with its peak extra memory; optionally writes both GEXF files for the equivalence and schema checks. Our
 * exports are drained from answerExport (query/export.ts), the function GET /api/export answers with.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { write as graphologyGexf } from "graphology-gexf";
import { readGraphJson } from "../../src/graphfile/graphFile.ts";
import type { ExportFormat } from "../../src/export/types.ts";
import { withEvidenceColumns } from "../../src/export/values.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { answerExport } from "../../src/query/export.ts";
import { collectGarbage, peakRssBytes, resetPeakRss, rssBytes } from "../util/memory.ts";

const [file, outDir] = process.argv.slice(2);
const graph = readGraphJson(file);
/** Output (characters, or bytes of a zip) between two collections in the live-heap pass. */
const LIVE_SAMPLE_EVERY = 25_000_000;
/** The formats timed and sampled like GEXF (JSON gets the timed pass only). */
const STREAMED = ["neo4j", "turtle", "jsonld"] as const;

/** JS heap plus off-heap buffers, in bytes. */
const heapBytes = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
};

/**
 * Drains our streaming export, sampling the heap at every chunk; returns its size and the peak heap above
 * `base` (the text is not kept, as when streamed to a response).
 */
async function ours(format: ExportFormat, keep: boolean) {
  collectGarbage();
  const base = heapBytes();
  let peak = base;
  let bytes = 0;
  let text = "";
  for await (const chunk of chunksOf(format)) {
    bytes += chunk.length;
    if (keep) text += String(chunk);
    peak = Math.max(peak, heapBytes());
  }
  return { bytes, text: keep ? text : null, peakExtraHeapBytes: peak - base };
}

/** The export as GET /api/export?format=… streams it (no data root, as in the bench's server: no document texts). */
function chunksOf(format: ExportFormat): AsyncIterable<string | Uint8Array> {
  return answerExport(graph, { format }, "evidence-graph", null).file.chunks;
}

/** graphology-gexf's writer, given the same fields as ours (viz, weight, kind, evidence as JSON). */
function theirs(g: KnowledgeGraph): string {
  return graphologyGexf(g, {
    version: "1.3",
    formatNode: (_key, { label, x, y, size, color, ...rest }) => ({
      label,
      viz: { x, y, size, color: rgb(String(color)) },
      attributes: rest,
    }),
    formatEdge: (_key, attributes) => {
      const { label, evidence, qualifiers, ...rest } = withEvidenceColumns(attributes);
      const json = {
        evidence: JSON.stringify(evidence),
        ...(qualifiers ? { qualifiers: JSON.stringify(qualifiers) } : {}),
      };
      return { label, weight: attributes.confidence, kind: attributes.predicate, attributes: { ...rest, ...json } };
    },
  });
}

function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r},${g},${b})`;
}

/**
 * Drains our export again, collecting garbage after every `every` characters (bytes for a zip) of output and reading
 * the heap right after: the peak of live memory the writer holds (sampling without GC would count garbage not
 * collected yet).
 */
async function oursLive(format: ExportFormat, every: number): Promise<number> {
  collectGarbage();
  const base = heapBytes();
  let peak = base;
  let n = 0;
  let sinceSample = 0;
  for await (const chunk of chunksOf(format)) {
    sinceSample += chunk.length;
    n++;
    // Every `every` of output, and at the chunk counts that are powers of two so small exports are sampled too.
    if (sinceSample >= every || (n & (n - 1)) === 0) {
      sinceSample = 0;
      collectGarbage();
      peak = Math.max(peak, heapBytes());
    }
  }
  collectGarbage();
  return Math.max(peak, heapBytes()) - base;
}

/** Runs `task` after a full GC with a fresh peak-RSS mark. */
async function probe<T>(task: () => Promise<T> | T): Promise<{ ms: number; peakExtraBytes: number | null; value: T }> {
  collectGarbage();
  const reset = resetPeakRss();
  const before = rssBytes();
  const t0 = performance.now();
  const value = await task();
  const ms = performance.now() - t0;
  const peak = peakRssBytes();
  return { ms, peakExtraBytes: reset && peak !== null ? peak - before : null, value };
}

const strip = <T extends { value: unknown }>({ value: _value, ...rest }: T) => rest;
const keep = Boolean(outDir);
// graphology-gexf's writer is synchronous: its heap can only be read once it returns, with the document still held
// (a lower bound of its peak).
collectGarbage();
const theirBase = heapBytes();
const gexfTheirs = await probe(() => theirs(graph));
const theirHeldBytes = heapBytes() - theirBase;
const theirText = keep ? gexfTheirs.value : null;
gexfTheirs.value = "";
const gexfOurs = await probe(() => ours("gexf", keep));
const json = await probe(() => ours("json", false));
const gexfLiveBytes = await oursLive("gexf", LIVE_SAMPLE_EVERY);
const streamed: Record<string, object> = {};
for (const format of STREAMED) {
  const timed = await probe(() => ours(format, false));
  streamed[format] = {
    ...strip(timed),
    bytes: timed.value.bytes,
    heapBytes: timed.value.peakExtraHeapBytes,
    liveBytes: await oursLive(format, LIVE_SAMPLE_EVERY),
  };
}
if (outDir) {
  writeFileSync(path.join(outDir, "ours.gexf"), gexfOurs.value.text!);
  writeFileSync(path.join(outDir, "graphology.gexf"), theirText!);
}
console.log(
  JSON.stringify({
    gexfOurs: {
      ...strip(gexfOurs),
      bytes: gexfOurs.value.bytes,
      heapBytes: gexfOurs.value.peakExtraHeapBytes,
      liveBytes: gexfLiveBytes,
    },
    gexfGraphology: { ...strip(gexfTheirs), heapBytes: theirHeldBytes },
    json: { ...strip(json), bytes: json.value.bytes, heapBytes: json.value.peakExtraHeapBytes },
    ...streamed,
  }),
);
