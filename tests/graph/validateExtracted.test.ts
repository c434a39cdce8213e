import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { buildToFile } from "../../src/graphfile/buildToFile.ts";
import { validateDataset } from "../../src/graph/validate.ts";
import { DataWriter } from "../../src/ingest/writer.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { formatIssue } from "../../src/store/issues.ts";
import { loadDataset } from "../../src/store/load.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import { ACME_ARTICLE, acmeExtractor } from "../ingest/fixtureExtractor.ts";

describe("validateDataset on extracted facts and decisions", () => {
  let data: TempData;
  let doc: string;
  beforeAll(async () => {
    data = makeTempData();
    const served = new ServedGraph(buildToFile(undefined, { root: data.root, layout: { iterations: 10 } }).graph);
    const writer = new DataWriter(data.root, served, { extractor: acmeExtractor });
    doc = (await writer.ingest({ title: ACME_ARTICLE.title, text: ACME_ARTICLE.text })).document.id;
    await writer.flush();
  });
  afterAll(() => data.remove());

  /** Validates a copy of the data after `change`, and returns the problems as `file:line (record): message`. */
  function problemsAfter(change: (copy: TempData) => void): string[] {
    const copy = makeTempData();
    try {
      mkdirSync(path.join(copy.root, "extracted"), { recursive: true });
      for (const file of [`documents/${doc}.txt`, `documents/${doc}.meta.yaml`, `extracted/${doc}.yaml`])
        copy.write(file, data.read(file));
      change(copy);
      return validateDataset(loadDataset(copy.root)).map((i) => formatIssue(i, copy.root));
    } finally {
      copy.remove();
    }
  }

  it("accepts what an ingest wrote", () => {
    expect(validateDataset(loadDataset(data.root))).toEqual([]);
  });

  it("names the file, line and key of a merge into an entity of another type", () => {
    const problems = problemsAfter((c) =>
      c.edit(`extracted/${doc}.yaml`, (t) => t.replace("type: country\n", "type: person\n")),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(`^extracted/${doc}\\.yaml:\\d+ \\(e\\d+\\): a person cannot merge into "ukraine", a country`),
      ),
    );
  });

  it("names a relation whose subject key does not exist", () => {
    const problems = problemsAfter((c) =>
      c.edit(`extracted/${doc}.yaml`, (t) => t.replace("subject: e2", "subject: e99")),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/\(\S+\.r1\): subject "e99" is not an entity key of this file/),
    );
  });

  it("names a quote that is not verbatim", () => {
    const problems = problemsAfter((c) =>
      c.edit(`extracted/${doc}.yaml`, (t) =>
        t.replace('quote: "Acme Robotics, led by Jane Okafor"', 'quote: "Acme, led by Jane Okafor"'),
      ),
    );
    expect(problems).toContainEqual(expect.stringMatching(/evidence\[0\]: quote not found/));
  });

  it("names a recorded mention merge whose span does not hold its text", () => {
    const problems = problemsAfter((c) =>
      c.edit(`extracted/${doc}.yaml`, (t) =>
        t.replace(/surface: "Okafor", start: (\d+)/, (_m, n) => `surface: "Okafor", start: ${Number(n) + 1}`),
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/\(e\d+ "Okafor"\): mention "Okafor" is not at \[\d+, \d+\)/),
    );
  });

  it("names a decision about a relation that is not extracted", () => {
    const problems = problemsAfter((c) =>
      c.write("decisions.yaml", "relations:\n  podolyak-negotiates-for-ukraine:\n    decision: rejected\nmerges: {}\n"),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^decisions\.yaml \(podolyak-negotiates-for-ukraine\): decision on .* not an extracted relation/,
      ),
    ]);
  });

  it("names a new entity whose id a curated entity already has", () => {
    const problems = problemsAfter((c) =>
      c.edit(`extracted/${doc}.yaml`, (t) => t.replace("entity: jane-okafor", "entity: antony-blinken")),
    );
    expect(problems).toContainEqual(expect.stringMatching(/new entity id "antony-blinken" is already taken/));
  });

  it("names extracted facts whose document is gone", () => {
    const problems = problemsAfter((c) =>
      c.write(
        `extracted/000_0000000000000000.yaml`,
        c.read(`extracted/${doc}.yaml`).replace(`document: "${doc}"`, 'document: "000_0000000000000000"'),
      ),
    );
    expect(problems).toContainEqual(expect.stringMatching(/document "000_0000000000000000" does not exist/));
  });
});
