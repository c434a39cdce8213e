import { describe, expect, it } from "vitest";
import { searchEntities } from "../../src/search/searchEntities.ts";
import { buildSearchIndex, searchIndexOf, type SearchIndex } from "../../src/search/searchIndex.ts";
import { suggestEntities } from "../../src/search/suggest.ts";
import { forgetOwner } from "../../src/util/ownerMaps.ts";
import { randomWriter } from "../helpers/randomWrites.ts";
import { randomGraph } from "../paths/fixtures.ts";

/** Every column as plain lists, so that indexes in arrays of different lengths compare by content. */
function columns(index: SearchIndex): Record<string, unknown> {
  return {
    ...index,
    nameNode: Array.from(index.nameNode),
    nameIsLabel: Array.from(index.nameIsLabel),
    wordNames: index.wordNames.map((list) => Array.from(list)),
  };
}

const QUERIES = ["node", "node 1", "renamed", "alias", "added w", "w1", "3"];

describe("search", () => {
  describe("searchIndexOf on a recycled graph", () => {
    it("rewrites the previous index's lists and answers as an index built from scratch, write after write", () => {
      const graph = randomGraph(7, 80, 200);
      const write = randomWriter(9);
      let reused = 0;
      for (let round = 0; round < 40; round++) {
        const before = searchIndexOf(graph);
        forgetOwner(graph);
        write(graph);
        const carried = searchIndexOf(graph);
        const fresh = buildSearchIndex(graph.copy());
        expect(carried).not.toBe(before);
        expect(columns(carried)).toEqual(columns(fresh));
        const keptViews = new Set(before.wordNames);
        if (carried.names === before.names && carried.wordNames === before.wordNames) reused++;
        // Most words keep their names' list from one version to the next.
        expect(carried.wordNames.filter((list) => keptViews.has(list)).length).toBeGreaterThan(
          carried.words.length / 2,
        );
        for (const q of QUERIES) {
          expect(searchEntities(graph, q, { limit: 50 })).toEqual(searchEntities(graph.copy(), q, { limit: 50 }));
          expect(suggestEntities(graph, `${q}x`)).toEqual(suggestEntities(graph.copy(), `${q}x`));
        }
      }
      expect(reused).toBe(40);
    });
  });
});
