import { describe, expect, it } from "vitest";
import { entity, extract, relation, triples } from "./helpers.ts";

describe("extract", () => {
  describe("entity resolution", () => {
    it("joins a body's trading name to it, there and after: 'Wana Corporate, which trades as Inwi'", () => {
      const r = extract(
        "The complaint came from Wana Corporate, which trades as Inwi. Inwi, which is controlled by Al Mada, welcomed it.",
      );
      expect(entity(r, "Wana Corporate")?.aliases).toContain("Inwi");
      expect(r.entities.filter((e) => e.label === "Inwi")).toEqual([]);
    });

    it("joins a party's adjective to the party named by its members' plural: 'Socialist leader' of the Party of Socialists", () => {
      const r = extract(
        "Lawmakers from the Party of Socialists filed the complaint. Socialist leader Igor Dodon welcomed the ruling.",
      );
      expect(r.entities.filter((e) => e.type === "organization").map((e) => e.label)).toEqual(["Party of Socialists"]);
      expect(relation(r, "igor-dodon", "leads", "party-of-socialists")).toBeDefined();
    });

    it("joins a surname to the full name seen in the same document, even before it, and records the merge", () => {
      const r = extract("Lindner resigned. Later, Christian Lindner spoke to reporters in Berlin.");
      const people = r.entities.filter((e) => e.type === "person");
      expect(people.map((p) => p.label)).toEqual(["Christian Lindner"]);
      expect(people[0].mentions).toHaveLength(2);
      expect(r.merges).toContainEqual({
        entity: "christian-lindner",
        surface: "Lindner",
        start: 0,
        end: 7,
        rule: "surname",
      });
    });

    it("joins the first of two surnames to its person, but not a middle given name", () => {
      const r = extract(
        "Uruguay appointed Valentina Echeverry Sosa as its ambassador. Echeverry, 54, represented Uruguay in talks. " +
          "Sarah Jessica Parker starred. Jessica said no.",
      );
      expect(entity(r, "Valentina Echeverry Sosa")?.aliases).toContain("Echeverry");
      expect(entity(r, "Sarah Jessica Parker")?.aliases ?? []).not.toContain("Jessica");
    });

    it("joins an acronym used in a headline to the body whose name the text later gives it in brackets", () => {
      const r = extract(
        "Council withholds money from SEPTA\n\nThe council voted to withhold 40 million dollars from the " +
          "Southeastern Pennsylvania Transportation Authority (SEPTA) until service returns.",
      );
      expect(entity(r, "Southeastern Pennsylvania Transportation Authority")?.aliases).toContain("SEPTA");
      expect(r.entities.filter((e) => e.label === "SEPTA")).toEqual([]);
    });

    it("joins a party's members' name and its name without the demonym to the party", () => {
      const r = extract(
        "Social Democrats win vote\n\nThe Social Democratic Party of Austria (SPÖ) won. Its leader met the Austrian " +
          "People's Party, the Social Democrats' partner. The People's Party, whose chairman, Florian Tschernutter, " +
          "took 17.9 percent, lost.",
      );
      expect(entity(r, "Social Democratic Party of Austria")?.aliases).toContain("Social Democrats");
      expect(entity(r, "Austrian People's Party")?.aliases).toContain("People's Party");
      expect(triples(r)).toContain("florian-tschernutter leads austrian-people-s-party");
    });

    it("joins a name used alone to the one person whose two-word name opens with it, unless it is a given name", () => {
      const r = extract(
        "The court overturned the conviction of Roslan Jaafar. Roslan, 61, was sentenced in 2024. William Hale " +
          "came too. William said so.",
      );
      expect(entity(r, "Roslan Jaafar")?.aliases).toContain("Roslan");
      expect(entity(r, "William Hale")?.aliases ?? []).not.toContain("William");
    });

    it("does not join a surname that two people of the document share", () => {
      const r = extract("Maria Garcia met Jose Garcia in Madrid. Garcia said the talks went well.");
      expect(r.entities.filter((e) => e.type === "person").map((p) => p.label)).toEqual(
        expect.arrayContaining(["Maria Garcia", "Jose Garcia"]),
      );
      expect(r.merges.some((m) => m.rule === "surname")).toBe(false);
    });

    it("resolves a capital that acts to its state", () => {
      const r = extract("Kyiv submitted a proposal on Monday.");
      expect(entity(r, "Ukraine")).toMatchObject({ type: "country", aliases: ["Kyiv"] });
      expect(r.merges).toContainEqual(
        expect.objectContaining({ surface: "Kyiv", rule: "metonymy", entity: "ukraine" }),
      );
    });

    it("keeps a capital that is only a place as a location of its own", () => {
      const r = extract("Officials in Berlin fear new tariffs.");
      expect(entity(r, "Berlin")).toMatchObject({ type: "location" });
      expect(entity(r, "Germany")).toBeUndefined();
    });

    it("resolves a seat of government named in the ontology to its state", () => {
      const r = extract("The White House accused Moscow of using food as a weapon.");
      expect(entity(r, "United States")?.aliases).toContain("White House");
      expect(entity(r, "Russia")?.aliases).toContain("Moscow");
    });

    it("links plural demonyms to their state", () => {
      const r = extract("The Ukrainians doubt the offer. Russians are divided.");
      expect(entity(r, "Ukraine")?.aliases).toContain("Ukrainians");
      expect(entity(r, "Russia")?.aliases).toContain("Russians");
      expect(r.merges.filter((m) => m.rule === "demonym")).toHaveLength(2);
    });

    it("makes a demonym with a group noun a group affiliated with its state", () => {
      const r = extract("Russian forces hit the port of Odesa.");
      expect(entity(r, "Russian forces")).toMatchObject({ type: "group" });
      expect(r.relations).toContainEqual(
        expect.objectContaining({
          source: "russian-forces",
          predicate: "affiliated_with",
          target: "russia",
          kind: "typed",
        }),
      );
    });

    it("joins an acronym to the organisation whose initials it spells", () => {
      const r = extract("The Competition and Markets Authority approved the deal. The CMA had blocked it in April.");
      expect(entity(r, "Competition and Markets Authority")?.aliases).toContain("CMA");
      expect(r.merges).toContainEqual(expect.objectContaining({ surface: "CMA", rule: "acronym" }));
    });

    it("joins an acronym in brackets right after an organisation's name, whatever its letters, and its later uses", () => {
      const r = extract(
        "Germany's Federal Institute for Occupational Safety and Health (BAuA) ordered it. The BAuA said so.",
      );
      const body = entity(r, "Federal Institute for Occupational Safety and Health");
      expect(body?.aliases).toContain("BAuA");
      expect(r.entities.filter((e) => e.label === "BAuA")).toEqual([]);
      const port = extract("The Maritime and Port Authority of Singapore (MPA) said so. The MPA said no one was hurt.");
      expect(port.entities.map((e) => e.label)).toEqual(["Maritime and Port Authority of Singapore"]);
    });

    it("joins a capitalised particle surname and the name before 'da' to the person's full name", () => {
      const r = extract(
        "The deputy governor Pieter van Rensburg disagreed; Van Rensburg has warned before. " +
          "Luiz Inácio Lula da Silva opened the summit, but Lula did not back the idea.",
      );
      expect(entity(r, "Pieter van Rensburg")?.aliases).toContain("Van Rensburg");
      expect(entity(r, "Luiz Inácio Lula da Silva")?.aliases).toContain("Lula");
      expect(r.entities.filter((e) => e.label === "Van Rensburg" || e.label === "Lula")).toEqual([]);
    });

    it("joins a bracketed name of any capitalisation right after a body, and its later uses", () => {
      const r = extract(
        "The Congress of South African Trade Unions (Cosatu) said the cut was too small. Cosatu wants more.",
      );
      expect(entity(r, "Congress of South African Trade Unions")?.aliases).toContain("Cosatu");
      expect(r.entities.filter((e) => e.label === "Cosatu")).toEqual([]);
    });

    it("joins a short name to the one organisation it begins", () => {
      const r = extract("Microsoft bought Activision Blizzard. Activision will keep its studios.");
      expect(entity(r, "Activision Blizzard")?.aliases).toContain("Activision");
    });

    it("does not fuse two things that share a name but not a type", () => {
      const r = extract("The Washington Examiner reported that Washington rejected the plan.");
      expect(entity(r, "Washington Examiner")?.type).toBe("organization");
      expect(entity(r, "United States")?.aliases).toContain("Washington");
    });

    it("resolves names to the nodes of a given graph first, with the graph's ids", async () => {
      const { MultiDirectedGraph } = await import("graphology");
      const graph = new MultiDirectedGraph();
      graph.addNode("pod", { label: "Mykhailo Podolyak", type: "person", aliases: ["Podolyak"] });
      const r = extract("Podolyak said the talks were real.", { graph: graph as never });
      expect(entity(r, "Mykhailo Podolyak")).toMatchObject({ id: "pod", known: "graph" });
    });

    it("reads a football club's town name as the club the text names in full, but not after 'in'", () => {
      const r = extract(
        "Arsenal beat Newcastle United. Newcastle, who are managed by Eddie Howe, led. Newcastle captain Bruno " +
          "Guimarães was booked. He lives in Newcastle.",
      );
      expect(entity(r, "Newcastle United")?.aliases).toContain("Newcastle");
      expect(relation(r, "eddie-howe", "leads", "newcastle-united")).toBeDefined();
      expect(r.entities.find((e) => e.label === "Newcastle")?.type).toBe("location");
    });

    it("reads a team's plural name as the team a town's name and that word name, even after 'who'", () => {
      const r = extract("Roper joins the New York Knicks. He spent four seasons with the Knicks, who drafted him.");
      expect(entity(r, "New York Knicks")?.aliases).toContain("Knicks");
      expect(r.entities.filter((e) => e.label === "Knicks")).toHaveLength(0);
      const isles = extract("He was Lord of the Isles. The Western Isles Council met.");
      expect(entity(isles, "Western Isles Council")?.aliases ?? []).not.toContain("Isles");
    });

    describe("common-noun names of graph nodes", () => {
      async function talksGraph() {
        const { MultiDirectedGraph } = await import("graphology");
        const graph = new MultiDirectedGraph();
        graph.addNode("ukraine", { label: "Ukraine", type: "country", aliases: [] });
        graph.addNode("russia", { label: "Russia", type: "country", aliases: [] });
        graph.addNode("talks", { label: "Ukraine–Russia peace talks", type: "event", aliases: ["peace talks"] });
        graph.addNode("guarantees", { label: "security guarantees", type: "concept", aliases: [] });
        graph.addNode("pod", { label: "Mykhailo Podolyak", type: "person", aliases: ["Podolyak"] });
        graph.addDirectedEdge("ukraine", "talks", { predicate: "participates_in" });
        graph.addDirectedEdge("russia", "talks", { predicate: "participates_in" });
        graph.addDirectedEdge("ukraine", "guarantees", { predicate: "seeks" });
        return graph as never;
      }

      it("do not pull another document's mentions onto the graph's node", async () => {
        const graph = await talksGraph();
        const r = extract("Armenia and Azerbaijan resumed peace talks in Washington on security guarantees.", {
          graph,
        });
        expect(r.entities.map((e) => e.id)).not.toContain("talks");
        expect(r.entities.map((e) => e.id)).not.toContain("guarantees");
        expect(r.entities.some((e) => e.known === "graph" && e.aliases.includes("peace talks"))).toBe(false);
      });

      it("resolve when the document names enough of the node's neighbours", async () => {
        const graph = await talksGraph();
        const r = extract("Ukraine and Russia resumed peace talks in Istanbul.", { graph });
        expect(r.entities.find((e) => e.id === "talks")).toMatchObject({ known: "graph", aliases: ["peace talks"] });
      });

      it("leave proper-name aliases resolving in any document", async () => {
        const graph = await talksGraph();
        const r = extract("Podolyak said Armenia and Azerbaijan resumed peace talks.", { graph });
        expect(entity(r, "Mykhailo Podolyak")).toMatchObject({ id: "pod", known: "graph" });
        expect(r.entities.map((e) => e.id)).not.toContain("talks");
      });
    });

    it("gives every mention's offsets as JavaScript string indices of the text", () => {
      const text = "“Kyiv’s” lead negotiator, Mykhailo Podolyak, met Moscow’s envoy.";
      const r = extract(text);
      for (const e of r.entities)
        for (const m of e.mentions) expect([e.label, ...e.aliases]).toContain(text.slice(m.start, m.end));
    });

    it("types names from their words and context", () => {
      const r = extract(
        "Chancellor Olaf Scholz met officials of the Federal Trade Commission at the Santiago Bernabeu stadium in Sochi.",
      );
      expect(entity(r, "Olaf Scholz")?.type).toBe("person");
      expect(entity(r, "Federal Trade Commission")?.type).toBe("organization");
      expect(entity(r, "Santiago Bernabeu")?.type).toBe("location");
      expect(entity(r, "Sochi")?.type).toBe("location");
    });

    it("takes dates and amounts from wink-nlp, not for names", () => {
      const r = extract("The deal was brokered in July 2022 and cost $5 billion.");
      expect(r.entities.map((e) => [e.label, e.type])).toEqual(
        expect.arrayContaining([
          ["July 2022", "date"],
          ["$5 billion", "quantity"],
        ]),
      );
      expect(r.entities.some((e) => e.label === "July" && e.type === "location")).toBe(false);
    });

    it("gives the same output for the same input", () => {
      const text = "Satya Nadella, the chief executive of Microsoft, welcomed the decision by Britain's regulator.";
      expect(JSON.stringify(extract(text))).toBe(JSON.stringify(extract(text)));
    });
  });
});

describe("extract", () => {
  describe("more resolution rules", () => {
    it("keeps capitals coordinated after a locative preposition as places", () => {
      const r = extract("Regulators in Washington and Brussels must approve it.");
      expect(r.entities.map((e) => [e.label, e.type])).toEqual([
        ["Washington", "location"],
        ["Brussels", "location"],
      ]);
    });

    it("types a compass word before a known place as a place, and a brand-like name as an organisation", () => {
      const r = extract("A site in Belfast, Northern Ireland, builds parts for Spirit AeroSystems.");
      expect(entity(r, "Northern Ireland")?.type).toBe("location");
      expect(entity(r, "Spirit AeroSystems")?.type).toBe("organization");
    });

    it("keeps a capitalised common word only when it joins a name", () => {
      const joined = extract("Boeing will buy Spirit AeroSystems. Spirit's chief executive, Pat Shanahan, agreed.");
      expect(entity(joined, "Spirit AeroSystems")?.aliases).toContain("Spirit");
      expect(triples(joined)).toContain("pat-shanahan leads spirit-aerosystems");
      const alone = extract("Several days ago, they met. Environmental groups left. Western leaders disagreed.");
      expect(alone.entities.filter((e) => e.type !== "date")).toEqual([]);
    });

    it("names a numbered clause as an agreement", () => {
      expect(entity(extract("Members invoked Article 5 after the attack."), "Article 5")?.type).toBe("agreement");
    });
  });
});

describe("extract", () => {
  describe("names in context", () => {
    it("splits 'X of Y' between a person and an organisation, but keeps 'Bank of England'", () => {
      const r = extract("The race was won by George Russell of Mercedes. The Bank of England held rates.");
      expect(entity(r, "George Russell")?.type).toBe("person");
      expect(entity(r, "Mercedes")?.type).toBe("organization");
      expect(entity(r, "Bank of England")?.type).toBe("organization");
    });

    it("gives all mentions of one unknown name the type most of them got", () => {
      const r = extract("He won in Las Vegas. The Las Vegas race drew a crowd.");
      expect(r.entities.filter((e) => e.label === "Las Vegas").map((e) => e.type)).toEqual(["location"]);
    });

    it("joins the first words of an organisation's name to it", () => {
      const r = extract("Christian Horner runs Red Bull Racing. Red Bull won again.");
      expect(entity(r, "Red Bull Racing")?.aliases).toContain("Red Bull");
    });

    it("does not take a demonym noun for a name", () => {
      expect(extract("The Dutchman won again.").entities).toEqual([]);
    });

    it("joins a name to the club or firm the text also names with a designator, but not after a locative", () => {
      const r = extract(
        "FC Porto signed Matías Ferreyra. Rui Tavares, Porto's president, was pleased. Fans in Porto cheered.",
      );
      expect(entity(r, "FC Porto")?.aliases).toContain("Porto");
      expect(r.entities.find((e) => e.label === "Porto")?.type).toBe("location");
      expect(r.merges).toContainEqual(
        expect.objectContaining({ entity: "fc-porto", surface: "Porto", rule: "short-name" }),
      );
    });

    it("strips a national's noun written like a title before a name: the Swede X", () => {
      const r = extract("Porto confirmed the Swede Anders Lindqvist as coach. Finn Russell kicked a goal.");
      expect(entity(r, "Anders Lindqvist")?.type).toBe("person");
      expect(entity(r, "Finn Russell")?.type).toBe("person");
    });

    it("joins a headline's short form, typed a person only by its look, to the one organisation it starts", () => {
      const r = extract(
        "Watchdog fines Ashford Mercantile over failures\n\nThe Financial Conduct Authority fined Ashford Mercantile Bank.",
      );
      expect(entity(r, "Ashford Mercantile Bank")?.aliases).toContain("Ashford Mercantile");
      expect(r.entities.filter((e) => e.type === "person")).toEqual([]);
    });
  });

  it("joins a body's lone head word to the one body whose name it ends, but not a state's army to a longer-named one", () => {
    const r = extract("The European Commission fined Kestrel. A Commission spokeswoman, Lea Zanetti, told reporters.");
    expect(r.entities.filter((e) => e.type === "organization").map((e) => e.label)).toEqual(
      expect.not.arrayContaining(["Commission"]),
    );
    expect(relation(r, "lea-zanetti", "official_of", "european-commission")).toBeDefined();
    const army = extract("He fought for the Confederate States Army. Later he entered the Army as a general.");
    expect(army.merges.some((m) => m.surface === "Army")).toBe(false);
  });

  describe("ambiguous surnames and short forms", () => {
    it("joins a surname two people share to the only one named before it, and leaves it alone when both were", () => {
      const r = extract(
        "Kejriwal lost his seat to Parvesh Verma. Verma, 47, is the son of Sahib Singh Verma. " +
          "Sheila Dikshit ran the city until 2013. Dikshit's son, Sandeep Dikshit, came third.",
      );
      expect(entity(r, "Parvesh Verma")?.aliases).toContain("Verma");
      expect(entity(r, "Sheila Dikshit")?.aliases).toContain("Dikshit");
      expect(r.entities.filter((e) => e.label === "Verma" || e.label === "Dikshit")).toEqual([]);
      const both = extract("Sir George Prévost was born in 1767, the son of Augustine Prévost. Prévost served abroad.");
      expect(entity(both, "George Prévost")?.aliases ?? []).not.toContain("Prévost");
      expect(entity(both, "Augustine Prévost")?.aliases ?? []).not.toContain("Prévost");
    });

    it("keeps a surname a noun introduces as someone new, though one namesake came before", () => {
      const r = extract(
        "Vineeth Sreenivasan is a singer. Vineeth is the son of the screenwriter Sreenivasan. " +
          "His brother Dhyan Sreenivasan acts.",
      );
      expect(entity(r, "Vineeth Sreenivasan")?.aliases ?? []).not.toContain("Sreenivasan");
    });

    it("joins a given name used alone to a three-word name that opens with it", () => {
      const r = extract("Purbaya Yudhi Sadewa was sworn in as finance minister. Purbaya, 61, ordered the transfer.");
      expect(entity(r, "Purbaya Yudhi Sadewa")?.aliases).toContain("Purbaya");
    });

    it("joins a body's last words to the body named after someone, but not to a name joined by 'of'", () => {
      const r = extract(
        "Rubin Observatory finds icy world\n\nAstronomers using the Vera C. Rubin Observatory in Chile found it. " +
          "The American Friends of the Prado Museum paid. The Prado Museum said so.",
      );
      expect(entity(r, "Vera C. Rubin Observatory")?.aliases).toContain("Rubin Observatory");
      expect(entity(r, "Prado Museum")).toBeDefined();
      const assembly = extract(
        "She led the Malagasy National Assembly. In 2013 she was elected to the National Assembly.",
      );
      expect(entity(assembly, "National Assembly")).toBeDefined();
    });

    it("joins a body's name without its opening 'Bank' or 'Banco' to the body", () => {
      const r = extract(
        "Bank Mazowsze agreed to merge. JPMorgan advised Mazowsze. Banco Sabadell rejected a bid. Sabadell said so.",
      );
      expect(entity(r, "Bank Mazowsze")?.aliases).toContain("Mazowsze");
      expect(entity(r, "Banco Sabadell")?.aliases).toContain("Sabadell");
    });

    it("joins an acronym to the body whose name it abbreviates, though a quotation opens with 'The' before it", () => {
      const r = extract(
        'It ousted the Aam Aadmi Party (AAP). "The AAP won Delhi as a movement," said Neha Bhardwaj. The AAP lost.',
      );
      expect(entity(r, "Aam Aadmi Party")?.mentions).toHaveLength(4);
      expect(r.entities.some((e) => e.label.startsWith("The "))).toBe(false);
    });
  });
});
