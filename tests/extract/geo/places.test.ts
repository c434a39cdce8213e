import { describe, expect, it } from "vitest";
import { liesOutside, normalizePlace, placeLookup } from "../../../src/extract/geo/places.ts";

describe("extract", () => {
  describe("place index", () => {
    const places = placeLookup();

    it("says which regions and countries a place name lies in", () => {
      expect(places.within("Kaunas").some((c) => c.startsWith("LT"))).toBe(true);
      expect(places.within("Bavaria")).toContain("DE");
      expect(places.within("Nowhere-on-Earth")).toEqual([]);
    });

    it("gives the codes of countries and first-level regions", () => {
      expect(places.countryCode("Germany")).toBe("DE");
      expect(places.countryCode("United States")).toBe("US");
      expect(places.regionCodes("California")).toContain("US.CA");
    });

    it("knows a place lies outside a region only when it knows both", () => {
      expect(liesOutside("Aichi", "Gifu", places)).toBe(true);
      expect(liesOutside("Sacramento", "California", places)).toBe(false);
      expect(liesOutside("Nowhere-on-Earth", "Gifu", places)).toBe(false);
      expect(liesOutside("Sacramento", "Nowhere-on-Earth", places)).toBe(false);
      expect(liesOutside("San Sebastián", "Spain", places)).toBe(false);
    });

    it("compares names without case, accents or a leading article", () => {
      expect(normalizePlace("The Bronx")).toBe("bronx");
      expect(normalizePlace("Zürich")).toBe(normalizePlace("ZURICH"));
    });
  });
});
