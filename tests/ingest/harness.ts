/**
 * Test helper: an Express app over a throw-away graph-data/ copy with its write endpoints set up as `kg serve` would.
 */
import { buildToFile } from "../../src/graphfile/buildToFile.ts";
import { setupWrites, type WriteSetupOptions } from "../../src/server/writes.ts";
import { createApp } from "../../src/server/app.ts";
import type { ServerContext } from "../../src/server/context.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import { acmeExtractor } from "./fixtureExtractor.ts";

/** An app, its context and its data folder; `remove()` cleans up. */
export interface WriteHarness {
  app: ReturnType<typeof createApp>;
  ctx: ServerContext;
  data: TempData;
  remove: () => Promise<void>;
}

/** Builds the seed into a temp root and serves it with the given write set-up (loopback, open, by default). */
export function writeHarness(options: Partial<WriteSetupOptions> & { readOnly?: boolean } = {}): WriteHarness {
  const data = makeTempData();
  const graph = buildToFile(undefined, { root: data.root, layout: { iterations: 50 } }).graph;
  const ctx: ServerContext = {
    served: new ServedGraph(graph),
    dataRoot: data.root,
    readOnly: options.readOnly ?? false,
  };
  const stop = setupWrites(ctx, { extractor: acmeExtractor, watch: false, ...options });
  const app = createApp(ctx, { requestLogs: false, webRoot: "/nonexistent" });
  return {
    app,
    ctx,
    data,
    remove: async () => {
      await stop();
      data.remove();
    },
  };
}
