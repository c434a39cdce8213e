import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocument, loadExtractContext } from "../../src/extract/index.ts";

const SEED = path.resolve(import.meta.dirname, "../../graph-data/documents/000_fd914f920b6354d3.txt");

/** What `kg extract` of the seed article, cold, found before the extractor was made general. */
const BEFORE = {
  typed: [
    "beltway-confidential part_of washington-examiner",
    "daniel-depetris works_for beltway-confidential",
    "france guarantor_for ukraine",
    "germany guarantor_for ukraine",
    "israel guarantor_for ukraine",
    "mykhailo-podolyak negotiates_for ukraine",
    "russia annexed crimea",
    "russian-delegations affiliated_with russia",
    "russian-forces affiliated_with russia",
    "turkiye guarantor_for ukraine",
    "ukraine member_of nato",
    "ukrainian-delegations affiliated_with ukraine",
    "united-states guarantor_for ukraine",
    "zelensky leads zelensky-administration",
  ],
  entities: [
    "antony-blinken person",
    "beltway-confidential organization",
    "crimea location",
    "daniel-depetris person",
    "donbas location",
    "france country",
    "germany country",
    "israel country",
    "mariupol location",
    "mykhailo-podolyak person",
    "nato organization",
    "russia country",
    "turkiye country",
    "ukraine country",
    "united-states country",
    "washington-examiner organization",
    "zelensky person",
  ],
};

describe("extract", () => {
  describe("the seed article, cold", () => {
    const r = extractDocument(readFileSync(SEED, "utf8"), { ...loadExtractContext() });

    it("finds at least every typed relation it found before", () => {
      const typed = new Set(
        r.relations.filter((x) => x.kind === "typed").map((x) => `${x.source} ${x.predicate} ${x.target}`),
      );
      for (const t of BEFORE.typed) expect(typed, t).toContain(t);
    });

    it("finds at least every named entity it found before, with the same type", () => {
      const entities = new Set(r.entities.map((e) => `${e.id} ${e.type}`));
      for (const e of BEFORE.entities) expect(entities, e).toContain(e);
    });
  });
});
