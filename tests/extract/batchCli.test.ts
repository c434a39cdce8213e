import { describe, expect, it } from "vitest";
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { assembleGraph } from "../../src/graph/assemble.ts";
import { writeGraphJson } from "../../src/graphfile/graphFile.ts";
import { loadDataset } from "../../src/store/load.ts";
import { kg } from "../helpers/kg.ts";
import { useTempFiles } from "../helpers/tempFiles.ts";

const SEED = "graph-data/documents/000_fd914f920b6354d3.txt";
const NADELLA = "Satya Nadella, the chief executive of Microsoft, spoke.";
const jsonl = (...docs: unknown[]) =>
  docs.map((d) => (typeof d === "string" ? d : JSON.stringify(d))).join("\n") + "\n";
const parseLines = (out: string) =>
  out
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));

/** Runs the real `node bin/kg.js` with `stdin` piped in (or nothing), resolving to its exit code and output. */
function spawnKg(args: string[], stdin?: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ["bin/kg.js", ...args], { stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  child.stdin.end(stdin ?? "");
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, out, err })));
}

describe("kg extract --jsonl", () => {
  const tmp = useTempFiles("kg-extract-jsonl-");

  it("prints one line per document in input order, each as kg extract --format json prints it", async () => {
    const docs = Array.from({ length: 25 }, (_, i) => ({ id: `d${i}`, text: `${NADELLA} It was day ${i}.` }));
    const { code, out, err } = await kg("extract", "--jsonl", tmp.write("many.jsonl", jsonl(...docs)), "--cold");
    expect({ code, err }).toEqual({ code: 0, err: "" });
    const results = parseLines(out);
    expect(results.map((r) => r.id)).toEqual(docs.map((d) => d.id));
    const single = await kg("extract", tmp.write("d7.txt", docs[7].text), "--cold", "--format", "json");
    expect(results[7]).toEqual({ id: "d7", ...JSON.parse(single.out) });
  });

  it("prints an error line for each bad line, goes on, and exits 1", async () => {
    const input = jsonl(
      { id: "ok1", text: NADELLA },
      "not json",
      "[1, 2]",
      { id: true, text: NADELLA },
      { id: "no-text" },
      { id: "empty", text: "  " },
      "",
      { id: "ok2", text: NADELLA },
    );
    const { code, out } = await kg("extract", "--jsonl", tmp.write("mixed.jsonl", input), "--cold");
    expect(code).toBe(1);
    const results = parseLines(out);
    expect(results.map((r) => [r.id, r.line, r.error === undefined])).toEqual([
      ["ok1", undefined, true],
      [null, 2, false],
      [null, 3, false],
      [null, 4, false],
      ["no-text", 5, false],
      ["empty", 6, false],
      ["ok2", undefined, true],
    ]);
    expect(results[1].error).toContain("not JSON");
    expect(results[5].error).toContain("the text is empty");
  });

  it("prints nothing for blank lines and exits 0 when every line is fine", async () => {
    const { code, out } = await kg("extract", "--jsonl", tmp.write("blank.jsonl", "\n\n   \n"));
    expect(code).toBe(0);
    expect(out).toBe("");
  });

  it("reports a line that is not UTF-8 as an error line", async () => {
    const bytes = Buffer.concat([
      Buffer.from(jsonl({ id: 1, text: NADELLA })),
      Buffer.from('{"id":2,"text":"caf\xe9"}\n', "latin1"),
    ]);
    const { code, out } = await kg("extract", "--jsonl", tmp.write("latin1.jsonl", bytes), "--cold");
    expect(code).toBe(1);
    expect(parseLines(out)[1]).toEqual({ id: null, line: 2, error: expect.stringContaining("not valid UTF-8") });
  });

  it("resolves against --graph unless --cold, as for a single file", async () => {
    const graphFile = tmp.path("graph.json");
    writeGraphJson(assembleGraph(loadDataset()), graphFile);
    const input = tmp.write("seed.jsonl", jsonl({ id: "seed", text: readFileSync(SEED, "utf8") }));
    for (const flag of ["--cold", "--graph"]) {
      const extra = flag === "--graph" ? ["--graph", graphFile] : ["--cold"];
      const [batch] = parseLines((await kg("extract", "--jsonl", input, ...extra)).out);
      const single = JSON.parse((await kg("extract", SEED, "--format", "json", ...extra)).out);
      expect(batch).toEqual({ id: "seed", ...single });
    }
    const [warm] = parseLines((await kg("extract", "--jsonl", input, "--graph", graphFile)).out);
    const [cold] = parseLines((await kg("extract", "--jsonl", input, "--cold")).out);
    expect(warm.entities.map((e: { id: string }) => e.id)).toContain("mykhailo-podolyak");
    expect(warm).not.toEqual(cold);
  });

  it("exits 2 with its usage for a FILE beside --jsonl or --format text", async () => {
    const both = await kg("extract", "--jsonl", "in.jsonl", "a.txt");
    expect(both.code).toBe(2);
    expect(both.err).toContain('--jsonl reads its own input; drop "a.txt"');
    const text = await kg("extract", "--jsonl", "in.jsonl", "--format", "text");
    expect(text.code).toBe(2);
    expect(text.err).toMatch(/--jsonl prints JSON lines only; drop --format text\nusage: .*--jsonl FILE\|-/s);
    expect((await kg("extract", "--jsonl")).code).toBe(2);
  });

  it("explains --jsonl in --help", async () => {
    const { code, out } = await kg("extract", "--help");
    expect(code).toBe(0);
    expect(out).toContain("npx kg extract --jsonl FILE|-");
    expect(out).toContain("Blank lines are skipped and print nothing");
  });

  it("exits 1 with a clear message for a folder or a device", async () => {
    const folder = await kg("extract", "--jsonl", tmp.path());
    expect(folder).toMatchObject({ code: 1, err: expect.stringContaining("is a folder; give a JSON Lines file") });
    const zero = await kg("extract", "--jsonl", "/dev/zero");
    expect(zero).toMatchObject({ code: 1, err: expect.stringContaining("/dev/zero is a device, not a file") });
  });

  it("reads standard input with -", async () => {
    const { code, out, err } = await spawnKg(
      ["extract", "--jsonl", "-", "--cold"],
      jsonl({ id: 1, text: NADELLA }, "oops"),
    );
    expect({ code, err }).toEqual({ code: 1, err: "" });
    const results = parseLines(out);
    expect(results[0]).toMatchObject({ id: 1, entities: expect.any(Array) });
    expect(results[1]).toMatchObject({ id: null, line: 2 });
  });

  it("reads a FIFO as a stream", async () => {
    const fifo = tmp.path("in.fifo");
    execFileSync("mkfifo", [fifo]);
    const run = spawnKg(["extract", "--jsonl", fifo, "--cold"]);
    const writer = await open(fifo, "w");
    await writer.write(jsonl({ id: "a", text: NADELLA }));
    await writer.write(jsonl({ id: "b", text: NADELLA }));
    await writer.close();
    const { code, out } = await run;
    expect(code).toBe(0);
    expect(parseLines(out).map((r) => r.id)).toEqual(["a", "b"]);
  });
});
