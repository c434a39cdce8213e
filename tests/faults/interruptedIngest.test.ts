import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { validateDataset } from "../../src/graph/validate.ts";
import { loadDataset } from "../../src/store/load.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import { kg } from "../helpers/kg.ts";

const KG = path.resolve("bin/kg.js");
const DOCUMENTS = 30;
const PEOPLE = ["Ilse Marrow", "Tomas Verhoek", "Anneke Sallow", "Bram Oudkerk", "Lieve Tamsin", "Joris Halloway"];
const TOWNS = ["Fenwick", "Orland", "Castrop", "Mirelle", "Quarden"];

/** A short article of its own for each index: the names repeat across articles, the numbers make each text unique. */
function article(i: number): string {
  const person = PEOPLE[i % PEOPLE.length];
  const other = PEOPLE[(i + 2) % PEOPLE.length];
  const town = TOWNS[i % TOWNS.length];
  return `Council meeting ${i + 1} in ${town}\n\n${person} met ${other} in ${town} on Monday. They discussed budget item ${i * 7 + 3}, which the council approved by ${i + 4} votes.\n`;
}

/** A `kg ingest FOLDER --json --step 1` child: its JSON lines as they come, and its exit. */
function startIngest(folder: string, root: string) {
  const child = spawn(process.execPath, [KG, "ingest", folder, "--json", "--step", "1", "--data", root], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const outcomes = () =>
    stdout
      .split("\n")
      .filter((l) => l.endsWith("}"))
      .map((l) => JSON.parse(l) as { file: string; status: string; document: string });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const reported = new Promise<void>((resolve) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (outcomes().length >= 2) resolve();
    });
  });
  return { child, outcomes, stderr: () => stderr, exited, reported };
}

/** The stored documents' texts, by document id. */
function storedTexts(root: string): Map<string, string> {
  const folder = path.join(root, "documents");
  const texts = new Map<string, string>();
  for (const name of readdirSync(folder).filter((n) => n.endsWith(".txt")))
    texts.set(name.slice(0, -".txt".length), readFileSync(path.join(folder, name), "utf8"));
  return texts;
}

describe("kg ingest of a folder killed with SIGKILL part-way", () => {
  let data: TempData;
  let folder: string;
  let seeded: Map<string, string>;
  let first: ReturnType<typeof startIngest>;
  let second: ReturnType<typeof startIngest>;
  let secondCode: number | null;
  beforeAll(async () => {
    data = makeTempData();
    seeded = storedTexts(data.root);
    folder = path.join(path.dirname(data.root), "articles");
    mkdirSync(folder);
    for (let i = 0; i < DOCUMENTS; i++)
      writeFileSync(path.join(folder, `${String(i).padStart(2, "0")}.txt`), article(i));
    first = startIngest(folder, data.root);
    // Killed once the first documents are reported stored, whatever it is doing then (extracting, writing).
    await Promise.race([first.reported, first.exited]);
    first.child.kill("SIGKILL");
    await first.exited;
    second = startIngest(folder, data.root);
    secondCode = await second.exited;
  }, 300_000);
  afterAll(() => data.remove());

  it("was killed before it had stored every document", () => {
    expect(first.outcomes().length).toBeGreaterThanOrEqual(2);
    expect(first.outcomes().length).toBeLessThan(DOCUMENTS);
    expect(first.child.signalCode).toBe("SIGKILL");
  });

  it("skips on the rerun what the first run stored, and adds the rest", () => {
    expect(secondCode).toBe(0);
    const outcomes = second.outcomes();
    expect(outcomes).toHaveLength(DOCUMENTS);
    const reportedFirst = first.outcomes().filter((o) => o.status === "added");
    for (const done of reportedFirst)
      expect(outcomes.find((o) => o.file === done.file)).toMatchObject({
        status: "duplicate",
        document: done.document,
      });
    expect(outcomes.every((o) => o.status === "added" || o.status === "duplicate")).toBe(true);
    expect(outcomes.filter((o) => o.status === "added").length).toBeLessThanOrEqual(DOCUMENTS - reportedFirst.length);
  });

  it("stores every document exactly once", () => {
    const added = [...storedTexts(data.root)].filter(([id]) => !seeded.has(id)).map(([, text]) => text);
    expect(added.sort()).toEqual(Array.from({ length: DOCUMENTS }, (_, i) => article(i)).sort());
  });

  it("leaves data that kg validate passes", async () => {
    expect(validateDataset(loadDataset(data.root))).toEqual([]);
    const result = await kg("validate", "--data", data.root);
    expect(result.code).toBe(0);
  });
});
