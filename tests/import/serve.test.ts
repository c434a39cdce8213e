import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { startServer } from "../../src/server/start.ts";
import { GEXF_KIT, samplesUnavailable, validSamples } from "../export/gexfKit.ts";

const NO_SAMPLES = samplesUnavailable();
const SAMPLES = NO_SAMPLES ? [] : validSamples(readFileSync(path.join(GEXF_KIT, "samples/SOURCES.md"), "utf8"));

describe("kg serve --graph FILE.gexf", () => {
  if (NO_SAMPLES) it(`skipped: ${NO_SAMPLES}`, (ctx) => ctx.skip());

  it.skipIf(NO_SAMPLES).each(SAMPLES)("serves %s: health, the graph and a GEXF export", async (sample) => {
    const graphFile = path.join(GEXF_KIT, "samples", sample);
    const running = await startServer({
      port: 0,
      host: "127.0.0.1",
      graphFile,
      readOnly: true,
      app: { requestLogs: false },
    });
    try {
      const nodes = (readFileSync(graphFile, "utf8").match(/<node[\s>]/g) ?? []).length;
      const health = await fetch(`${running.url}/api/health`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { nodes: number }).nodes).toBe(nodes);
      const graph = await fetch(`${running.url}/api/graph`);
      expect(((await graph.json()) as { nodes: unknown[] }).nodes.length).toBe(nodes);
      const gexf = await fetch(`${running.url}/api/export?format=gexf`);
      expect(gexf.status).toBe(200);
      expect((await gexf.text()).match(/<node id=/g)?.length ?? 0).toBe(nodes);
    } finally {
      await running.close();
    }
  });
});
