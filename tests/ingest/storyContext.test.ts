/**
 * Cross-document resolution within running stories: a short form joins the one node it shortens only when the
 * article names a neighbour of it or shares entities with an article that named it; unrelated stories stay apart and
 * a type disagreement never merges.
 */
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { resolveExtraction } from "../../src/ingest/resolve.ts";
import { storyContext } from "../../src/ingest/storyContext.ts";
import type { EntityAttributes, EntityType, KnowledgeGraph } from "../../src/model/types.ts";
import { loadDataset } from "../../src/store/load.ts";

const ONTOLOGY = loadDataset().ontology;

/** A graph whose nodes were named in the given documents (no edges: only the documents link them). */
function graphOf(nodes: [string, string, EntityType, string[]][]): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  for (const [id, label, type, documents] of nodes)
    graph.addNode(id, { label, type, aliases: [], documents } as unknown as EntityAttributes);
  return graph;
}

/** How each of `names` resolves in one article naming them all; `[name, type, extractor's id?]`. */
function resolveArticle(graph: KnowledgeGraph, names: [string, EntityType, string?][]) {
  const text = `${names.map(([name]) => name).join(" and ")} met.`;
  const entities = names.map(([name, type, id], i) => {
    const start = text.indexOf(name);
    return { id: id ?? `x${i}`, label: name, type, aliases: [], mentions: [{ start, end: start + name.length }] };
  });
  const extraction = { entities, relations: [] };
  return resolveExtraction({ graph, ontology: ONTOLOGY, docId: "doc", text, extraction }).file.entities.map((e) => ({
    entity: e.entity,
    rule: e.rule,
  }));
}

// Two stories: a takeover (documents t1, t2) and an election (e1).
const graph = graphOf([
  ["ingrid-halvorsen", "Ingrid Halvorsen", "person", ["t1"]],
  ["halvorsen-group", "Halvorsen Group", "organization", ["t1", "t2"]],
  ["brightwater", "Brightwater Holdings", "organization", ["t1", "t2"]],
  ["castellan", "Castellan Partners", "organization", ["t2"]],
  ["petra-novak", "Petra Novak", "person", ["e1"]],
  ["civic-renewal", "Civic Renewal Party", "organization", ["e1"]],
  ["ecb", "European Central Bank", "organization", ["e1"]],
  ["aberdeen", "Aberdeen", "location", ["t1"]],
]);

/** Names an article of the takeover story gives in full (two choices of them), and an election article's. */
const TAKEOVER: [string, EntityType][] = [
  ["Brightwater Holdings", "organization"],
  ["Halvorsen Group", "organization"],
];
const BIDDERS: [string, EntityType][] = [
  ["Brightwater Holdings", "organization"],
  ["Castellan Partners", "organization"],
];
const ELECTION: [string, EntityType][] = [
  ["Petra Novak", "person"],
  ["Civic Renewal Party", "organization"],
];

describe("ingest", () => {
  describe("storyContext", () => {
    it("finds the story of a node in a document that names two of the article's entities", () => {
      const context = storyContext(graph, ["brightwater", "castellan"]);
      expect(context("halvorsen-group")).toBe("story");
      expect(context("ingrid-halvorsen")).toBeNull();
      expect(storyContext(graph, ["brightwater", "halvorsen-group"])("ingrid-halvorsen")).toBe("story");
    });

    it("does not count dates, amounts and countries as shared entities", () => {
      const dated = graphOf([
        ["x", "X Y", "person", ["d1"]],
        ["monday", "Monday", "date", ["d1"]],
        ["france", "France", "country", ["d1"]],
      ]);
      expect(storyContext(dated, ["monday", "france"])("x")).toBeNull();
    });
  });

  describe("resolveExtraction across the articles of one story", () => {
    it("joins a surname to the full name an earlier article of the story gave", () => {
      const [halvorsen] = resolveArticle(graph, [["Halvorsen", "person"], ...TAKEOVER]);
      expect(halvorsen).toEqual({ entity: "ingrid-halvorsen", rule: "short-form" });
    });

    it("joins a surname after a title", () => {
      const [halvorsen] = resolveArticle(graph, [["Ms Halvorsen", "person"], ...TAKEOVER]);
      expect(halvorsen).toEqual({ entity: "ingrid-halvorsen", rule: "short-form" });
    });

    it("finds a full name after a title by its label, but not a bare name after a title", () => {
      const titled = graphOf([
        ["eleanor-whitcombe", "Eleanor Whitcombe", "person", ["c1"]],
        ["charles", "Charles", "person", ["c2"]],
      ]);
      expect(resolveArticle(titled, [["Judge Eleanor Whitcombe", "person"]])).toEqual([
        { entity: "eleanor-whitcombe", rule: "label" },
      ]);
      expect(resolveArticle(titled, [["King Charles", "person"]])).toEqual([{ entity: "king-charles", rule: "new" }]);
    });

    it("joins a firm's name without its designator, and a name to its acronym", () => {
      const [firm] = resolveArticle(graph, [["Halvorsen", "organization"], ...BIDDERS]);
      expect(firm).toEqual({ entity: "halvorsen-group", rule: "short-form" });
      const [ecb] = resolveArticle(graph, [["ECB", "organization"], ...ELECTION]);
      expect(ecb).toEqual({ entity: "ecb", rule: "short-form" });
    });
  });

  describe("resolveExtraction across unrelated stories", () => {
    it("keeps apart two people sharing a surname, also when the extractor joined them", () => {
      // The takeover story's article names nothing of the election's.
      const [own] = resolveArticle(graph, [["Novak", "person"], ...BIDDERS]);
      expect(own).toEqual({ entity: "novak", rule: "new" });
      const [claimed] = resolveArticle(graph, [["Novak", "person", "petra-novak"], ...BIDDERS]);
      expect(claimed).toEqual({ entity: "novak", rule: "new" });
    });

    it("joins an unconfirmed surname to the node labelled with it rather than making another", () => {
      const withGoalkeeper = graph.copy();
      withGoalkeeper.setNodeAttribute("petra-novak", "aliases", ["Novak"]);
      withGoalkeeper.addNode("novak", { label: "Novak", type: "person", aliases: [], documents: ["f1"] } as never);
      const [goalkeeper] = resolveArticle(withGoalkeeper, [["Novak", "person", "petra-novak"], ...BIDDERS]);
      expect(goalkeeper).toEqual({ entity: "novak", rule: "label" });
    });

    it("keeps the extractor's join when the article gives the full name", () => {
      const [full] = resolveArticle(graph, [["Petra Novak", "person", "petra-novak"], ...BIDDERS]);
      expect(full).toEqual({ entity: "petra-novak", rule: "id" });
    });

    it("never joins a name to a node of another type, whatever the story", () => {
      const [person] = resolveArticle(graph, [["Castellan", "person"], ...TAKEOVER]);
      expect(person.rule).toBe("new");
      const [place] = resolveArticle(graph, [["Halvorsen", "location"], ...BIDDERS]);
      expect(place.rule).toBe("new");
    });

    it("makes a new node when two nodes of the type share the short form", () => {
      const two = graphOf([
        ["anna-novak", "Anna Novak", "person", ["a"]],
        ["petra-novak", "Petra Novak", "person", ["a"]],
        ["x", "Xylo Corp", "organization", ["a"]],
        ["y", "Yarrow Ltd", "organization", ["a"]],
      ]);
      const [novak] = resolveArticle(two, [
        ["Novak", "person"],
        ["Xylo Corp", "organization"],
        ["Yarrow Ltd", "organization"],
      ]);
      expect(novak.rule).toBe("new");
    });
  });
});
