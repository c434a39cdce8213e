/**
 * The compiled copy bin/kg.js runs: src/ compiled into a sibling folder, used while no source changed, made again
 * after one did; null (kg then runs the sources through tsx) when it cannot be made or another process is making it.
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compiledEntry, type CompiledOptions } from "../../bin/compiled.js";

const SOURCES: Record<string, string> = {
  "package.json": JSON.stringify({ type: "module" }),
  "tsconfig.json": JSON.stringify({ compilerOptions: { target: "ES2022", module: "ESNext" } }),
  "src/app/main.ts": [
    'import { twice } from "../lib/twice.ts";',
    "export const answer: number = twice(21);",
    'export const later = () => import("../lib/later.ts").then((m) => m.word);',
    'export const data = new URL("./data.json", import.meta.url).pathname;',
    'export const worker = new URL("./boot.mjs", import.meta.url).pathname;',
  ].join("\n"),
  "src/lib/twice.ts": "export const twice = (n: number): number => n * 2;",
  "src/lib/later.ts": 'export const word: string = "later";',
  "src/app/data.json": '{ "ok": true }',
  "src/app/boot.mjs": 'await import("./worker.ts");',
};

describe("compiledEntry", () => {
  let root: string;
  let options: Partial<CompiledOptions>;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "kg-compiled-"));
    for (const [file, text] of Object.entries(SOURCES)) write(file, text);
    options = { root, srcDir: "src", outDir: ".compiled", inputs: ["tsconfig.json"], bundles: [] };
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function write(file: string, text: string) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }

  /** What the compiled entry exports, read by a plain node (no TypeScript loader). */
  function run(url: string): { answer: number; later: string; data: string; worker: string } {
    const script = `const m = await import(${JSON.stringify(url)}); console.log(JSON.stringify({ ...m, later: await m.later() }));`;
    return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }));
  }

  it("compiles the sources into the copy, whose entry runs on plain node and finds the files beside it", async () => {
    const url = await compiledEntry("app/main.ts", options);
    expect(url).toMatch(/\/\.compiled\/app\/main\.js$/);
    const exported = run(url!);
    expect(exported.answer).toBe(42);
    expect(exported.later).toBe("later");
    expect(JSON.parse(readFileSync(exported.data, "utf8"))).toEqual({ ok: true });
    expect(readFileSync(exported.worker, "utf8")).toBe('await import("./worker.js");');
  });

  it("bundles an entry asked for, split at its import(), whose modules find the files beside their own copies", async () => {
    const url = await compiledEntry("app/main.ts", { ...options, bundles: ["app/main.ts"] });
    expect(url).toMatch(/\/\.compiled\/bundle\/main\.js$/);
    const exported = run(url!);
    expect(exported.answer).toBe(42);
    expect(exported.later).toBe("later");
    expect(JSON.parse(readFileSync(exported.data, "utf8"))).toEqual({ ok: true });
    expect(exported.worker).toBe(path.join(root, ".compiled/app/boot.mjs"));
    // twice.ts is in the entry's file; later.ts, imported when called, in a chunk of its own.
    expect(readFileSync(fileURLToPath(url!), "utf8")).toMatch(/n \* 2/);
    const chunks = readdirSync(path.join(root, ".compiled/bundle")).filter((file) => file.endsWith(".js"));
    expect(chunks.map((file) => file.replace(/-\w+(?=\.js$)/, "")).sort()).toEqual(["later.js", "main.js"]);
  });

  it("is used as it is while no input changed, and made again after one did", async () => {
    const url = await compiledEntry("app/main.ts", options);
    const compiled = path.join(root, ".compiled/lib/twice.js");
    const before = statSync(compiled).mtimeMs;
    expect(await compiledEntry("app/main.ts", options)).toBe(url);
    expect(statSync(compiled).mtimeMs).toBe(before);
    write("src/lib/twice.ts", "export const twice = (n: number): number => n * 3;");
    expect(await compiledEntry("app/main.ts", options)).toBe(url);
    expect(run(url!).answer).toBe(63);
  });

  it("removes what no source makes any more", async () => {
    await compiledEntry("app/main.ts", options);
    rmSync(path.join(root, "src/app/data.json"));
    await compiledEntry("app/main.ts", options);
    expect(existsSync(path.join(root, ".compiled/app/data.json"))).toBe(false);
    expect(existsSync(path.join(root, ".compiled/app/main.js"))).toBe(true);
  });

  it("gives null, without waiting, while another process makes the copy, and breaks a lock left by a dead one", async () => {
    write(".compiled/.lock", "");
    expect(await compiledEntry("app/main.ts", options)).toBeNull();
    const old = new Date(Date.now() - 120_000);
    utimesSync(path.join(root, ".compiled/.lock"), old, old);
    expect(await compiledEntry("app/main.ts", options)).toMatch(/main\.js$/);
    expect(existsSync(path.join(root, ".compiled/.lock"))).toBe(false);
  });

  it("gives null when a source does not compile, and leaves no copy that passes for fresh", async () => {
    await compiledEntry("app/main.ts", options);
    write("src/lib/twice.ts", "export const twice = (n: number): number => n *;");
    expect(await compiledEntry("app/main.ts", options)).toBeNull();
    expect(await compiledEntry("app/main.ts", options)).toBeNull();
    write("src/lib/twice.ts", "export const twice = (n: number): number => n * 2;");
    expect(await compiledEntry("app/main.ts", options)).toMatch(/main\.js$/);
  });
});
