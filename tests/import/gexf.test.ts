import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ENTITY_TYPES } from "../../src/model/types.ts";
import { readGexf } from "../../src/import/gexf.ts";
import { readAnyGraphFile } from "../../src/import/readAnyGraphFile.ts";
import { ImportError } from "../../src/import/types.ts";
import { gexfToString } from "../../src/export/gexf.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { GEXF_KIT, samplesUnavailable, validateGexf, validationUnavailable, validSamples } from "../export/gexfKit.ts";

const NO_SAMPLES = samplesUnavailable();
const NO_VALIDATION = validationUnavailable();

function withoutNaN<A extends object>(attributes: A): A {
  return Object.fromEntries(Object.entries(attributes).filter(([, v]) => !Number.isNaN(v))) as A;
}
const SAMPLES = NO_SAMPLES ? [] : validSamples(readFileSync(path.join(GEXF_KIT, "samples/SOURCES.md"), "utf8"));

const FOREIGN = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="node"><attribute id="0" title="airport type" type="string"/></attributes>
    <nodes>
      <node id="a" label="Alpha"><attvalues><attvalue for="0" value="hub"/></attvalues></node>
      <node id="b"/>
      <node id="c" label="Gamma"><attvalues><attvalue for="0" value="x"/></attvalues></node>
    </nodes>
    <edges>
      <edge source="a" target="b" weight="3" kind="flies_to"/>
      <edge source="b" target="c"/>
      <edge source="a" target="c" type="directed" weight="0.25"/>
    </edges>
  </graph>
</gexf>`;

describe("import", () => {
  describe("readGexf", () => {
    it("rejects text that is not well-formed XML, naming the file", () => {
      expect(() => readGexf("<gexf><graph>", "broken.gexf")).toThrow(/broken\.gexf is not well-formed XML/);
    });

    it("rejects XML without a <graph>, naming the file", () => {
      expect(() => readGexf('<gexf version="1.3"><meta/></gexf>', "meta.gexf")).toThrow(ImportError);
    });

    it("fills what the page needs and passes the file's own attributes through", () => {
      const graph = readGexf(FOREIGN, "foreign.gexf", { typeColors: { concept: "#9c755f" } });
      expect(graph.getNodeAttributes("a")).toMatchObject({ label: "Alpha", type: "concept", "airport type": "hub" });
      expect(graph.getNodeAttribute("b", "label")).toBe("b");
      graph.forEachNode((_n, a) => {
        expect(ENTITY_TYPES).toContain(a.type);
        expect(a.color).toBe("#9c755f");
        expect(Number.isFinite(a.x) && Number.isFinite(a.y) && a.size > 0).toBe(true);
        expect(Number.isInteger(a.community) && a.degree > 0).toBe(true);
      });
    });

    it("numbers edges without ids in file order, keeps weights outside [0, 1], and the GEXF kind as predicate", () => {
      const graph = readGexf(FOREIGN, "foreign.gexf");
      expect(graph.edges()).toEqual(["e0", "e1", "e2"]);
      expect(graph.getEdgeAttributes("e0")).toMatchObject({ predicate: "flies_to", weight: 3, confidence: 1 });
      expect((graph.getEdgeAttributes("e0") as unknown as Record<string, unknown>).undirected).toBe(true);
      expect(graph.getEdgeAttributes("e2")).toMatchObject({ confidence: 0.25, predicate: "related_to" });
      expect((graph.getEdgeAttributes("e2") as unknown as Record<string, unknown>).undirected).toBeUndefined();
    });

    it("writes imported undirected edges back as undirected for Gephi", async () => {
      const text = await gexfToString(readGexf(FOREIGN, "foreign.gexf"));
      expect(text).toContain('<edge id="e0" type="undirected" source="a" target="b"');
      expect(text).toContain('<edge id="e2" source="a" target="c"');
    });

    it("keeps a foreign node type as the subtype of a model type", () => {
      const text = FOREIGN.replace('title="airport type"', 'title="type"');
      expect(readGexf(text, "typed.gexf").getNodeAttributes("a")).toMatchObject({ type: "concept", subtype: "hub" });
    });

    it("gives the same graph on every import", () => {
      expect(readGexf(FOREIGN, "f.gexf").export()).toEqual(readGexf(FOREIGN, "f.gexf").export());
    });
  });

  describe("readAnyGraphFile", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), "kg-import-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("names a missing file", () => {
      expect(() => readAnyGraphFile(path.join(dir, "nope.gexf"))).toThrow(/cannot read .*nope\.gexf \(ENOENT\)/);
    });

    it("recognises GEXF by its content when the extension says nothing", () => {
      const file = path.join(dir, "graph.xml");
      writeFileSync(file, FOREIGN);
      expect(readAnyGraphFile(file).order).toBe(3);
    });

    it("refuses a file in no known format", () => {
      const file = path.join(dir, "notes.txt");
      writeFileSync(file, "hello");
      expect(() => readAnyGraphFile(file)).toThrow(/neither graphology JSON, GEXF nor GraphML/);
    });
  });

  describe("the GEXF sample corpus", () => {
    if (NO_SAMPLES) it(`skipped: ${NO_SAMPLES}`, (ctx) => ctx.skip());

    it.skipIf(NO_SAMPLES)("lists valid samples from Gephi, gexf.net and graphology", () => {
      expect(SAMPLES.length).toBeGreaterThan(15);
    });

    it.skipIf(NO_SAMPLES).each(SAMPLES)("loads %s with every node drawable", (sample) => {
      const file = path.join(GEXF_KIT, "samples", sample);
      const text = readFileSync(file, "utf8");
      const graph = readAnyGraphFile(file, { layout: { iterations: 50 } });
      expect(graph.order).toBe((text.match(/<node[\s>]/g) ?? []).length);
      expect(graph.size).toBe((text.match(/<edge[\s>]/g) ?? []).length);
      graph.forEachNode((_n, a) => {
        expect(typeof a.label).toBe("string");
        expect(Number.isFinite(a.x) && Number.isFinite(a.y) && a.size >= 0).toBe(true);
        expect(a.color).toMatch(/^(#[0-9a-f]{6}|rgba\()/);
      });
    });

    it.skipIf(NO_SAMPLES).each(SAMPLES)("re-exports %s as valid GEXF that reads back the same", async (sample) => {
      const graph = readAnyGraphFile(path.join(GEXF_KIT, "samples", sample), { layout: { iterations: 50 } });
      const text = await gexfToString(graph);
      if (!NO_VALIDATION) expect(validateGexf(text).output).toMatch(/: valid/);
      // Gephi's INF and NaN values read as NaN, and no file writes a NaN back.
      const finite = (g: KnowledgeGraph) => {
        g.updateEachNodeAttributes((_n, a) => withoutNaN(a));
        const { nodes, edges } = g.export();
        return { nodes, edges };
      };
      expect(finite(readGexf(text, sample))).toEqual(finite(graph));
    });
  });
});
