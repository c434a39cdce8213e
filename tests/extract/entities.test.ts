import { describe, expect, it } from "vitest";
import { entity, extract, relation } from "./helpers.ts";

const labels = (text: string) => extract(text).entities.map((e) => e.label);

describe("extract", () => {
  describe("work titles", () => {
    it("reads a party's adjective before a noun of its people as the party, but not a faith or 'Independent'", () => {
      expect(entity(extract("He sat in the assembly as a Liberal member until 1920."), "Liberal")?.type).toBe(
        "organization",
      );
      const r = extract("She ran as an Independent candidate against a Christian politician.");
      expect(entity(r, "Independent")).toBeUndefined();
      expect(entity(r, "Christian")).toBeUndefined();
      expect(
        relation(
          extract("Peter McLellan, a Liberal politician, died in 2001."),
          "peter-mclellan",
          "member_of",
          "liberal",
        ),
      ).toBeDefined();
    });

    it("keeps a title after a work noun whole, function words and all", () => {
      const r = extract("Critics loved the film The Lord of the Rings when it opened.");
      expect(entity(r, "The Lord of the Rings")?.type).toBe("work");
      expect(entity(r, "Rings")).toBeUndefined();
    });

    it("does not read two bodies opening a paragraph with 'The' as a title", () => {
      const r = extract("He took office.\n\nThe World Bank and the Inter-American Development Bank announced loans.");
      expect(entity(r, "World Bank")?.type).toBe("organization");
      expect(entity(r, "Inter-American Development Bank")?.type).toBe("organization");
      expect(r.entities.some((e) => e.type === "work")).toBe(false);
    });

    it("reads a title before a parenthesised year and work noun", () => {
      const r = extract("She starred in Under the Silver Lake (2018 film) with a small cast.");
      expect(entity(r, "Under the Silver Lake")?.type).toBe("work");
    });

    it("reads a quoted title in Title Case, but not a quoted sentence", () => {
      const r = extract('The band released "Lose Control Tonight" in May. He called it "a real negotiation".');
      expect(entity(r, "Lose Control Tonight")?.type).toBe("work");
      expect(r.entities.some((e) => e.label.includes("negotiation"))).toBe(false);
    });

    it("reads a title after a possessive and a work noun", () => {
      const r = extract("Her novel Wolf Hall won the prize, and the game Halo Infinite sold well.");
      expect(entity(r, "Wolf Hall")?.type).toBe("work");
      expect(entity(r, "Halo Infinite")?.type).toBe("work");
    });

    it("ends a title that opens its sentence at the verb describing it as a work", () => {
      const r = extract("Silent Harbour is a 2004 Polish drama film directed by Tomasz Nowak.");
      expect(entity(r, "Silent Harbour")?.type).toBe("work");
      expect(entity(r, "Tomasz Nowak")?.type).toBe("person");
    });

    it("reads a title that opens a sentence describing a work", () => {
      const r = extract("Snoopy and His Friends is the third album by the group.");
      expect(entity(r, "Snoopy and His Friends")?.type).toBe("work");
    });

    it("keeps every later mention of a marked title whole", () => {
      const r = extract("The maker of Call of Duty agreed the sale. Sony wants Call of Duty on its console.");
      expect(entity(r, "Call of Duty")).toMatchObject({ type: "work" });
      expect(entity(r, "Call of Duty")?.mentions).toHaveLength(2);
      expect(entity(r, "Duty")).toBeUndefined();
    });

    it("keeps organisations and places whose names hold 'of' as organisations", () => {
      const r = extract("The Bank of England raised rates. She studied at the University of Oxford.");
      expect(entity(r, "Bank of England")?.type).toBe("organization");
      expect(entity(r, "University of Oxford")?.type).toBe("organization");
    });

    it("does not read a person's name before a verb as a title, but reads another word there as one", () => {
      const r = extract("The album Taylor Swift released topped the charts. The film Oppenheimer won seven awards.");
      expect(entity(r, "Taylor Swift")?.type).toBe("person");
      expect(entity(r, "Oppenheimer")?.type).toBe("work");
    });

    it("does not read a quoted nickname as a title", () => {
      const r = extract('Tigran Petrosian was nicknamed "Iron Tigran" by the press.');
      expect(entity(r, "Iron Tigran")?.type).not.toBe("work");
    });
  });

  describe("calendar words", () => {
    it("never makes a month or weekday an organisation or a person", () => {
      const r = extract("Talks resumed on Monday. In March Reuters reported a deal, which closed Sept. 4.");
      for (const word of ["Monday", "March", "Sept."])
        expect(r.entities.filter((e) => e.label === word && /person|organization/.test(e.type))).toEqual([]);
      expect(entity(r, "Reuters")).toBeDefined();
      expect(entity(r, "March Reuters")).toBeUndefined();
    });

    it("keeps a person whose name holds a month", () => {
      const r = extract("Theresa May met the king in May.");
      expect(entity(r, "Theresa May")?.type).toBe("person");
      expect(r.entities.filter((e) => e.label === "May" && e.type !== "date")).toEqual([]);
    });
  });

  describe("typing from context", () => {
    it("types a firm whose name looks like a person's from what happens to it", () => {
      for (const text of [
        "Regulators let Rival Corp acquire Jordan Blake last year.",
        "Jordan Blake was acquired by a private equity group.",
        "Jordan Blake's chief executive resigned.",
        "Jordan Blake, a Boston-based company, cut jobs.",
        "Jordan Blake advised the buyer on the transaction.",
        "Jordan Blake advised Canva, while Sorainen advised the sellers.",
        "The study appeared in the journal Jordan Blake on Monday.",
        "Marta Ricciardi, a critic for the Rome daily Jordan Blake, said so.",
        "The probe was launched on a rocket operated by Jordan Blake.",
      ])
        expect(entity(extract(text), "Jordan Blake")?.type, text).toBe("organization");
      expect(entity(extract("Biden advised Jordan Blake to wait."), "Jordan Blake")?.type).not.toBe("organization");
    });

    it("reads a last word of a firm's trade or a basin as the name's kind", () => {
      const r = extract("Australian explorer Tasman Offshore found oil in Namibia's Orange Basin.");
      expect(entity(r, "Tasman Offshore")?.type).toBe("organization");
      expect(entity(r, "Orange Basin")?.type).toBe("location");
    });

    it("types an organisation from its suffix", () => {
      expect(entity(extract("Harlan Rhodes Partners bought the site."), "Harlan Rhodes Partners")?.type).toBe(
        "organization",
      );
    });

    it("types a person whose name looks like a firm's from what they do", () => {
      for (const text of [
        "Blue Harbor, 54, runs the fund.",
        "Blue Harbor said he would stay on.",
        "The board appointed Blue Harbor on Tuesday.",
        "Blue Harbor was born in Ohio.",
      ])
        expect(entity(extract(text), "Blue Harbor")?.type, text).toBe("person");
    });

    it("reads a person from a birth year or lifespan in brackets", () => {
      expect(entity(extract("Blue Harbor (1801–1870) was a banker."), "Blue Harbor")?.type).toBe("person");
      expect(entity(extract("Blue Harbor (born 1950) sings."), "Blue Harbor")?.type).toBe("person");
    });

    it("keeps a first name or regnal name with 'of' and a place as one person", () => {
      const r = extract("He was a son of John of Luxembourg and served Philip V of Spain.");
      expect(entity(r, "John of Luxembourg")?.type).toBe("person");
      expect(entity(r, "Philip V of Spain")?.type).toBe("person");
      expect(labels("George Russell of Mercedes won.")).toEqual(expect.arrayContaining(["George Russell", "Mercedes"]));
    });

    it("lets one strong cue type every mention of the name in the document", () => {
      const r = extract("Shares of Jordan Blake fell sharply. Later, Jordan Blake said prices would recover.");
      expect(r.entities.filter((e) => e.label === "Jordan Blake").map((e) => e.type)).toEqual(["organization"]);
    });

    it("does not read a relative clause after a place as a person's", () => {
      const r = extract("Residents' groups in Gràcia, who have marched for years, welcomed it.");
      expect(entity(r, "Gràcia")?.type).toBe("location");
    });

    it("reads an organisation from an apposition", () => {
      const r = extract("The Greens, the third partner in the government, said they would stay.");
      expect(entity(r, "Greens")?.type).toBe("organization");
    });

    it("reads a venue after 'at' and a place before ', <known place>'", () => {
      expect(entity(extract("He won the title at Flushing Meadows."), "Flushing Meadows")?.type).toBe("location");
      expect(entity(extract("She was born in St Louis, Missouri, in 1907."), "St Louis")?.type).toBe("location");
    });
  });

  describe("words that are no names", () => {
    it("reads a capital letter after a number as its unit and 'I'm' as the pronoun", () => {
      const r = extract('"I\'m very grateful," she said as it reached 49.1 C in Silopi.');
      expect(r.entities.map((e) => e.label)).not.toContain("C");
      expect(r.entities.map((e) => e.label)).not.toContain("I'm");
    });
  });

  describe("ranks", () => {
    it("strips a rank or title of nobility before a person's name", () => {
      const r = extract("General Lasalle charged at dawn. Princess Helen left the country.");
      expect(entity(r, "Lasalle")?.type).toBe("person");
      expect(entity(r, "Helen")?.type).toBe("person");
    });

    it("keeps firms and bodies whose names start with a rank word", () => {
      const r = extract("General Motors recalled cars. The General Assembly voted.");
      expect(entity(r, "General Motors")?.type).toBe("organization");
      expect(labels("The General Assembly voted.")).toContain("General Assembly");
    });
  });

  describe("places and bodies by their head words", () => {
    it("types a name led by a place word, or ending in one, as a place", () => {
      const r = extract("Lake Tana lies west of Mount Guna. Norris Reservoir floods the valley.");
      for (const name of ["Lake Tana", "Mount Guna", "Norris Reservoir"])
        expect(entity(r, name)?.type).toBe("location");
    });

    it("keeps an unknown body's name before an office ending with a rank: 'ANRT Director General X'", () => {
      const r = extract(
        "The National Telecommunications Regulatory Agency (ANRT) fined the firm. ANRT Director General Laila Tazi said so.",
      );
      expect(relation(r, "laila-tazi", "leads", "national-telecommunications-regulatory-agency")).toBeDefined();
      expect(extract("Lieutenant General Jane Doe spoke.").entities.map((e) => e.label)).toEqual(["Jane Doe"]);
    });

    it("ends a firm's name at its designator before 'of' a town: Radical Ventures of Toronto", () => {
      const r = extract("The round was led by Radical Ventures of Toronto and the Bank of Montreal.");
      expect(r.entities.map((e) => e.label).sort()).toEqual(["Bank of Montreal", "Radical Ventures", "Toronto"]);
    });

    it("types Kosovo as a state and reads 'Bosnia' as Bosnia and Herzegovina, but a territory stays a place", () => {
      const r = extract("Floods hit Bosnia and Herzegovina and Kosovo. In Bosnia, rivers rose. Guam stayed dry.");
      expect(entity(r, "Kosovo")?.type).toBe("country");
      expect(entity(r, "Bosnia and Herzegovina")?.aliases).toContain("Bosnia");
      expect(r.entities.filter((e) => e.label === "Bosnia")).toEqual([]);
      expect(entity(r, "Guam")?.type).toBe("location");
    });

    it("types a name the gazetteer knows as a town as a place", () => {
      expect(entity(extract("The road runs through Weiden am See."), "Weiden am See")?.type).toBe("location");
    });

    it("types regiments, railways and publishers as organisations", () => {
      const r = extract("He led the Smaalenene Infantry Regiment. It was printed by Orchard Books.");
      expect(entity(r, "Smaalenene Infantry Regiment")?.type).toBe("organization");
      expect(entity(r, "Orchard Books")?.type).toBe("organization");
    });
  });

  describe("given names read as other words", () => {
    it("keeps 'Per' before a name as its given name, but not before an article", () => {
      const r = extract("Per Mathis Kongsrud, the director general, said so. Per the agreement, Per Sandberg signed.");
      expect(entity(r, "Per Mathis Kongsrud")?.type).toBe("person");
      expect(entity(r, "Per Sandberg")?.type).toBe("person");
      expect(entity(r, "Mathis Kongsrud")).toBeUndefined();
    });
  });

  describe("qualified ranks", () => {
    it("strips a rank after its qualifiers, so the name is the person's alone", () => {
      const r = extract("Jones played Vice Admiral James Greer. The sons of the Mughal Emperor Shah Jahan fought.");
      expect(entity(r, "James Greer")?.type).toBe("person");
      expect(entity(r, "Shah Jahan")?.type).toBe("person");
      expect(r.entities.some((e) => /Admiral|Emperor/.test(e.label))).toBe(false);
    });

    it("strips an occupation written like a title before a full name, but not one a firm's name opens", () => {
      const r = extract(
        "Actor Pedro Alves won. She is coached by the former Olympian Hiroshi Takenaka. The label's founder, the " +
          "former DJ Ricardo Mattos Lage, praised her. Singer Sewing Company closed a plant.",
      );
      for (const name of ["Pedro Alves", "Hiroshi Takenaka", "Ricardo Mattos Lage"])
        expect(entity(r, name)?.type, name).toBe("person");
      expect(r.entities.some((e) => /^(?:Actor|Olympian|DJ) /.test(e.label))).toBe(false);
      expect(entity(r, "Singer Sewing Company")?.type).toBe("organization");
    });

    it("keeps a plural body's 'of' in its name and ends a firm's name at its abbreviated suffix", () => {
      const found = labels(
        "The dig was carried out with the National Museums of Kenya. " +
          "Pomorski was advised by Rothschild & Co. Shares in Pomorski rose 11 percent.",
      );
      expect(found).toContain("National Museums of Kenya");
      expect(found).toContain("Rothschild & Co.");
      expect(found).not.toContain("Rothschild & Co. Shares");
    });

    it("reads the story's first word after a dateline as a sentence's first", () => {
      const found = labels("Footprints found\n\nNAIROBI, Jan 22 - Fossil footprints found near Lake Turkana show it.");
      expect(found).toContain("Lake Turkana");
      expect(found).not.toContain("Fossil");
    });

    it("leaves a body whose name holds a rank word alone", () => {
      expect(labels("The United Nations General Assembly met in New York.")).toContain(
        "United Nations General Assembly",
      );
    });
  });

  describe("hyphenated given names", () => {
    it("keeps romanised given names whole", () => {
      const r = extract("Kim Won-yong was a South Korean archaeologist. Chiang Kai-shek fled to Taiwan.");
      expect(entity(r, "Kim Won-yong")?.type).toBe("person");
      expect(entity(r, "Chiang Kai-shek")?.type).toBe("person");
      expect(entity(extract("The firm's chief executive, Seo Dong-hyeok, said so."), "Seo Dong-hyeok")?.type).toBe(
        "person",
      );
    });

    it("does not read an adjective made with a hyphen as part of a name", () => {
      expect(labels("Moscow-based Lukoil bought a refinery.").some((l) => l.includes("based"))).toBe(false);
    });
  });

  describe("titles of office", () => {
    it("types a name after a judge's or senator's title as a person, even when it ends in a place word", () => {
      const r = extract("Judge Helen Marsh spoke to Senator Tom Bay on Monday.");
      expect(entity(r, "Helen Marsh")?.type).toBe("person");
      expect(entity(r, "Tom Bay")?.type).toBe("person");
    });

    it("strips an ombudsman's or a superintendent's title from the name after it", () => {
      const r = extract("Ombudsman Jesus Crispin Remulla and Financial Superintendent César Ferrari spoke.");
      expect(r.entities.map((e) => e.label)).toEqual(
        expect.arrayContaining(["Jesus Crispin Remulla", "César Ferrari"]),
      );
    });

    it("keeps a body named after a title word whole ('Justice Department')", () => {
      expect(entity(extract("The Justice Department sued Acme Corp."), "Justice Department")?.type).toBe(
        "organization",
      );
    });
  });

  describe("demonyms", () => {
    it("lets a demonym bring in its state when nothing else names it", () => {
      const r = extract("Anna Berg is a Swedish chemist who discovered manganese.");
      expect(entity(r, "Sweden")).toMatchObject({ type: "country", aliases: ["Swedish"] });
    });

    it("leaves an adjectival demonym out when the state is named", () => {
      const r = extract("Anna Berg is a Swedish chemist. She worked in Sweden for years.");
      expect(entity(r, "Sweden")?.aliases).not.toContain("Swedish");
    });

    it("brings in no state for a demonym that names a language or a currency", () => {
      const r = extract(
        'The union, known in French as CGSP Cheminots, struck. "We sing in Irish and English," she said.',
      );
      expect(entity(r, "France")).toBeUndefined();
      expect(entity(r, "England")).toBeUndefined();
      expect(entity(extract("The fund released 500,000 Swiss francs."), "Switzerland")).toBeUndefined();
      expect(entity(extract("He is a Swiss banker. In French politics he is unknown."), "Switzerland")?.type).toBe(
        "country",
      );
      expect(entity(extract("In French politics she is unknown."), "France")?.type).toBe("country");
    });

    it("reads demonyms of continents from the lexicon", () => {
      expect(entity(extract("The band began a European tour."), "Europe")?.type).toBe("location");
    });
  });

  describe("capitals as places", () => {
    it("keeps a capital named as a city a location of its own", () => {
      for (const text of [
        "Troops took part in the liberation of Paris.",
        "She was born in 1782 in Havana, Cuba.",
        "Oslo, the capital of Norway, was attacked.",
        "South Sudan became independent in 2011. Its current capital is Juba, its largest city.",
        "The novel is set in the central market of 19th-century Paris.",
      ]) {
        const r = extract(text);
        const city = r.entities.find((e) => ["Paris", "Havana", "Oslo", "Juba"].includes(e.label));
        expect(city?.type, text).toBe("location");
      }
    });

    it("still resolves a capital that acts to its state", () => {
      expect(entity(extract("Moscow rejected the plan."), "Russia")?.aliases).toContain("Moscow");
    });
  });

  describe("head words alone", () => {
    it("does not make a capitalised head word alone an entity", () => {
      const r = extract("The Government acknowledged the deal. He studied at the Academy for years.");
      expect(r.entities.map((e) => e.label)).toEqual([]);
    });

    it("keeps bodies named by their head alone and numbered names", () => {
      const r = extract("Congress passed the bill. The road joins Interstate 680 near town.");
      expect(entity(r, "Congress")).toBeDefined();
      expect(r.entities.some((e) => e.label.startsWith("Interstate"))).toBe(true);
    });
  });

  describe("demonyms in longer names", () => {
    it("keeps a demonym before a polity word inside the name", () => {
      const r = extract("The treaty was signed by the Dutch Republic and the Russian Empire.");
      expect(entity(r, "Dutch Republic")?.type).toBe("location");
      expect(entity(r, "Russian Empire")?.type).toBe("location");
      expect(entity(r, "Russia")).toBeUndefined();
    });
  });

  describe("roles inside a run of names", () => {
    it("splits a run at a role into the body and the holder", () => {
      const r = extract("The plan was backed by Georgia Governor Jimmy Carter and Vice-President Joe Biden.");
      expect(entity(r, "Jimmy Carter")?.type).toBe("person");
      expect(entity(r, "Joe Biden")?.type).toBe("person");
      expect(entity(r, "Georgia")).toBeDefined();
    });

    it("drops an office word before the role and keeps a firm there", () => {
      const r = extract("Defense Secretary Lloyd Austin met Microsoft Chief Executive Satya Nadella.");
      expect(r.entities.map((e) => [e.label, e.type])).toEqual(
        expect.arrayContaining([
          ["Lloyd Austin", "person"],
          ["Satya Nadella", "person"],
          ["Microsoft", "organization"],
        ]),
      );
      expect(entity(r, "Defense")).toBeUndefined();
    });
  });

  describe("brands written in lower case first", () => {
    it("finds names like iPhone and eBay", () => {
      const r = extract("Apple unveiled the iPhone in Cupertino, and eBay sold it.");
      expect(entity(r, "iPhone")).toBeDefined();
      expect(entity(r, "eBay")).toBeDefined();
    });
  });

  describe("words the tokenizer splits", () => {
    it("keeps a name whole across letters the tokenizer splits at", () => {
      const r = extract("He moved to Timișoara in 2002 and later to Vakıflar Bankası.");
      expect(entity(r, "Timișoara")).toBeDefined();
      expect(entity(r, "Vakıflar Bankası")).toBeDefined();
      expect(entity(r, "Timi")).toBeUndefined();
    });
  });

  describe("organisation names", () => {
    it("joins 'on' and 'for' after an organisation word", () => {
      expect(labels("He spoke at the Council on Foreign Relations.")).toContain("Council on Foreign Relations");
      expect(labels("Alibaba and Tencent spoke for Europe.")).not.toContain("Tencent spoke for Europe");
    });
  });

  describe("datelines", () => {
    it("reads the capitals opening a wire story as the place it was filed from", () => {
      const r = extract("Court fines retailer\n\nSYDNEY, May 20 — The Supreme Court fined Marlow & Finch.");
      expect(entity(r, "Sydney")?.type).toBe("location");
      const hague = extract("THE HAGUE, March 4 — The foundation sued Veerhaven Petroleum.");
      expect(entity(hague, "The Hague")?.type).toBe("location");
    });

    it("keeps a capital in a dateline a place, not the state it stands for", () => {
      const r = extract("WASHINGTON (Reuters) - The senator said so.");
      expect(entity(r, "Washington")?.type).toBe("location");
      expect(entity(r, "United States")).toBeUndefined();
    });

    it("reads the agency in a dateline as the story's byline, not an entity, and keeps the date", () => {
      const r = extract("DAR ES SALAAM, March 11 (Reuters) - Kilbride Minerals agreed to form a joint venture.");
      expect(entity(r, "Reuters")).toBeUndefined();
      expect(r.entities.some((e) => e.type === "date" && e.label === "March 11")).toBe(true);
      expect(entity(extract("Kilbride Minerals rose, Reuters reported."), "Reuters")?.type).toBe("organization");
    });

    it("names the state a dateline gives after its place", () => {
      const r = extract("CHRISTCHURCH, New Zealand, June 13 - The Crusaders beat the Chiefs 27-24.");
      expect(entity(r, "Christchurch")?.type).toBe("location");
      expect(entity(r, "New Zealand")?.type).toBe("country");
      expect(r.entities.some((e) => e.type === "date" && e.label === "June 13")).toBe(true);
    });

    it("reads a dateline with a state of two words, a date and an agency before its dash", () => {
      const r = extract("GOHEUNG, South Korea, Nov 27 (Yonhap) - The rocket lifted off.");
      expect(entity(r, "Goheung")?.type).toBe("location");
      expect(entity(r, "Yonhap")).toBeUndefined();
    });

    it("does not read an acronym opening a paragraph as a dateline", () => {
      const r = extract("NATO, the alliance — and its members — met in Brussels.");
      expect(entity(r, "NATO")?.type).toBe("organization");
      expect(entity(r, "Nato")).toBeUndefined();
    });
  });

  describe("bodies' names with acronyms, owners and states", () => {
    it("joins a hyphenated acronym in brackets to the body before it", () => {
      const r = extract("De Wever, whose New Flemish Alliance (N-VA) is the largest party, spoke. The N-VA agreed.");
      expect(entity(r, "New Flemish Alliance")?.aliases).toContain("N-VA");
      expect(r.entities.filter((e) => e.label === "N-VA")).toEqual([]);
    });

    it("keeps a common noun's possessive that opens a party's name", () => {
      const r = extract("Martha Karua leads the People's Liberation Party.");
      expect(entity(r, "People's Liberation Party")?.type).toBe("organization");
    });

    it("reads an acronym followed by a state's name as a firm's national unit", () => {
      expect(entity(extract("Revenue at MTN South Africa rose."), "MTN South Africa")?.type).toBe("organization");
    });

    it("joins a firm's short name to its group when several longer names start with it", () => {
      const r = extract(
        "MTN profit rises. MTN Group said revenue rose. MTN Nigeria grew. MTN Ghana grew. MTN said so.",
      );
      expect(entity(r, "MTN Group")?.aliases).toContain("MTN");
      expect(entity(r, "MTN Nigeria")?.aliases ?? []).not.toContain("MTN");
    });

    it("reads common words before a minister's title as the portfolio, not a body", () => {
      const r = extract("Science Minister Bae Kyung-hoon watched the launch.");
      expect(entity(r, "Science")).toBeUndefined();
      expect(entity(r, "Bae Kyung-hoon")?.type).toBe("person");
    });

    it("gives an acronym the text gives for a body to that body, not to a longer name it starts", () => {
      const r = extract(
        "AKB's chief quits\n\nMarkus Pölzl, the chief executive of Alpenländische Kreditbank (AKB), resigned. " +
          "AKB used its subsidiary, AKB Banka Ljubljana.",
      );
      expect(entity(r, "Alpenländische Kreditbank")?.aliases).toContain("AKB");
      expect(entity(r, "AKB Banka Ljubljana")?.aliases ?? []).not.toContain("AKB");
    });
  });

  describe("products named before their noun", () => {
    it("reads a name of one word or with a number before a product's noun as a product, not its maker", () => {
      const r = extract(
        "South Korea's Nuri rocket placed satellites. The jets use GE9X engines from GE Aerospace. " +
          "Ethiopian Airlines ordered 20 Boeing 737 MAX 10 jets. MTN runs the MoMo mobile-money service.",
      );
      expect(["Nuri", "GE9X", "MAX", "MoMo"].map((l) => entity(r, l)?.type)).toEqual(["work", "work", "work", "work"]);
      expect(entity(r, "GE Aerospace")?.type).toBe("organization");
      expect(entity(extract("Russian forces hit the port of Odesa with missiles."), "Odesa")?.type).toBe("location");
    });
  });

  describe("bodies' longer names", () => {
    it("keeps a plural owner's possessive inside a body's name: the Seoul Central District Prosecutors' Office", () => {
      expect(
        labels("The Seoul Central District Prosecutors' Office, which charged him, asked for five years."),
      ).toContain("Seoul Central District Prosecutors' Office");
    });

    it("keeps a university's campus after 'at' in its name: the University of Texas at Austin", () => {
      const r = extract("A radar built by the University of Texas at Austin was tested.");
      expect(entity(r, "University of Texas at Austin")?.type).toBe("organization");
      expect(entity(r, "Austin")).toBeUndefined();
    });

    it("reads a school a lower-case owner's possessive names: the university's School of Medicine", () => {
      expect(labels("She works at the university's School of Medicine in Leeds.")).toContain("School of Medicine");
    });

    it("keeps a body's name whole through 'and' when the acronym after it spells all of it", () => {
      expect(labels("The Cybersecurity and Infrastructure Security Agency (CISA) said so.")).toContain(
        "Cybersecurity and Infrastructure Security Agency",
      );
    });

    it("reads a body that owns another as its own name: the World Bank's International Finance Corporation", () => {
      expect(labels("The World Bank's International Finance Corporation (IFC) advised the government.")).toEqual(
        expect.arrayContaining(["World Bank", "International Finance Corporation"]),
      );
    });

    it("goes on through 'for the' after a command: the High Military Command for the Restoration of Order", () => {
      expect(labels("They call themselves the High Military Command for the Restoration of Order.")).toContain(
        "High Military Command for the Restoration of Order",
      );
    });

    it("keeps a short acronym after 'and' inside a ministry's portfolio: the Ministry of Science and ICT", () => {
      expect(labels("An investigation by the Ministry of Science and ICT found the flaw.")).toContain(
        "Ministry of Science and ICT",
      );
    });

    it("goes on through 'and' with a field of study inside a body's 'of' complement: Department of Archaeology and Museology", () => {
      expect(labels("Researchers from the Department of Archaeology and Museology found the grave.")).toContain(
        "Department of Archaeology and Museology",
      );
    });

    it("joins a name in brackets right after a body's name to that body: X (Africa CDC), Y (Te Whatu Ora)", () => {
      const r = extract(
        "The Africa Centres for Disease Control and Prevention (Africa CDC) said so, after talks with Health New Zealand (Te Whatu Ora).",
      );
      expect(entity(r, "Africa Centres for Disease Control and Prevention")?.aliases).toContain("Africa CDC");
      expect(entity(r, "Health New Zealand")?.aliases).toContain("Te Whatu Ora");
      expect(r.entities.filter((e) => e.label === "Te Whatu Ora" || e.label === "Africa CDC")).toEqual([]);
    });

    it("keeps a demonym in a party's name before 'party' or a role it owns: the Georgian Dream party, Georgian Dream's chairman", () => {
      expect(labels("He accused the governing Georgian Dream party of lying.")).toContain("Georgian Dream");
      const r = extract("Georgian Dream's chairman, Irakli Nozadze, said so.");
      expect(relation(r, "irakli-nozadze", "leads", "georgian-dream")).toBeDefined();
    });

    it("ends a body's name at a second 'and' that starts the next name of a list", () => {
      expect(
        labels(
          "It includes the Kwame Nkrumah University of Science and Technology and Germany's Robert Koch Institute.",
        ),
      ).toEqual(
        expect.arrayContaining(["Kwame Nkrumah University of Science and Technology", "Robert Koch Institute"]),
      );
    });

    it("starts a second name at an owner after 'and': X's University of A and Britain's University of B", () => {
      expect(labels("Researchers from Chile's University of Antofagasta and Britain's University of Warwick.")).toEqual(
        expect.arrayContaining(["University of Antofagasta", "University of Warwick"]),
      );
    });

    it("keeps an office named after its holder's role whole: the Office of the Ombudsman", () => {
      expect(labels("The Office of the Ombudsman charged the two men.")).toContain("Office of the Ombudsman");
      expect(labels("The Office of the Comptroller General fined the firm.")).toContain(
        "Office of the Comptroller General",
      );
      expect(labels("The Office of the President issued a statement.")).toContain("Office of the President");
    });

    it("goes on through 'in' and a place when the acronym after the name spells it: Board of Control for Cricket in India (BCCI)", () => {
      expect(labels("The Board of Control for Cricket in India (BCCI) announced a bonus.")).toContain(
        "Board of Control for Cricket in India",
      );
      expect(labels("The Ministry of Health in Kenya said so.")).toEqual(
        expect.arrayContaining(["Ministry of Health", "Kenya"]),
      );
    });

    it("keeps a role word between a Romance body's first word and its 'de' inside the name", () => {
      expect(labels("She teaches at the Universidad Mayor de San Andrés in La Paz.")).toContain(
        "Universidad Mayor de San Andrés",
      );
      expect(labels("Bank Governor Adam Glapiński said rates would hold.")).toContain("Adam Glapiński");
    });

    it("keeps a plural possessive inside a body's name", () => {
      expect(
        labels("The International Federation of Air Line Pilots' Associations said it backed the strike."),
      ).toContain("International Federation of Air Line Pilots' Associations");
    });

    it("reads a known body's name going on to a body's head word as one name", () => {
      expect(labels("She held talks with the African Union Commission on Monday.")).toContain(
        "African Union Commission",
      );
    });

    it("goes on through 'and' inside a body's 'of' complement, with common words or the initials of its acronym", () => {
      expect(labels("The Ministry of Climate and Green Growth said so.")).toContain(
        "Ministry of Climate and Green Growth",
      );
      expect(labels("The Argentine Federation of Ski and Andinism (FASA) nominated two skiers.")).toContain(
        "Argentine Federation of Ski and Andinism",
      );
      expect(labels("The Bank of England and Barclays agreed.")).toEqual(
        expect.arrayContaining(["Bank of England", "Barclays"]),
      );
    });

    it("goes on through 'for' inside a body's 'of' complement", () => {
      expect(labels("He appealed to the Court of Arbitration for Sport in Lausanne.")).toContain(
        "Court of Arbitration for Sport",
      );
      expect(labels("It was backed by Argentina's Secretariat of Sports.")).toContain("Secretariat of Sports");
    });

    it("reads a body named with 'of' before a possessive as the owner of the next body", () => {
      const r = extract("The chair of the House of Commons' Standing Committee on Finance said so.");
      expect(entity(r, "House of Commons")?.type).toBe("organization");
      expect(entity(r, "Standing Committee on Finance")?.type).toBe("organization");
    });

    it("reads an office's portfolio as its ministry, not as part of the name after it", () => {
      const r = extract("Minister of Finance Ruth Richardson spoke.");
      expect(entity(r, "Ruth Richardson")?.type).toBe("person");
      expect(entity(r, "Finance")?.type).toBe("organization");
      expect(entity(extract("He was Prime Minister of Northern Ireland until 1963."), "Northern Ireland")?.type).toBe(
        "location",
      );
    });

    it("keeps the known body before an office and the person after it", () => {
      const r = extract("NATO Secretary General Mark Rutte spoke in Brussels.");
      expect(entity(r, "NATO")?.type).toBe("organization");
      expect(entity(r, "Mark Rutte")?.type).toBe("person");
    });
  });

  describe("people beside nouns that name firms", () => {
    it("reads a name before a club's or firm's post and its holder as the body's, over a 'who' after it", () => {
      const r = extract(
        "On Sunday, Arsenal manager Mikel Arteta praised the team. Arsenal, who finished second last season, lead the table.",
      );
      expect(entity(r, "Arsenal")?.type).toBe("organization");
      expect(relation(r, "mikel-arteta", "leads", "arsenal")).toBeDefined();
    });

    it("reads a name after a platform's noun as a firm's: the newsletter platform Substack", () => {
      expect(
        entity(
          extract("It has subscribers on the newsletter platform Substack, about 170,000 of whom pay."),
          "Substack",
        )?.type,
      ).toBe("organization");
    });

    it("reads a lone capitalised word before a role in lower case as the body the role serves: Oracle co-founder X", () => {
      const r = extract("Ellison, the son of Oracle co-founder Larry Ellison, took control.");
      expect(entity(r, "Oracle")?.type).toBe("organization");
      expect(entity(r, "Larry Ellison")?.type).toBe("person");
      expect(entity(extract("Finance chief Tsholofelo Molefe said so."), "Finance")?.type).not.toBe("organization");
    });

    it("drops a plural common noun that only opens the sentence before an acronym: Rivals KT", () => {
      const r = extract("Rivals KT and LG Uplus won about 800,000 subscribers.");
      expect(entity(r, "KT")?.type).toBe("organization");
      expect(entity(r, "Rivals KT")).toBeUndefined();
    });

    it("reads a name before 'territory' or 'prefecture' as a place's, even after a possessive: Kasai's Mweka territory", () => {
      expect(entity(extract("Cases were recorded in Kasai's Mweka territory."), "Mweka")?.type).toBe("location");
    });

    it("reads an unknown lone word before a disease's or a champion's noun as no name: an Ebola outbreak, Olympic champions", () => {
      const r = extract("An Ebola outbreak was declared in the town, which has produced several Olympic champions.");
      expect(entity(r, "Ebola")).toBeUndefined();
      expect(entity(r, "Olympic")).toBeUndefined();
    });

    it("keeps a firm's name that a group's designator ends apart from its unit's longer name: MTN Group, MTN Group Fintech", () => {
      const r = extract(
        "MTN Group said its revenue rose. Its fintech arm, MTN Group Fintech, grew. Shares in MTN rose.",
      );
      expect(entity(r, "MTN Group")?.aliases).toContain("MTN");
      expect(entity(r, "MTN Group Fintech")?.aliases).not.toContain("MTN Group");
    });

    it("joins the last word of a state's name 'of' something to that state: the Democratic Republic of Congo ... Congo's", () => {
      const r = extract("The Democratic Republic of Congo declared an outbreak. It is Congo's 16th outbreak.");
      expect(r.entities.filter((e) => e.aliases.includes("Congo") || e.label === "Congo").map((e) => e.type)).toEqual([
        "country",
      ]);
    });

    it("reads a name followed by a match score as a team's, unless a given name opens it: beating Cagliari 2-0", () => {
      expect(entity(extract("Napoli won the title on Friday, beating Cagliari 2-0 at home."), "Cagliari")?.type).toBe(
        "organization",
      );
      expect(entity(extract("Sinner won on Sunday, beating Taylor Fritz 6-3, 6-4."), "Taylor Fritz")?.type).toBe(
        "person",
      );
    });

    it("reads a name of several words after a role noun in lower case as a person's", () => {
      expect(entity(extract("She trains under the Jamaican coach Everton Blake."), "Everton Blake")?.type).toBe(
        "person",
      );
      expect(entity(extract("It was founded by opinion editor Bari Weiss."), "Bari Weiss")?.type).toBe("person");
    });

    it("reads a lone name after a role noun as a person's, but not after a firm's noun: the winger Raphinha, the state investor Tesi", () => {
      expect(entity(extract("Barcelona bought the Brazilian winger Raphinha in 2022."), "Raphinha")?.type).toBe(
        "person",
      );
      expect(entity(extract("It raised money from the Finnish state investor Tesi."), "Tesi")?.type).toBe(
        "organization",
      );
    });

    it("reads a name an occupation's apposition describes as a person's, but not a place before the sentence's subject", () => {
      expect(entity(extract("Tominay, a midfielder, scored twice."), "Tominay")?.type).toBe("person");
      expect(
        entity(extract("Speaking at Prague Castle, the prime minister said he would stay."), "Prague Castle")?.type,
      ).not.toBe("person");
    });

    it("reads a lone name before a works noun as the firm that runs the works: a Ford factory", () => {
      expect(entity(extract("The plant stands on the site of a Ford factory."), "Ford")?.type).toBe("organization");
    });

    it("reads a common word capitalised after a firm's noun as the firm: the publisher Reach, the retailer Next", () => {
      const text =
        "The family held talks with the British publisher Reach but chose Corrib. Shares in the retailer Next rose " +
        "on Monday, and the broadcaster Sky said it would bid.";
      const entities = extract(text);
      for (const name of ["Reach", "Next", "Sky"]) expect(entity(entities, name)?.type).toBe("organization");
      // A capitalised title starting a person's name is no firm: "the central bank Governor Ana Ruiz".
      expect(entity(extract("The central bank Governor Ana Ruiz said rates would hold."), "Governor Ana Ruiz")).toBe(
        undefined,
      );
    });

    it("reads an acronym opening a sentence as a name, whatever the tagger or the pronoun it spells: SAP, WHO", () => {
      const sap = extract("The outbreak ended. SAP Chief Executive Christian Klein said the deal fitted.");
      expect(entity(sap, "SAP")?.type).toBe("organization");
      const who = extract(
        "The World Health Organization (WHO) declared the outbreak over. WHO Director-General Tedros Adhanom " +
          "Ghebreyesus praised the response.",
      );
      expect(entity(who, "World Health Organization")?.mentions).toHaveLength(3);
      expect(relation(who, "tedros-adhanom-ghebreyesus", "leads", "world-health-organization")).toBeDefined();
      // A headline in capitals is no run of acronyms, and "GDP grew" names no one.
      expect(entity(extract("GDP grew by 2 percent in the quarter."), "GDP")).toBe(undefined);
      expect(entity(extract("The town was founded in 500 BCE. BCE dates follow."), "BCE")).toBe(undefined);
    });

    it("reads a name of common nouns alone as a body's, not a person's: World Athletics, Human Rights", () => {
      expect(entity(extract("World Athletics said on Monday it would act."), "World Athletics")?.type).toBe(
        "organization",
      );
      expect(entity(extract("A report by Human Rights was published on Monday."), "Human Rights")?.type).toBe(
        "organization",
      );
      expect(entity(extract('"It is a relief," said Maya Hollander, a solicitor.'), "Maya Hollander")?.type).toBe(
        "person",
      );
    });

    it("keeps the body before a president's title: World Athletics President Sebastian Coe", () => {
      const r = extract("The race was great, World Athletics President Sebastian Coe said.");
      expect(entity(r, "World Athletics")?.type).toBe("organization");
      expect(entity(r, "Sebastian Coe")?.type).toBe("person");
    });

    it("makes a name typed a person only by its look the body its first word names in context", () => {
      const r = extract(
        "Regulators fined Halcyon Wireless on Monday. Halcyon, Canada's fifth-largest mobile operator, accepted the decision.",
      );
      expect(entity(r, "Halcyon Wireless")?.type).toBe("organization");
      expect(r.entities.filter((e) => e.label === "Halcyon")).toEqual([]);
    });

    it("makes a firm named like a person the firm its last word names in context, unless a firm bears that word", () => {
      const r = extract(
        "The court barred Hungary's Gedeon Richter from selling a copy of the drug. Richter, Hungary's largest " +
          "drugmaker, said it would appeal.",
      );
      expect(entity(r, "Gedeon Richter")?.type).toBe("organization");
      const both = extract(
        "Henry Ford founded the Ford Motor Company in 1903. Ford, the carmaker, said sales rose. Henry Ford died in 1947.",
      );
      expect(entity(both, "Henry Ford")?.type).toBe("person");
    });

    it("reads a given name and surname after 'partner' as a person", () => {
      expect(entity(extract("Balderton's partner Ines Kowalczyk will join the board."), "Ines Kowalczyk")?.type).toBe(
        "person",
      );
      expect(entity(extract("Its partner Nokia will supply the kit."), "Nokia")?.type).toBe("organization");
    });

    it("reads the name after 'parts of' as a place", () => {
      expect(entity(extract("Ballots arrived late in parts of Mzuzu."), "Mzuzu")?.type).toBe("location");
    });
  });

  describe("types from a name's own words", () => {
    it("reads a trade word at the end of a firm's last word, 'Organisation' and a club's trailing word as bodies", () => {
      expect(
        entity(extract("It was developed by Corrie Biotherapeutics, a spin-out."), "Corrie Biotherapeutics")?.type,
      ).toBe("organization");
      expect(entity(extract("It is run by the Music Rights Organisation."), "Music Rights Organisation")?.type).toBe(
        "organization",
      );
      expect(entity(extract("Defensor Sporting will receive 10 percent."), "Defensor Sporting")?.type).toBe(
        "organization",
      );
      expect(entity(extract("The club finished behind Sporting and Benfica."), "Sporting")?.type).toBe("organization");
    });

    it("types a firm by an apposition that an owner's name opens", () => {
      const r = extract("Fletcher Building, the country's largest construction company, said so.");
      expect(entity(r, "Fletcher Building")?.type).toBe("organization");
    });

    it("reads names coordinated with places after a locative as places, but not an apposition after a comma", () => {
      expect(entity(extract("It restarts projects in Onehunga and Glen Innes."), "Glen Innes")?.type).toBe("location");
      const list = extract("Floods hit the provinces of Dak Lak, Khanh Hoa and Gia Lai.");
      expect(["Dak Lak", "Khanh Hoa", "Gia Lai"].map((l) => entity(list, l)?.type)).toEqual([
        "location",
        "location",
        "location",
      ]);
      const mayor = extract("The mayor of Porto Alegre, Helena Bittencourt, on Tuesday ordered an inquiry.");
      expect(entity(mayor, "Helena Bittencourt")?.type).toBe("person");
    });

    it("strips a plural title before a list of names", () => {
      const r = extract("Justices Rose Atuhaire, Samuel Okello and Diana Nabirye agreed with him.");
      expect(entity(r, "Rose Atuhaire")?.type).toBe("person");
      expect(r.entities.some((e) => e.label.startsWith("Justices"))).toBe(false);
    });

    it("reads armed forces, guards and units as bodies, and two bodies with one head word as two", () => {
      expect(entity(extract("He was flown to Madrid on a Spanish Air Force plane."), "Spanish Air Force")?.type).toBe(
        "organization",
      );
      expect(labels("He led the Royal Guard and Walloon Guard into battle.")).toEqual(
        expect.arrayContaining(["Royal Guard", "Walloon Guard"]),
      );
      expect(
        entity(extract("Wildfire forces 9,000 from their homes. The BC Wildfire Service said so."), "Wildfire"),
      ).toBe(undefined);
    });

    it("keeps a short calendar word between capitalised words in a name, and types a firm by a noun after a place", () => {
      const r = extract("Nguyen Thi Thu Ha, Vietnam's deputy minister, said so. The talks ended on Thu and resumed.");
      expect(entity(r, "Nguyen Thi Thu Ha")?.type).toBe("person");
      expect(r.entities.some((e) => e.type === "date" && e.label === "Thu")).toBe(true);
      const firm = extract("Saigon Binh Minh Footwear, a Ho Chi Minh City firm that supplies Adidas, cut jobs.");
      expect(entity(firm, "Saigon Binh Minh Footwear")?.type).toBe("organization");
    });

    it("reads a long acronym after a locative preposition as a body, and an acronym in brackets as no month", () => {
      const r = extract("He served in MINUSMA. She joined the Alliance for the Republic (APR) in 2012.");
      expect(entity(r, "MINUSMA")?.type).toBe("organization");
      expect(entity(r, "Alliance for the Republic")?.type).toBe("organization");
      expect(r.entities.some((e) => e.type === "date" && e.label === "APR")).toBe(false);
    });

    it("reads the object of 'coached' as a team, and the name after the title 'coach' as a person", () => {
      expect(entity(extract("He had coached Vitória de Guimarães for years."), "Vitória de Guimarães")?.type).toBe(
        "organization",
      );
      expect(entity(extract("They won under coach Rob Fenwick."), "Rob Fenwick")?.type).toBe("person");
    });

    it("reads company forms, clubs, venues and saints' towns by their first or last word", () => {
      expect(
        entity(extract("The ferry is operated by PT Pelayaran Samudra Jaya."), "PT Pelayaran Samudra Jaya")?.type,
      ).toBe("organization");
      expect(entity(extract("Both race for Club Andino Bariloche."), "Club Andino Bariloche")?.type).toBe(
        "organization",
      );
      expect(
        entity(extract("He was handed over at Madrid's Barajas Airport, the ministry said."), "Barajas Airport")?.type,
      ).toBe("location");
      expect(
        entity(extract("The skier, 27, from San Carlos de Bariloche, won."), "San Carlos de Bariloche")?.type,
      ).toBe("location");
      expect(entity(extract("The Civil Guard worked with Europol on the case."), "Europol")?.type).toBe("organization");
    });
  });

  describe("names with nicknames and articles inside", () => {
    it("keeps a quoted nickname inside the person's name, in either spacing", () => {
      const r = extract('The bill was co-authored by former Sha Na Na member Jon "Bowzer" Bauman and passed.');
      expect(entity(r, 'Jon "Bowzer" Bauman')?.type).toBe("person");
      expect(labels('The bill was co-authored by Jon "Bowzer" Bauman.')).not.toContain("Bowzer");
      const spaced = extract('Wilfried " Willi " Schneider (born 1963) is a skeleton racer. Schneider won two medals.');
      expect(spaced.entities.filter((e) => e.type === "person").map((e) => e.label)).toEqual([
        'Wilfried " Willi " Schneider',
      ]);
    });

    it("strips abbreviated ranks before a person's name", () => {
      expect(labels("The army chief, Lt. Gen. Faisal Rizvi-Khan, said so.")).toContain("Faisal Rizvi-Khan");
      expect(labels("Col. Amadou Diallo led the unit.")).toEqual(["Amadou Diallo"]);
    });

    it("reads health firms, archives and junior clubs as bodies, two of them when each side of 'and' is whole", () => {
      expect(labels("Sable Healthcare and Indlovu Health agreed to merge.")).toEqual([
        "Sable Healthcare",
        "Indlovu Health",
      ]);
      expect(entity(extract("He joined Boca Juniors in 2019."), "Boca Juniors")?.type).toBe("organization");
      expect(labels("The National Archives of Hungary bought the papers.")).toEqual(["National Archives of Hungary"]);
      expect(labels("The National Health and Medical Research Council (NHMRC) awarded it.")).toContain(
        "National Health and Medical Research Council",
      );
    });

    it("reads distributors, production companies and Spanish and Portuguese bodies' names as bodies", () => {
      const r = extract("She signed with Vauquelin Distribution, a Paris-based distributor, for the release.");
      expect(entity(r, "Vauquelin Distribution")?.type).toBe("organization");
      expect(relation(r, "vauquelin-distribution", "headquartered_in", "paris")).toBeDefined();
      expect(entity(extract("It was made by Cardumen Producciones."), "Cardumen Producciones")?.type).toBe(
        "organization",
      );
      const school = extract("Carranza, 38, studied at the Centro de Capacitación Cinematográfica in Mexico City.");
      expect(relation(school, "carranza", "educated_at", "centro-de-capacitacion-cinematografica")).toBeDefined();
    });

    it("reads the name after 'of' that follows a person's full name as their club or firm", () => {
      const r = extract("Paraguay recalled the veteran defender Aníbal Recalde of Cerro Porteño on Thursday.");
      expect(entity(r, "Cerro Porteño")?.type).toBe("organization");
      expect(entity(r, "Aníbal Recalde")?.type).toBe("person");
    });

    it("reads demonyms joined by hyphens as an adjective of the last one's state, not as a body", () => {
      const r = extract("The Anglo-Dutch company Shell cut jobs. She is a Greek-French journalist.");
      expect(r.entities.some((e) => e.label.includes("-"))).toBe(false);
      expect(entity(r, "Netherlands")?.type).toBe("country");
      expect(entity(r, "France")?.type).toBe("country");
      expect(entity(extract("Guinea-Bissau held elections."), "Guinea-Bissau")?.type).toBe("country");
    });

    it("reads a capitalised common noun with 'of the' as a body's name, and no body ending in 'of the'", () => {
      expect(entity(extract("The Church of the East split in 1552."), "Church of the East")?.type).toBe("organization");
      expect(labels("He went to the Office of the President.").some((l) => /\bthe$/.test(l))).toBe(false);
    });
  });
});
