/**
 * Claims on the page: a relation is worded as the text commits to it, so a proposal never reads as a fact.
 */
import { describe, expect, it } from "vitest";
import { claimPhrase, claimTags, claimTitle, COOCCURRENCE_PHRASE } from "../../../web/app/claim.ts";

describe("web claims", () => {
  describe("claimPhrase", () => {
    it("keeps an asserted relation's own words", () => {
      expect(claimPhrase({ label: "negotiates for", modality: "asserted" })).toBe("negotiates for");
    });

    it("words a proposed relation as a proposal", () => {
      expect(claimPhrase({ label: "is a security guarantor for", modality: "proposed" })).toBe(
        "proposed as a security guarantor for",
      );
      expect(claimPhrase({ label: "is positive about", modality: "proposed" })).toBe("proposed to be positive about");
      expect(claimPhrase({ label: "includes", modality: "proposed" })).toBe("proposed: includes");
    });

    it("says reported and hypothetical relations are so", () => {
      expect(claimPhrase({ label: "negotiates for", modality: "reported" })).toBe("reportedly negotiates for");
      expect(claimPhrase({ label: "includes", modality: "hypothetical" })).toBe("hypothetically includes");
    });

    it("says a co-occurrence is not a stated relation, whatever its modality", () => {
      expect(claimPhrase({ label: "is mentioned with", kind: "cooccurrence", modality: "asserted" })).toBe(
        COOCCURRENCE_PHRASE,
      );
    });

    it("keeps an open relation's note", () => {
      expect(claimPhrase({ label: "sold shares in", kind: "open", modality: "reported" })).toMatch(
        /^reportedly sold shares in \(open relation/,
      );
    });
  });

  describe("claimTags", () => {
    it("tags modality, a non-neutral stance and a candidate", () => {
      const tags = claimTags({ label: "x", modality: "proposed", stance: "supports", status: "candidate" });
      expect(tags.map((t) => t.text)).toEqual(["proposed", "supports", "candidate"]);
    });

    it("tags a co-occurrence as one, not as asserted", () => {
      expect(claimTags({ label: "x", kind: "cooccurrence", modality: "asserted" }).map((t) => t.text)).toEqual([
        "co-occurrence",
      ]);
    });
  });

  describe("claimTitle", () => {
    it("reads phrase, stance and review state in one line", () => {
      expect(
        claimTitle({
          label: "is a security guarantor for",
          modality: "proposed",
          stance: "supports",
          status: "candidate",
        }),
      ).toBe(
        "proposed as a security guarantor for · stance: supports · candidate: extracted from a document, not yet reviewed",
      );
    });
  });
});
