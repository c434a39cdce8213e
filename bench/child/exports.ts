/**
 * Child: times our GEXF and JSON exports and graphology-gexf's writer on one loaded graph, each with its peak extra
 * resident memory; optionally writes both GEXF files for the equivalence and schema checks.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { write as graphologyGexf } from "graphology-gexf";
import { readGraphJson } from "../../src/graphfile/graphFile.ts";
import { exportGraph } from "../../src/export/exportGraph.ts";
import { withEvidenceColumns } from "../../src/export/values.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { collectGarbage, peakRssBytes, resetPeakRss, rssBytes } from "../util/memory.ts";

const [file, outDir] = process.argv.slice(2);
const graph = readGraphJson(file);
const DATE = new Date("2026-01-01T00:00:00Z");
/** Chunks (64 KB) between two collections in the live-heap pass: ~25 MB of output. */
const LIVE_SAMPLE_EVERY = 400;

/** JS heap plus off-heap buffers, in bytes. */
const heapBytes = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
};

/**
 * Drains our streaming export, sampling the heap at every chunk; returns its size and the peak heap above
 * `base` (the text is not kept, as when streamed to a response).
 */
async function ours(format: "gexf" | "json", keep: boolean) {
  collectGarbage();
  const base = heapBytes();
  let peak = base;
  let bytes = 0;
  let text = "";
  for await (const chunk of exportGraph(graph, format, { lastModified: DATE }).chunks) {
    bytes += chunk.length;
    if (keep) text += chunk;
    peak = Math.max(peak, heapBytes());
  }
  return { bytes, text: keep ? text : null, peakExtraHeapBytes: peak - base };
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
 * Drains our export again, collecting garbage every `every` chunks and reading the heap right after: the peak of
 * live memory the writer holds (sampling without GC would count garbage not collected yet).
 */
async function oursLive(format: "gexf" | "json", every: number): Promise<number> {
  collectGarbage();
  const base = heapBytes();
  let peak = base;
  let n = 0;
  for await (const _chunk of exportGraph(graph, format, { lastModified: DATE }).chunks) {
    // Every `every` chunks, and at powers of two so small exports are sampled too.
    if (++n % every === 0 || (n & (n - 1)) === 0) {
      collectGarbage();
      peak = Math.max(peak, heapBytes());
    }
  }
  return peak - base;
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
if (outDir) {
  writeFileSync(path.join(outDir, "ours.gexf"), gexfOurs.value.text!);
  writeFileSync(path.join(outDir, "graphology.gexf"), theirText!);
}
const strip = <T extends { value: unknown }>({ value: _value, ...rest }: T) => rest;
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
  }),
);
