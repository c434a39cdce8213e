/**
 * Short forms across documents: a later article's surname or first words of a name join the one node of the type
 * an earlier article named in full, as a merge of its own rule; two candidates, or another type, mean a new node.
 */
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { resolveExtraction } from "../../src/ingest/resolve.ts";
import { shortFormIndex, shortFormsOf, shortFormTarget, withoutTitle } from "../../src/ingest/shortForm.ts";
import type { EntityAttributes, EntityType, KnowledgeGraph } from "../../src/model/types.ts";
import { loadDataset } from "../../src/store/load.ts";

const ONTOLOGY = loadDataset().ontology;

function graphOf(nodes: [string, string, EntityType][]): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  for (const [id, label, type] of nodes) graph.addNode(id, { label, type, aliases: [] } as unknown as EntityAttributes);
  return graph;
}

/**
 * How `label` (of `type`) resolves against `graph` in an article that also names `context` (labels of nodes of the
 * graph, resolved by label).
 */
function resolveName(graph: KnowledgeGraph, label: string, type: EntityType, context: string[] = []) {
  const names = [label, ...context];
  const text = `${names.join(" and ")} spoke.`;
  const entities = names.map((name, i) => {
    const start = text.indexOf(name);
    const t =
      i === 0
        ? type
        : graph.getNodeAttribute(
            graph.findNode((_, a) => a.label === name)!,
            "type",
          );
    return { id: `x${i}`, label: name, type: t, aliases: [], mentions: [{ start, end: start + name.length }] };
  });
  const extraction = { entities, relations: [] };
  const [entity] = resolveExtraction({ graph, ontology: ONTOLOGY, docId: "doc", text, extraction }).file.entities;
  return { entity: entity.entity, rule: entity.rule };
}

describe("ingest", () => {
  describe("shortFormsOf", () => {
    it("gives a person's surname and an organisation's name without its designator, and nothing for one word", () => {
      expect(shortFormsOf("Vladimir Putin", "person")).toEqual(["putin"]);
      expect(shortFormsOf("Jean-Luc Godard", "person")).toEqual(["godard"]);
      expect(shortFormsOf("Microsoft Corp.", "organization")).toEqual(["microsoft"]);
      expect(shortFormsOf("The Volkswagen Group", "organization")).toEqual(["volkswagen"]);
      expect(shortFormsOf("Putin", "person")).toEqual([]);
      expect(shortFormsOf("New Zealand", "country")).toEqual([]);
    });

    it("gives no first words of an organisation, no part of a hyphenated name and no initials", () => {
      expect(shortFormsOf("Harvard University", "organization")).toEqual([]);
      expect(shortFormsOf("Anna Kurdish-Turkish", "person")).toEqual(["kurdish turkish"]);
      expect(shortFormsOf("Jo Li", "person")).toEqual([]);
    });
  });

  describe("shortFormsOf organisations", () => {
    it("gives a club's name without the designator before it and a long name's acronym", () => {
      expect(shortFormsOf("FC Graz", "organization")).toEqual(["graz"]);
      expect(shortFormsOf("European Central Bank", "organization")).toEqual(["=ecb"]);
      expect(shortFormsOf("Competition and Markets Authority", "organization")).toEqual(["=cma"]);
      expect(shortFormsOf("NATO", "organization")).toEqual(["#nato"]);
    });

    it("gives no acronym of two words or of words in lower case", () => {
      expect(shortFormsOf("Halvorsen Group", "organization")).toEqual(["halvorsen"]);
      expect(shortFormsOf("Bank of england", "organization")).toEqual([]);
    });
  });

  describe("withoutTitle", () => {
    it("drops the titles before a name but never the whole name", () => {
      expect(withoutTitle("President Marko Vidmar")).toBe("Marko Vidmar");
      expect(withoutTitle("Ms Halvorsen")).toBe("Halvorsen");
      expect(withoutTitle("Prime Minister Vidmar")).toBe("Vidmar");
      expect(withoutTitle("President")).toBe("President");
    });
  });

  describe("shortFormTarget", () => {
    const index = shortFormIndex([
      { id: "vladimir-putin", label: "Vladimir Putin", type: "person" },
      { id: "anna-smith", label: "Anna Smith", type: "person" },
      { id: "john-smith", label: "John Smith", type: "person" },
    ]);

    it("finds the one node a surname stands for, also after a title", () => {
      expect(shortFormTarget(index, "Putin", "person")).toBe("vladimir-putin");
      expect(shortFormTarget(index, "President Putin", "person")).toBe("vladimir-putin");
    });

    it("finds an organisation by its acronym and by the name its acronym stands for", () => {
      const firms = shortFormIndex([
        { id: "ecb", label: "European Central Bank", type: "organization" },
        { id: "sfo", label: "SFO", type: "organization" },
      ]);
      expect(shortFormTarget(firms, "ECB", "organization")).toBe("ecb");
      expect(shortFormTarget(firms, "Serious Fraud Office", "organization")).toBe("sfo");
      expect(shortFormTarget(firms, "ECB", "person")).toBeNull();
    });

    it("finds no organisation by a long name that only shares its initials", () => {
      const firms = shortFormIndex([{ id: "ldp", label: "Liberal Democratic Party", type: "organization" }]);
      expect(shortFormTarget(firms, "Legendary Dolly Parton", "organization")).toBeNull();
      expect(shortFormTarget(firms, "LDP", "organization")).toBe("ldp");
    });

    it("finds nothing for a surname two people share, a full name or another type", () => {
      expect(shortFormTarget(index, "Smith", "person")).toBeNull();
      expect(shortFormTarget(index, "Lyudmila Putin", "person")).toBeNull();
      expect(shortFormTarget(index, "Putin", "organization")).toBeNull();
    });
  });

  describe("resolveExtraction with short forms", () => {
    const graph = graphOf([
      ["vladimir-putin", "Vladimir Putin", "person"],
      ["russia", "Russia", "country"],
      ["kremlin", "Kremlin", "organization"],
      ["microsoft-corp", "Microsoft Corp.", "organization"],
      ["activision", "Activision", "organization"],
      ["anna-smith", "Anna Smith", "person"],
      ["john-smith", "John Smith", "person"],
      ["putin-foundation", "Putin", "organization"],
    ]);
    graph.addEdge("vladimir-putin", "russia");
    graph.addEdge("vladimir-putin", "kremlin");
    graph.addEdge("microsoft-corp", "activision");

    it("joins a surname to the one person named in full when the article names a neighbour of theirs", () => {
      expect(resolveName(graph, "Putin", "person", ["Kremlin"])).toEqual({
        entity: "vladimir-putin",
        rule: "short-form",
      });
    });

    it("takes no country for evidence: unrelated articles share countries", () => {
      expect(resolveName(graph, "Putin", "person", ["Russia"])).toEqual({ entity: "putin", rule: "new" });
    });

    it("makes a new node of a surname in an article that names nothing around the person", () => {
      expect(resolveName(graph, "Putin", "person", ["Activision"])).toEqual({ entity: "putin", rule: "new" });
    });

    it("joins a firm's name without its designator to the firm", () => {
      expect(resolveName(graph, "Microsoft", "organization", ["Activision"])).toEqual({
        entity: "microsoft-corp",
        rule: "short-form",
      });
    });

    it("makes a new node when two people share the surname", () => {
      expect(resolveName(graph, "Smith", "person")).toEqual({ entity: "smith", rule: "new" });
    });

    it("prefers a node of the type carrying the name itself", () => {
      expect(resolveName(graph, "Putin", "organization")).toEqual({ entity: "putin-foundation", rule: "label" });
    });
  });
});

describe("ingest", () => {
  describe("resolveExtraction of one article naming an entity twice", () => {
    it("makes one node of two names that differ only in accents", () => {
      const text = "Dinamo București beat Dinamo Bucureşti.";
      const entity = (id: string, label: string, start: number) => ({
        id,
        label,
        type: "organization" as const,
        aliases: [],
        mentions: [{ start, end: start + label.length }],
      });
      const extraction = {
        entities: [entity("a", "Dinamo București", 0), entity("b", "Dinamo Bucureşti", 22)],
        relations: [],
      };
      const graph = graphOf([]);
      const { entities } = resolveExtraction({ graph, ontology: ONTOLOGY, docId: "doc", text, extraction }).file;
      expect(entities.map((e) => [e.entity, e.rule])).toEqual([
        ["dinamo-bucuresti", "new"],
        ["dinamo-bucuresti", "label"],
      ]);
    });
  });
});
