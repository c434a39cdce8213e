/**
 * One-way layers: every file of src/ imports only from its own layer or below, and no files of src/ or web/ import
 * each other in a cycle. The README's folder table lists the same layers.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importCycles, readImports, upwardImports, type LayerTable } from "./imports.ts";

/** src/'s layers, bottom to top; folders on one line share a rank. */
const SRC_LAYERS: LayerTable = [
  ["util"],
  ["model"],
  ["store"],
  ["graph"],
  ["search", "extract"],
  ["paths"],
  ["snapshot"],
  ["export"],
  ["graphfile"],
  ["import"],
  ["ingest"],
  ["query"],
  ["server"],
  ["cli"],
];

/** web/'s layers; the page may also import the few src/ modules it shares with the server through Vite. */
const WEB_LAYERS: LayerTable = [
  // calendarDate.ts: the page checks days with the server's own rule (schemas.ts already brings it into the bundle).
  ["../src/search", "../src/query/schemas.ts", "../src/model/calendarDate.ts"],
  ["app"],
  ["controllers"],
  ["main.ts", "vite.config.ts"],
];

const FIXTURES = path.resolve("tests/fixtures/layers");
const FIXTURE_LAYERS: LayerTable = [["util"], ["server"]];

describe("layers", () => {
  describe("the checker", () => {
    it("finds nothing wrong in a tree that imports downward only", () => {
      const edges = readImports(path.join(FIXTURES, "clean"));
      expect(edges).toEqual([{ from: "server/app.ts", line: 4, to: "util/format.ts" }]);
      expect(upwardImports(edges, FIXTURE_LAYERS)).toEqual([]);
      expect(importCycles(edges)).toEqual([]);
    });

    it("names the file and line of an upward import", () => {
      const edges = readImports(path.join(FIXTURES, "upward"));
      expect(upwardImports(edges, FIXTURE_LAYERS)).toEqual([
        "util/format.ts:4 imports server/app.ts from a higher layer",
      ]);
    });

    it("reports the cycle the upward import closes", () => {
      const edges = readImports(path.join(FIXTURES, "upward"));
      expect(importCycles(edges)).toEqual([
        "server/app.ts:4 → util/format.ts:4 → server/app.ts (2 files in the cycle's component)",
      ]);
    });

    it("reports a file that no layer names", () => {
      const edges = readImports(path.join(FIXTURES, "clean"));
      expect(upwardImports(edges, [["util"]])).toEqual(["server/app.ts:4 is in no layer"]);
    });
  });

  describe("src/", () => {
    const edges = readImports(path.resolve("src"));

    it("is read", () => {
      expect(edges.length).toBeGreaterThan(300);
    });

    it("imports only from the same layer or below", () => {
      expect(upwardImports(edges, SRC_LAYERS)).toEqual([]);
    });

    it("has no import cycle between files", () => {
      expect(importCycles(edges)).toEqual([]);
    });
  });

  describe("web/", () => {
    const edges = readImports(path.resolve("web"));

    it("imports only from the same layer or below", () => {
      expect(upwardImports(edges, WEB_LAYERS)).toEqual([]);
    });

    it("has no import cycle between files", () => {
      expect(importCycles(edges)).toEqual([]);
    });
  });

  describe("the README's folder table", () => {
    it("lists src/'s folders in the layers' order, and every folder of src/", () => {
      const readme = readFileSync("README.md", "utf8");
      const table = readme.slice(readme.indexOf("## Where things live"), readme.indexOf("## Knowledge model"));
      const rows = table.split("\n").filter((line) => line.startsWith("| `src/"));
      const listed = rows.map((row) => [...row.split("|")[1].matchAll(/`src\/([a-z]+)\/`/g)].map((m) => m[1]));
      expect(listed).toEqual(SRC_LAYERS.map((layer) => [...layer]));
      // Empty folders (left behind by a checkout from before a move) are not part of the tree.
      const folders = readdirSync("src", { withFileTypes: true }).filter(
        (e) => e.isDirectory() && readdirSync(path.join("src", e.name)).length > 0,
      );
      expect(folders.map((e) => e.name).sort()).toEqual(SRC_LAYERS.flat().sort());
    });
  });
});
