/**
 * The write set-up on demand: setupWrites runs synchronously once loadWrites has resolved, and says what to do when
 * called before.
 */
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import type { ServerContext } from "../../src/server/context.ts";
import { loadWrites, setupWrites } from "../../src/server/lazyWrites.ts";

const context = (): ServerContext => ({
  served: new ServedGraph(new MultiDirectedGraph() as KnowledgeGraph),
  dataRoot: null,
  readOnly: true,
});

describe("lazyWrites", () => {
  it("refuses to set up writes before the set-up is loaded, saying to await loadWrites", () => {
    expect(() => setupWrites(context())).toThrow(/await loadWrites\(\) first/);
  });

  it("sets up the write policy once loaded", async () => {
    await loadWrites();
    const ctx = context();
    const stop = setupWrites(ctx, { readOnly: true });
    expect(ctx.writeAccess?.type).toBe("off");
    await stop();
  });
});
