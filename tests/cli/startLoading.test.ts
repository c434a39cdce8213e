/**
 * What `kg` loads when it starts: help loads no command and no package; `kg serve` checks its flags before loading
 * the server, and loads neither the extraction pipeline (its NLP models) nor the web page reader until a request
 * needs them, nor what reading a graph file, writing or exporting needs until the server does one, nor Express
 * until it listens.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadedByImporting, type LoadedModules } from "../architecture/imports.ts";

const SRC = path.resolve("src");
/** What an ingest needs and a server does not at start: the pipeline's NLP, and the HTML and XML readers. */
const WRITE_PATH_PACKAGES = ["compromise", "wink-nlp", "wink-eng-lite-web-model", "linkedom", "@mozilla/readability"];
/** The input limits the help text of `kg extract` quotes: constants, importing nothing of the pipeline. */
const EXTRACT_LIMITS = ["extract/batchLines.ts", "extract/input.ts"];
/** Packages of the graph file readers, the exporters, the build's layout and communities, and graph-data/'s YAML. */
const NOT_AT_START_PACKAGES = [
  "@xmldom/xmldom",
  "csv-parse",
  "fflate",
  "graphology-communities-louvain",
  "graphology-gexf",
  "graphology-graphml",
  "graphology-layout-forceatlas2",
  "n3",
  "yaml",
];

/** The Express app's packages, which a server loads once it listens. */
const EXPRESS_PACKAGES = ["express", "pino-http"];

// A module-loading hook that writes the URL of every module Node loads (after TypeScript's own hook) to a file.
const LOAD_HOOK = `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  const loaded = await next(url, context);
  appendFileSync(process.env.KG_LOADED_FILE, url + "\\n");
  return loaded;
}`;
const REGISTER_HOOK = `import { register } from "node:module";
register(new URL("./hook.mjs", import.meta.url));`;

/** The union of what importing each entry loads. */
function loadedByAll(...entries: string[]): LoadedModules {
  const all: LoadedModules = { files: new Set(), packages: new Set() };
  for (const entry of entries) {
    const { files, packages } = loadedByImporting(SRC, entry);
    files.forEach((file) => all.files.add(file));
    packages.forEach((name) => all.packages.add(name));
  }
  return all;
}

describe("kg's start", () => {
  describe("kg help", () => {
    it("loads no package and, of the commands, only their registry", () => {
      const { files, packages } = loadedByImporting(SRC, "cli/main.ts");
      expect([...packages]).toEqual([]);
      expect([...files].filter((file) => file.startsWith("cli/commands/"))).toEqual(["cli/commands/index.ts"]);
    });

    it("loads nothing of the extraction pipeline but the input limits its help text quotes", () => {
      const { files } = loadedByImporting(SRC, "cli/main.ts");
      expect([...files].filter((file) => file.startsWith("extract/")).sort()).toEqual(EXTRACT_LIMITS);
      for (const limits of EXTRACT_LIMITS) expect(loadedByImporting(SRC, limits).packages.size).toBe(0);
    });

    describe("run as `node bin/kg.js`", () => {
      let dir: string;
      beforeAll(() => {
        dir = mkdtempSync(path.join(tmpdir(), "kg-start-loading-"));
        writeFileSync(path.join(dir, "hook.mjs"), LOAD_HOOK);
        writeFileSync(path.join(dir, "register.mjs"), REGISTER_HOOK);
      });
      afterAll(() => rmSync(dir, { recursive: true, force: true }));

      /** The URLs of the modules Node loads to run `kg args`. */
      async function modulesLoadedBy(...args: string[]): Promise<string[]> {
        const file = path.join(dir, `loaded-${args.join("-")}.txt`);
        writeFileSync(file, "");
        const register = pathToFileURL(path.join(dir, "register.mjs")).href;
        await promisify(execFile)(process.execPath, ["--import", register, "bin/kg.js", ...args], {
          env: { ...process.env, KG_LOADED_FILE: file },
        });
        return readFileSync(file, "utf8").split("\n").filter(Boolean);
      }

      // From the compiled copy's bundle (.compiled/bundle/main.js and its chunks), its per-file copy
      // (.compiled/…/x.js) or, when it cannot be made, from the sources (src/…/x.ts).
      const SOURCE = /\/(src|\.compiled)\/(.*)\.(ts|js)$/;
      // A chunk of the bundle made for an import() is named after the module imported (a command's, say); the chunks
      // of code shared by several are chunk-….
      const BUNDLE_START = /^bundle\/(main|chunk-\w+)$/;

      it.each(["--help", "serve --help"])("`kg %s` loads no package but the TypeScript loader", async (command) => {
        const loaded = await modulesLoadedBy(...command.split(" "));
        const sources = loaded.flatMap((url) => SOURCE.exec(url)?.[2] ?? []);
        const bundled = sources.includes("bundle/main");
        expect(bundled || sources.includes("cli/main")).toBe(true);
        const packages = loaded.filter(
          (url) => url.includes("/node_modules/") && !/\/node_modules\/(tsx|esbuild)\//.test(url),
        );
        expect(packages).toEqual([]);
        if (bundled) expect(sources.filter((source) => !BUNDLE_START.test(source))).toEqual([]);
        else expect(sources.filter((source) => source.startsWith("cli/commands/"))).toEqual(["cli/commands/index"]);
      });
    });
  });

  describe("kg serve", () => {
    it("checks its flags before loading the server", () => {
      const { files, packages } = loadedByImporting(SRC, "cli/commands/serve.ts");
      expect([...packages]).toEqual([]);
      expect([...files].filter((file) => file.startsWith("server/"))).toEqual(["server/hostGuard.ts"]);
    });

    it("loads neither the extraction pipeline nor the web page reader when it starts the server", () => {
      const { files, packages } = loadedByAll("cli/commands/serve.ts", "cli/serveUntilStopped.ts");
      expect(files.has("server/start.ts")).toBe(true);
      expect([...files].filter((file) => file.startsWith("extract/"))).toEqual([]);
      expect(WRITE_PATH_PACKAGES.filter((name) => packages.has(name))).toEqual([]);
      expect(files.has("ingest/web/pageArticle.ts") || files.has("ingest/web/feed.ts")).toBe(false);
    });

    it("loads no graph file reader, exporter, ingest writer or write route until the server needs one", () => {
      const { files, packages } = loadedByAll("cli/commands/serve.ts", "cli/serveUntilStopped.ts");
      expect(NOT_AT_START_PACKAGES.filter((name) => packages.has(name))).toEqual([]);
      const domains = ["import/", "ingest/", "graphfile/", "export/"];
      const early = [...files].filter((file) => domains.some((domain) => file.startsWith(domain)));
      expect(early).toEqual([]);
      for (const later of ["server/writes.ts", "server/startGraph.ts", "server/routes/export.ts"])
        expect(files.has(later), later).toBe(false);
    });

    it("loads Express and its routes only once it listens, and the hot routes without them", () => {
      const { files, packages } = loadedByAll("cli/commands/serve.ts", "cli/serveUntilStopped.ts");
      expect(files.has("server/hot/index.ts")).toBe(true);
      expect(EXPRESS_PACKAGES.filter((name) => packages.has(name))).toEqual([]);
      expect([...files].filter((file) => file === "server/app.ts" || file.startsWith("server/routes/"))).toEqual([]);
    });
  });
});
