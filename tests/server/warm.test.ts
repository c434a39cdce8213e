import { afterEach, describe, expect, it, vi } from "vitest";
import { warmQueryIndexes } from "../../src/query/warm.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { logger } from "../../src/util/logger.ts";
import { graphOf } from "../paths/fixtures.ts";

describe("warmQueryIndexes", () => {
  afterEach(() => vi.restoreAllMocks());

  it("builds the indexes of the served graph at once and of each swapped-in graph right after the swap", async () => {
    const info = vi.spyOn(logger, "info");
    const built = () =>
      info.mock.calls.filter(([, message]) => message === "query indexes built").map(([fields]) => fields);
    const served = new ServedGraph(graphOf([["a", "supports", "b"]]));
    const stop = warmQueryIndexes(served);
    expect(built()).toEqual([
      expect.objectContaining({ nodes: 2, edges: 1, pathMs: expect.any(Number), searchMs: expect.any(Number) }),
    ]);
    served.replace(
      graphOf([
        ["a", "supports", "b"],
        ["b", "supports", "c"],
      ]),
    );
    expect(built()).toHaveLength(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(built()[1]).toMatchObject({ nodes: 3, edges: 2 });
    stop();
    served.replace(graphOf([["x", "supports", "y"]]));
    await new Promise((resolve) => setImmediate(resolve));
    expect(built()).toHaveLength(2);
  });
});
