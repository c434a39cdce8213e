import { describe, expect, it } from "vitest";
import { assembleGraph } from "../../src/graph/assemble.ts";
import { writeGraphJson } from "../../src/graphfile/graphFile.ts";
import { loadDataset } from "../../src/store/load.ts";
import { kg } from "../helpers/kg.ts";
import { useTempFiles } from "../helpers/tempFiles.ts";

const SEED = "graph-data/documents/000_fd914f920b6354d3.txt";

describe("kg extract", () => {
  const tmp = useTempFiles("kg-extract-");

  it("prints the issue's JSON shape for the seed article", async () => {
    const { code, out } = await kg("extract", SEED, "--format", "json", "--cold");
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(Object.keys(r)).toEqual(expect.arrayContaining(["entities", "relations"]));
    expect(Object.keys(r.entities[0])).toEqual(expect.arrayContaining(["id", "label", "type", "aliases", "mentions"]));
    const typed = r.relations.find((x: { kind: string }) => x.kind === "typed");
    expect(Object.keys(typed)).toEqual(
      expect.arrayContaining(["source", "target", "predicate", "kind", "confidence", "stance", "modality", "evidence"]),
    );
    expect(r.relations.some((x: { kind: string }) => x.kind === "cooccurrence")).toBe(true);
  });

  it("resolves against the built graph unless --cold, using the graph's ids", async () => {
    const graphFile = tmp.path("graph.json");
    writeGraphJson(assembleGraph(loadDataset()), graphFile);
    const { code, out } = await kg("extract", SEED, "--format", "json", "--graph", graphFile);
    expect(code).toBe(0);
    const ids = JSON.parse(out).entities.map((e: { id: string }) => e.id);
    expect(ids).toEqual(expect.arrayContaining(["mykhailo-podolyak", "peace-talks", "security-guarantees"]));
  });

  it("prints a readable summary by default", async () => {
    const { code, out } = await kg(
      "extract",
      tmp.write("a.txt", "Satya Nadella, the chief executive of Microsoft, spoke."),
      "--cold",
    );
    expect(code).toBe(0);
    expect(out).toContain("satya-nadella leads microsoft");
  });

  it("exits 1 naming a missing file", async () => {
    const { code, err } = await kg("extract", tmp.path("nope.txt"));
    expect(code).toBe(1);
    expect(err).toMatch(/cannot read .*nope\.txt \(ENOENT\); check the path/);
  });

  it("exits 1 on an empty file", async () => {
    const { code, err } = await kg("extract", tmp.write("empty.txt", "  \n"));
    expect(code).toBe(1);
    expect(err).toContain("the text is empty");
  });

  it("exits 1 on binary input", async () => {
    const { code, err } = await kg("extract", tmp.write("bin.dat", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])));
    expect(code).toBe(1);
    expect(err).toContain("looks binary");
  });

  it("exits 1 on text that is not UTF-8", async () => {
    const { code, err } = await kg("extract", tmp.write("latin1.txt", Buffer.from("caf\xe9 ol\xe9", "latin1")));
    expect(code).toBe(1);
    expect(err).toContain("not valid UTF-8");
  });

  it("exits 2 with its usage without a FILE or with an unknown format", async () => {
    expect((await kg("extract")).code).toBe(2);
    const { code, err } = await kg("extract", SEED, "--format", "xml");
    expect(code).toBe(2);
    expect(err).toContain("--format must be one of text, json");
  });
});
