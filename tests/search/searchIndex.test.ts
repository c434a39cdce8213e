import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { normalizeName } from "../../src/search/normalize.ts";
import { buildSearchIndex, lowerBound } from "../../src/search/searchIndex.ts";
import { entity, randomGraph } from "../paths/fixtures.ts";

/** The index as plain arrays, computed the obvious way (a Set of words per name, a list per word). */
function naiveWordLists(names: string[]): [string, number[]][] {
  const byWord = new Map<string, number[]>();
  names.forEach((name, i) => {
    for (const word of new Set(name.split(" "))) byWord.set(word, [...(byWord.get(word) ?? []), i]);
  });
  return [...byWord].sort(([a], [b]) => (a < b ? -1 : 1));
}

describe("search", () => {
  describe("buildSearchIndex", () => {
    it("indexes each node's label and distinct aliases once, label first, and skips names without letters", () => {
      const graph: KnowledgeGraph = new MultiDirectedGraph();
      graph.addNode("a", entity("New York", ["NYC", "new-york", "!!", "Big Apple"], "location"));
      graph.addNode("b", entity("York", [], "location"));
      const index = buildSearchIndex(graph);
      expect(index.names).toEqual(["new york", "nyc", "big apple", "york"]);
      expect([...index.nameNode]).toEqual([0, 0, 0, 1]);
      expect([...index.nameIsLabel]).toEqual([1, 0, 0, 1]);
      expect(index.labels).toEqual(["New York", "York"]);
      expect(index.types).toEqual(["location", "location"]);
    });

    it("lists every distinct word, sorted, with the ascending names containing it, once per name", () => {
      const graph: KnowledgeGraph = new MultiDirectedGraph();
      graph.addNode("a", entity("Talks about talks", ["peace talks"]));
      graph.addNode("b", entity("Peace", ["Talks"]));
      const index = buildSearchIndex(graph);
      expect(index.words).toEqual(["about", "peace", "talks"]);
      expect(index.wordNames.map((list) => [...list])).toEqual([[0], [1, 2], [0, 1, 3]]);
      expect(index.words[lowerBound(index.words, "pe")]).toBe("peace");
    });

    it("gives the same word lists as the straightforward construction on a random graph", () => {
      const graph = randomGraph(11, 300, 600);
      const vocabulary = ["peace", "talks", "Peace", "war", "of", "the", "Kyiv"];
      let i = 0;
      graph.forEachNode((node) => {
        const words = [vocabulary[i % 7], vocabulary[(i * 3) % 7], vocabulary[(i * 5) % 7], node];
        graph.mergeNodeAttributes(node, { aliases: [words.join(" "), words.slice(1).join("-")] });
        i++;
      });
      const index = buildSearchIndex(graph);
      const naive = naiveWordLists(index.names);
      expect(index.words).toEqual(naive.map(([word]) => word));
      expect(index.wordNames.map((list) => [...list])).toEqual(naive.map(([, list]) => list));
      expect(index.names.every((name) => name === normalizeName(name))).toBe(true);
    });
  });
});
