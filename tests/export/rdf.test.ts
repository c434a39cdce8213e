import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import jsonld from "jsonld";
import { Parser, Store, Writer } from "n3";
import request from "supertest";
import { exportGraph } from "../../src/export/exportGraph.ts";
import { documentTextReader } from "../../src/export/documentTexts.ts";
import type { RdfOptions } from "../../src/export/rdfTriples.ts";
import { IRI, KG } from "../../src/export/rdfVocab.ts";
import { readTurtle } from "../../src/import/turtle.ts";
import { readAnyGraphFile } from "../../src/import/readAnyGraphFile.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { appFor, hostileGraph } from "../security/fixtures.ts";
import { seedGraph, trickyGraph } from "./fixtures.ts";
import { readBack } from "./readBack.ts";

/** A Python with rdflib: Debian's python3-rdflib lives beside /usr/bin/python3, not in a pyenv. */
const RDFLIB_PYTHON = ["/usr/bin/python3", "python3"].find(
  (python) => spawnSync(python, ["-c", "import rdflib"]).status === 0,
);

async function text(graph: KnowledgeGraph, format: "turtle" | "jsonld", rdf: Partial<RdfOptions> = {}) {
  let out = "";
  for await (const chunk of exportGraph(graph, format, { rdf }).chunks) out += chunk;
  return out;
}

const SEED_TEXTS = { documentText: documentTextReader(undefined) };

/** A graph with one document whose text has emoji and accents before and inside the quote. */
function emojiGraph(): { graph: KnowledgeGraph; documentText: (id: string) => string | null } {
  const graph = trickyGraph();
  const doc = "Préface 😀👍🏽 — Zoë 🐱‍👤 said: « café 🙂 au lait » and left 🚀.";
  const quote = "« café 🙂 au lait »";
  const start = doc.indexOf(quote);
  graph.mergeEdgeAttributes("e&1", { evidence: [{ doc: "doc-1", quote, start, end: start + quote.length }] });
  return { graph, documentText: (id) => (id === "doc-1" ? doc : null) };
}

function quads(turtle: string) {
  return new Parser({ format: "text/turtle" }).parse(turtle);
}

describe("export", () => {
  describe("writeTurtle", () => {
    it("re-imports the seed and the hostile-strings graphs exactly, with document texts at hand", async () => {
      for (const graph of [seedGraph(), hostileGraph()]) {
        const back = readTurtle(await text(graph, "turtle", SEED_TEXTS), "g.ttl");
        expect(back.export().nodes).toEqual(graph.export().nodes);
        expect(back.export().edges).toEqual(graph.export().edges);
        expect(back.getAttributes()).toEqual(graph.getAttributes());
      }
    });

    it("counts Web Annotation positions in code points and converts them back to UTF-16 for emoji and accents", async () => {
      const { graph, documentText } = emojiGraph();
      const turtle = await text(graph, "turtle", { documentText });
      const store = new Store(quads(turtle));
      const [position] = store.getSubjects(IRI.type, IRI.textPositionSelector, null).filter((s) => {
        return store.getObjects(s, IRI.start, null)[0]?.value !== "0";
      });
      const start = Number(store.getObjects(position, IRI.start, null)[0].value);
      const end = Number(store.getObjects(position, IRI.end, null)[0].value);
      const doc = documentText("doc-1")!;
      const evidence = graph.getEdgeAttribute("e&1", "evidence")[0];
      expect(Array.from(doc).slice(start, end).join("")).toBe(evidence.quote);
      expect(start).toBeLessThan(evidence.start);
      // The file embeds the text, so it converts back alone, and so does a file without it given the text.
      expect(readTurtle(turtle, "g.ttl").export().edges).toEqual(graph.export().edges);
      const bare = await text(graph, "turtle", { documentText, embedDocumentText: false });
      expect(bare).not.toContain("kg:text");
      expect(readTurtle(bare, "g.ttl", { documentText }).export().edges).toEqual(graph.export().edges);
      expect(() => readTurtle(bare, "g.ttl")).toThrow(/code-point offsets cannot be converted/);
    });

    it("selects each quote with exact, prefix and suffix, and names its document and how it was made", async () => {
      const turtle = await text(seedGraph(), "turtle", SEED_TEXTS);
      const store = new Store(quads(turtle));
      const selectors = store.getSubjects(IRI.type, IRI.textQuoteSelector, null);
      expect(selectors.length).toBeGreaterThan(50);
      for (const s of selectors) {
        for (const p of [IRI.exact, IRI.prefix, IRI.suffix]) expect(store.getObjects(s, p, null)).toHaveLength(1);
      }
      const relations = store.getSubjects(IRI.type, IRI.Relation, null);
      for (const r of relations) {
        expect(store.getObjects(r, IRI.wasDerivedFrom, null).length).toBeGreaterThan(0);
        expect(store.getObjects(r, IRI.wasGeneratedBy, null).map((o) => o.value)).toEqual([IRI.curation]);
        expect(store.getObjects(r, `${KG}stance`, null)).toHaveLength(1);
      }
    });

    it("maps predicates to their Wikidata property and types entities by the vocabulary's classes", async () => {
      const turtle = await text(seedGraph(), "turtle");
      expect(turtle).toContain("wdt:P131");
      expect(turtle).toMatch(/a kg:Entity, kg:Person/);
      expect(turtle).toMatch(/kg:confidence 0\.\d+|kg:confidence "0\.\d+"\^\^xsd:decimal/);
      expect(turtle).toContain("kgp:negotiates_for");
      expect(turtle).toContain("oa:TextQuoteSelector");
    });

    it("names entities under the base it is given", async () => {
      const turtle = await text(trickyGraph(), "turtle", { base: "https://example.org/kg/" });
      expect(turtle).toContain("<https://example.org/kg/entity/n2%20%F0%9F%99%82>");
    });

    it.skipIf(!RDFLIB_PYTHON)("parses with rdflib to as many triples as n3 finds", async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "kg-rdf-"));
      try {
        for (const graph of [seedGraph(), hostileGraph(), emojiGraph().graph]) {
          const turtle = await text(graph, "turtle", SEED_TEXTS);
          const file = path.join(dir, "g.ttl");
          writeFileSync(file, turtle);
          const script = "import rdflib, sys; g = rdflib.Graph(); g.parse(sys.argv[1], format='turtle'); print(len(g))";
          const run = spawnSync(RDFLIB_PYTHON!, ["-c", script, file], { encoding: "utf8" });
          expect(run.stderr).toBe("");
          expect(Number(run.stdout.trim())).toBe(new Store(quads(turtle)).size);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    if (!RDFLIB_PYTHON)
      it("skips the rdflib check: python3 rdflib is not installed (apt-get install -y python3-rdflib)", (ctx) =>
        ctx.skip());
  });

  describe("writeJsonLd", () => {
    it("expands with the jsonld library to the same graph as the Turtle export", async () => {
      for (const graph of [seedGraph(), hostileGraph(), emojiGraph().graph]) {
        const turtle = await text(graph, "turtle", SEED_TEXTS);
        const document = JSON.parse(await text(graph, "jsonld", SEED_TEXTS));
        const nquads = new Writer({ format: "N-Quads" }).quadsToString(quads(turtle));
        // @types/jsonld types the input as a document only; the library takes N-Quads text with inputFormat.
        const fromTurtle = await jsonld.canonize(nquads as unknown as object, {
          algorithm: "URDNA2015",
          inputFormat: "application/n-quads",
        });
        const fromJsonLd = await jsonld.canonize(document, { algorithm: "URDNA2015" });
        expect(fromJsonLd).toBe(fromTurtle);
      }
    });

    it("re-imports the seed and hostile-strings graphs exactly", async () => {
      for (const graph of [seedGraph(), hostileGraph()]) {
        const bytes = new TextEncoder().encode(await text(graph, "jsonld", SEED_TEXTS));
        const back = await readBack("jsonld", bytes, "g.jsonld");
        expect(back.export().nodes).toEqual(graph.export().nodes);
        expect(back.export().edges).toEqual(graph.export().edges);
      }
    });
  });
});

describe("import", () => {
  describe("readAnyGraphFile", () => {
    it("reads a Turtle export back by its extension or its first line", async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "kg-ttl-"));
      try {
        const graph = seedGraph();
        const turtle = await text(graph, "turtle", SEED_TEXTS);
        for (const name of ["g.ttl", "g.rdf-text"]) {
          writeFileSync(path.join(dir, name), turtle);
          expect(readAnyGraphFile(path.join(dir, name)).export().edges).toEqual(graph.export().edges);
        }
        expect(existsSync(path.join(dir, "g.ttl"))).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

describe("GET /api/vocab", () => {
  it("serves the vocabulary as Turtle that parses, with a class per entity type", async () => {
    const res = await request(appFor(trickyGraph())).get("/api/vocab");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/turtle/);
    const store = new Store(quads(res.text));
    expect(store.getSubjects(null, `${KG}Entity`, null).length).toBeGreaterThanOrEqual(11);
  });

  it("serves the JSON-LD context the exports embed", async () => {
    const res = await request(appFor(trickyGraph())).get("/api/vocab/context.jsonld");
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)["@context"].oa).toBe("http://www.w3.org/ns/oa#");
  });
});
