import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NotLineFormatError, readJsonLines } from "../../src/graphfile/jsonLines.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "kg-jsonlines-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads `text` by lines; the batches per key and the other members. */
function read(text: string, chunkBytes = 1024, batchBytes = 100) {
  const f = path.join(dir, "file.json");
  writeFileSync(f, text);
  const batches: Record<string, unknown[][]> = {};
  const members: Record<string, unknown> = {};
  readJsonLines(
    f,
    {
      streamed: new Set(["nodes", "edges"]),
      batch: (key, elements) => (batches[key] ??= []).push(elements),
      member: (key, value) => (members[key] = value),
    },
    { chunkBytes, batchBytes, maxLineBytes: 4096, maxSkeletonChars: 4096 },
  );
  return { batches, members };
}

describe("jsonLines", () => {
  describe("readJsonLines", () => {
    it("hands over the elements of each list and the other members", () => {
      const { batches, members } = read(
        '{"a":1,"nodes":[\n{"key":"x"},\n{"key":"y"}\n],"edges":[\n{"s":"x"}\n],"b":[2]}\n',
      );
      expect(batches.nodes.flat()).toEqual([{ key: "x" }, { key: "y" }]);
      expect(batches.edges.flat()).toEqual([{ s: "x" }]);
      expect(members).toEqual({ a: 1, b: [2] });
    });

    it("hands over several batches when the file is read in small chunks, and one empty batch for an empty list", () => {
      const nodes = Array.from({ length: 50 }, (_, i) => JSON.stringify({ key: `n${i}`, label: "é".repeat(i) }));
      const { batches } = read(`{"nodes":[\n${nodes.join(",\n")}\n],"edges":[\n]}`, 64);
      expect(batches.nodes.length).toBeGreaterThan(1);
      expect(batches.nodes.flat()).toEqual(nodes.map((n) => JSON.parse(n)));
      expect(batches.edges).toEqual([[]]);
    });

    it("parses batches of about the batch size, and a line longer than that on its own", () => {
      const nodes = Array.from({ length: 30 }, (_, i) => JSON.stringify({ key: `n${i}`, label: "x".repeat(i * 7) }));
      const { batches } = read(`{"nodes":[\n${nodes.join(",\n")}\n]}\n`, 4096, 120);
      expect(batches.nodes.flat()).toEqual(nodes.map((n) => JSON.parse(n)));
      expect(batches.nodes.length).toBeGreaterThan(10);
      for (const batch of batches.nodes) {
        const bytes = batch.reduce<number>((sum, node) => sum + JSON.stringify(node).length + 2, 0);
        expect(batch.length === 1 || bytes <= 120 + 2).toBe(true);
      }
    });

    it("says the file is not in its layout when it is pretty-printed, on one line or not an object", () => {
      for (const text of [
        JSON.stringify({ nodes: [{ key: "x" }] }, null, 2),
        JSON.stringify({ nodes: [{ key: "x" }] }),
        "[\n1,\n2\n]",
        "",
      ]) {
        expect(() => read(text)).toThrow(NotLineFormatError);
      }
    });

    it("says the file is not in its layout when a list is unclosed, repeated or not streamed, or has a misplaced comma", () => {
      for (const text of [
        '{"nodes":[\n{"key":"x"},\n',
        '{"nodes":[\n{"key":"x"},\n]}',
        '{"nodes":[\n{"key":"x"}\n{"key":"y"}\n]}',
        '{"nodes":[\n{"key":"x"}\n],"nodes":[\n{"key":"y"}\n]}',
        '{"other":[\n1\n]}',
        '{"nodes":[\n{"key":"x"}\n]',
      ]) {
        expect(() => read(text)).toThrow(NotLineFormatError);
      }
    });

    it("gives up on lines longer than its limit and on a skeleton larger than its limit", () => {
      expect(() => read(`{"nodes":[\n{"key":"${"x".repeat(5000)}"}\n]}`)).toThrow(/longer than 4096 bytes/);
      expect(() => read(`{"a":"${"x".repeat(5000)}","nodes":[\n]}`)).toThrow(NotLineFormatError);
      expect(() => read(`{"nodes":[\n],\n${'"a":1,\n'.repeat(1000)}"b":2}`)).toThrow(/characters outside the lists/);
    });

    it("lets errors thrown by the handlers through unchanged", () => {
      const f = path.join(dir, "handler.json");
      writeFileSync(f, '{"nodes":[\n{"key":"x"}\n]}\n');
      const boom = new Error("boom");
      const handlers = {
        streamed: new Set(["nodes"]),
        batch: () => {
          throw boom;
        },
        member: () => {},
      };
      expect(() => readJsonLines(f, handlers)).toThrow(boom);
    });
  });
});
