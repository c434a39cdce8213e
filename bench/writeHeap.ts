/**
 * Garbage and pauses of writes into a large served graph: serves the generated 100k/500k graph of a checkout in this
 * process, posts articles to it one after another, and reports how much the old generation grows per write, the
 * collections, and the longest event-loop gaps with the process's CPU time inside each (a gap far longer than its CPU
 * time is the cores being taken by other processes, not work). Run with `node --import tsx --expose-gc
 * --max-old-space-size=8192 bench/writeHeap.ts [--root CHECKOUT] [--writes 12]`, after `npm run bench -- --tiers
 * medium` has generated the graph; `--root` measures another checkout (e.g. a branch's base) with the same code.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import v8 from "node:v8";

const { values } = parseArgs({ options: { root: { type: "string" }, writes: { type: "string" } } });
const root = path.resolve(values.root ?? path.join(path.dirname(fileURLToPath(import.meta.url)), ".."));
const writes = Number(values.writes ?? 12);
/** Gaps between two ticks of a 2 ms timer longer than this are listed. */
const GAP_MS = 40;

const load = (file: string) => import(path.join(root, file));
const { fingerprintInputs } = await load("src/graph/fingerprint.ts");
const { refreshReporting } = await load("src/graph/reporting.ts");
const { ServedGraph } = await load("src/graph/servedGraph.ts");
const { readGraphJson } = await load("src/graphfile/graphFile.ts");
const { warmQueryIndexes } = await load("src/query/warm.ts");
const { createRequestHandler } = await load("src/server/handler.ts");
const { setupWrites } = await load("src/server/writes.ts");
const { DEFAULT_DATA_ROOT, dataFilesOf } = await load("src/store/dataFiles.ts");

/** bench/child/writes.ts's fixed extractor: two new entities and a link to the previous article's person. */
function extractor(text: string) {
  const match = /^Bench Writer (\d+) met Bench Writer (\d+) about Bench Project (\d+)\./.exec(text)!;
  const [, writer, previous, project] = match;
  const entity = (id: string, label: string, type: string) => {
    const start = text.indexOf(label);
    return { id, label, type, aliases: [], mentions: [{ start, end: start + label.length }] };
  };
  const relation = (source: string, target: string) => ({
    ...{ source, target, predicate: "mentioned_with", kind: "cooccurrence", confidence: 0.8 },
    ...{ stance: "neutral", modality: "asserted", evidence: { quote: match[0], start: 0, end: match[0].length } },
  });
  const writerId = `bench-writer-${writer}`;
  const entities = [entity(writerId, `Bench Writer ${writer}`, "person")];
  entities.push(entity(`bench-project-${project}`, `Bench Project ${project}`, "concept"));
  const relations = [relation(writerId, `bench-project-${project}`)];
  if (writer !== previous) {
    entities.push(entity(`bench-writer-${previous}`, `Bench Writer ${previous}`, "person"));
    relations.push(relation(writerId, `bench-writer-${previous}`));
  }
  return { entities, relations };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "kg-write-heap-"));
const dataRoot = path.join(tmp, "graph-data");
cpSync(DEFAULT_DATA_ROOT, dataRoot, { recursive: true, filter: (src) => !src.includes(`${path.sep}build`) });
const graph = readGraphJson(path.join(root, "bench/out/graphs/kg-100000n-500000e-s7-v2.json"));
refreshReporting(graph);
graph.setAttribute("builtFrom", fingerprintInputs(dataFilesOf(dataRoot)));
const ctx = { served: new ServedGraph(graph), dataRoot, readOnly: false };
warmQueryIndexes(ctx.served);
const stopWrites = setupWrites(ctx, { watch: false, extractor, host: "127.0.0.1" });
(globalThis as { gc?: () => void }).gc?.();
const server = createServer(createRequestHandler(ctx, { requestLogs: false, webRoot: "/nonexistent" }));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const oldSpaceMb = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === "old_space")!.space_used_size / 1e6;
const collections: { major: boolean; ms: number; at: number }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
    collections.push({ major: kind === constants.NODE_PERFORMANCE_GC_MAJOR, ms: entry.duration, at: entry.startTime });
  }
});
observer.observe({ entryTypes: ["gc"] });
const gaps: { wallMs: number; cpuMs: number; at: number; write: number }[] = [];
/** The write under way (0: none yet), to say when each gap came. */
let current = 0;
let last = { at: performance.now(), cpu: process.cpuUsage() };
const timer = setInterval(() => {
  const now = { at: performance.now(), cpu: process.cpuUsage() };
  const wallMs = now.at - last.at;
  const cpuMs = (now.cpu.user + now.cpu.system - last.cpu.user - last.cpu.system) / 1000;
  if (wallMs > GAP_MS) gaps.push({ wallMs, cpuMs, at: last.at, write: current });
  last = now;
}, 2);

const growth: number[] = [];
const series = Date.now() % 1_000_000;
for (let i = 1; i <= writes; i++) {
  current = i;
  const before = oldSpaceMb();
  const n = series * 1000 + i;
  const text = `Bench Writer ${n} met Bench Writer ${i === 1 ? n : n - 1} about Bench Project ${n}.`;
  const body = JSON.stringify({ title: `Bench write ${n}`, text });
  const response = await fetch(`${url}/api/documents`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  await response.text();
  await new Promise((resolve) => setTimeout(resolve, 500));
  growth.push(oldSpaceMb() - before);
  console.log(`write ${i}: ${response.status}, old space ${oldSpaceMb().toFixed(0)} MB (${growth.at(-1)!.toFixed(1)})`);
}
clearInterval(timer);
observer.disconnect();

const majors = collections.filter((c) => c.major);
const minors = collections.filter((c) => !c.major);
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
console.log(`old space per write after the first: median ${median(growth.slice(1)).toFixed(1)} MB`);
console.log(`mark-compacts: ${majors.length} (${majors.map((c) => c.ms.toFixed(0)).join(", ")} ms)`);
console.log(`scavenges: ${minors.length}, longest ${Math.max(0, ...minors.map((c) => c.ms)).toFixed(0)} ms`);
for (const gap of [...gaps].sort((a, b) => b.wallMs - a.wallMs).slice(0, 8)) {
  const inside = collections.filter((c) => c.at >= gap.at - 1 && c.at <= gap.at + gap.wallMs);
  const gcs = inside.map((c) => `${c.major ? "mark-compact" : "scavenge"} ${c.ms.toFixed(0)} ms`).join(", ");
  const when = gap.write === 0 ? "before the writes" : `write ${gap.write}`;
  console.log(
    `gap ${gap.wallMs.toFixed(0)} ms, CPU ${gap.cpuMs.toFixed(0)} ms, ${when}; collections: ${gcs || "none"}`,
  );
}
await stopWrites();
rmSync(tmp, { recursive: true, force: true });
process.exit(0);
