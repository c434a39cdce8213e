import { describe, expect, it } from "vitest";
import { entity, extract } from "./helpers.ts";

describe("extract", () => {
  describe("name typing", () => {
    it("types capitalised names ending with an event word as events, not organisations or people", () => {
      const r = extract("Carla Suarez reached the final of the Madrid Open and will play the Davis Cup.");
      expect(entity(r, "Madrid Open")?.type).toBe("event");
      expect(entity(r, "Davis Cup")?.type).toBe("event");
    });

    it("keeps a state's name or demonym inside a longer organisation or event name", () => {
      const r = extract("The Swiss National Bank lent money. The United States Tennis Association runs the US Open.");
      expect(entity(r, "Swiss National Bank")?.type).toBe("organization");
      expect(entity(r, "United States Tennis Association")?.type).toBe("organization");
      expect(entity(r, "US Open")?.type).toBe("event");
      expect(entity(r, "National Bank")).toBeUndefined();
      expect(entity(r, "United States")).toBeUndefined();
    });

    it("still splits a state from its body of government", () => {
      const r = extract("The US Commerce Department issued rules.");
      expect(entity(r, "United States")?.type).toBe("country");
      expect(entity(r, "Commerce Department")?.type).toBe("organization");
    });

    it("types unknown names coordinated after a locative preposition as places", () => {
      const r = extract("Most flats are in Eixample and Ciutat Vella, near the Sagrada Familia basilica.");
      expect(entity(r, "Eixample")?.type).toBe("location");
      expect(entity(r, "Ciutat Vella")?.type).toBe("location");
      expect(entity(r, "Sagrada Familia")?.type).toBe("location");
    });

    it("types an unknown name governed by a government or mayor as a place", () => {
      const r = extract("A law passed by the government of Catalonia lets towns limit holiday lets.");
      expect(entity(r, "Catalonia")?.type).toBe("location");
    });
    it("reads a firm from the words around a name that looks like a person's", () => {
      for (const text of [
        "Analysts at Morgan Stanley cut their forecast.",
        "Shares of Morgan Stanley fell on Monday.",
        "The investment bank Morgan Stanley advised the buyer.",
        "Morgan Stanley shares fell on Monday.",
      ])
        expect(entity(extract(text), "Morgan Stanley")?.type, text).toBe("organization");
      expect(entity(extract("Morgan Stanley said he would retire."), "Morgan Stanley")?.type).toBe("person");
    });

    it("keeps names joined by an ampersand as one firm", () => {
      const r = extract("Regulators fined Procter & Gamble on Tuesday.");
      expect(entity(r, "Procter & Gamble")?.type).toBe("organization");
    });

    it("lets a capitalised word the tagger misread start the name after it", () => {
      const r = extract("Fans filled the stands at Flushing Meadows on Sunday.");
      expect(entity(r, "Flushing Meadows")).toBeDefined();
      expect(entity(r, "Meadows")).toBeUndefined();
    });

    it("reads the place of 'X-based' as a location with offsets inside the word", () => {
      const text = "The Zurich-based bank will cut jobs.";
      const e = entity(extract(text), "Zurich");
      expect(e?.type).toBe("location");
      expect(e?.mentions.map((m) => text.slice(m.start, m.end))).toEqual(["Zurich"]);
    });
    it("types an unknown single word with a town-name ending as a place", () => {
      const r = extract("Thousands died in the siege of Mariupol, and Berdiansk was occupied.");
      expect(entity(r, "Mariupol")?.type).toBe("location");
    });
  });
});
