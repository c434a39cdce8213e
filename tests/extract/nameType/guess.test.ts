import { describe, expect, it } from "vitest";
import { chooseNameType } from "../../../src/extract/nameType/guess.ts";
import { NAME_TYPE_CLASSES } from "../../../src/extract/nameType/model.ts";
import { entity, extract } from "../helpers.ts";

/** Scores in class order from a record, the rest 0. */
function scores(by: Partial<Record<(typeof NAME_TYPE_CLASSES)[number], number>>): Float64Array {
  return Float64Array.from(NAME_TYPE_CLASSES.map((c) => by[c] ?? 0));
}

describe("extract", () => {
  describe("name typing by the learned model", () => {
    it("keeps an untyped name an organisation unless a person or a place beats it by the margin", () => {
      expect(chooseNameType(scores({ person: 1.5, organization: 1 }), 1)).toBe("organization");
      expect(chooseNameType(scores({ person: 2.5, organization: 1 }), 1)).toBe("person");
      expect(chooseNameType(scores({ location: 0.5, organization: -1 }), 1)).toBe("location");
    });

    it("picks the likelier of a person and a place when both beat the organisation", () => {
      expect(chooseNameType(scores({ person: 3, location: 4 }), 1)).toBe("location");
      expect(chooseNameType(scores({ person: 4, location: 3 }), 1)).toBe("person");
    });

    it("leaves a name the model finds of no scored kind an organisation, as untyped names were", () => {
      expect(chooseNameType(scores({ person: 3, other: 5 }), 1)).toBe("organization");
    });

    it("types an unknown town the text calls a city as a place, the same in every use", () => {
      const r = extract("Gujranwala is a city in Punjab. Gujranwala has a population of two million.");
      expect(entity(r, "Gujranwala")?.type).toBe("location");
      expect(r.entities.filter((e) => e.label === "Gujranwala")).toHaveLength(1);
    });

    it("types lone given names that are sons and fathers as people", () => {
      const r = extract("Yusuf is believed to have been the eleventh son of Jacob. Jacob had twelve sons.");
      expect(entity(r, "Yusuf")?.type).toBe("person");
      expect(entity(r, "Jacob")?.type).toBe("person");
    });

    it("keeps a firm's invented name whose shares rise an organisation", () => {
      const r = extract("Shares in Lumenfold rose after the deal. Lumenfold was founded in 2021.");
      expect(entity(r, "Lumenfold")?.type).toBe("organization");
    });
  });
});
