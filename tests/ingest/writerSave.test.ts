import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildToFile } from "../../src/graphfile/buildToFile.ts";
import { isBuildStale } from "../../src/graph/build.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { DataWriter, type WriterOptions } from "../../src/ingest/writer.ts";
import { makeTempData } from "../helpers/tempData.ts";
import { ACME_ARTICLE, acmeExtractor } from "./fixtureExtractor.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A writer over a temporary copy of the seed data that counts its saves of the build file. */
function setup(options: Partial<WriterOptions>) {
  const data = makeTempData();
  const served = new ServedGraph(buildToFile(undefined, { root: data.root, layout: { iterations: 50 } }).graph);
  const saves = { count: 0 };
  const writer = new DataWriter(data.root, served, {
    extractor: acmeExtractor,
    slices: { sliceMs: 0 },
    afterSave: () => saves.count++,
    ...options,
  });
  cleanups.push(async () => {
    await writer.flush();
    data.remove();
  });
  return { writer, saves, buildFile: path.join(data.root, "build", "graph.json"), root: data.root };
}

/** The n-th of a stream of distinct articles. */
const article = (n: number) => ({ title: `${ACME_ARTICLE.title} ${n}`, text: `${ACME_ARTICLE.text}\nUpdate ${n}.` });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
    await pause(20);
  }
}

describe("DataWriter's save of the build file", () => {
  it("saves once a stream of writes pauses, not between writes that follow one another closely", async () => {
    const { writer, saves, buildFile, root } = setup({ saveDelayMs: 1500, saveMaxDelayMs: 60_000 });
    for (let n = 1; n <= 3; n++) {
      await writer.ingest(article(n));
      await pause(50);
    }
    expect(saves.count).toBe(0);
    await until(() => saves.count > 0);
    expect(isBuildStale(buildFile, root)).toBe(false);
    await pause(300);
    expect(saves.count).toBe(1);
  });

  it("saves no later than saveMaxDelayMs after the first unsaved write, however closely writes follow", async () => {
    const { writer, saves } = setup({ saveDelayMs: 60_000, saveMaxDelayMs: 200 });
    let n = 0;
    while (saves.count === 0 && n < 50) {
      await writer.ingest(article(++n));
      await pause(50);
    }
    expect(saves.count).toBe(1);
  });

  it("saves everything written when flushed, without waiting for the pause", async () => {
    const { writer, saves, buildFile, root } = setup({ saveDelayMs: 60_000, saveMaxDelayMs: 60_000 });
    await writer.ingest(article(1));
    await writer.flush();
    expect(saves.count).toBe(1);
    expect(isBuildStale(buildFile, root)).toBe(false);
  });
});
