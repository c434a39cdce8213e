/**
 * Compiled copy: src/'s TypeScript compiled by esbuild into .compiled/ (a sibling of src/, so that paths a module
 * takes relative to its own file, like "../../web/dist", still hold), which bin/kg.js runs instead of registering
 * tsx, whose module hooks make a round trip to another thread for every module loaded. It is made again, under a lock,
 * on the first run after any change to src/; when it cannot be (no esbuild, a read-only checkout, a syntax error,
 * another process making it), kg runs the sources through tsx. Plain JavaScript: it runs before anything can load
 * TypeScript.
 *
 * The entries kg starts from (`bundles`) are also bundled, with what they import statically, into a few files split
 * at each `import()`: Node then reads and links a handful of modules where it would read a hundred, each one a file
 * read and a compile of its own. Each bundled module keeps the per-file copy's `import.meta.url`, so the workers,
 * data files and folders it finds beside itself are the per-file copy's.
 */
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * Where the sources and the copy are, and how long a lock is respected.
 * @typedef {object} CompiledOptions
 * @property {string} root The repository (what srcDir, outDir and the extra inputs are relative to).
 * @property {string} srcDir The sources; outDir must sit at the same depth.
 * @property {string} outDir The compiled copy.
 * @property {string[]} inputs Files besides srcDir's whose change makes the copy stale (this compiler, tsconfig.json).
 * @property {number} lockStaleMs A lock older than this was left by a process that died; it is broken.
 * @property {string[]} bundles Entries (relative to srcDir) that compiledEntry gives as a bundle; their base names
 *   must differ.
 * @property {string} bundleDir Where the bundles go, in outDir (no folder of srcDir may have its name).
 * @property {string[]} bundledPackages Packages bundled with them (ES modules that no unbundled package imports);
 *   every other package stays an import from node_modules.
 */

/** @type {CompiledOptions} */
export const DEFAULT_COMPILED_OPTIONS = {
  root: fileURLToPath(new URL("..", import.meta.url)),
  srcDir: "src",
  outDir: ".compiled",
  inputs: ["bin/compiled.js", "tsconfig.json"],
  lockStaleMs: 60_000,
  bundles: ["cli/main.ts"],
  bundleDir: "bundle",
  // Its classic API's namespace loads every locale, some fifty modules, when imported as a package.
  bundledPackages: ["zod"],
};

const MANIFEST = ".manifest.json";
const LOCK = ".lock";
// Relative specifiers of TypeScript files ("./x.ts", "../a/b.ts"), in imports and in `new URL(…, import.meta.url)`.
const TS_SPECIFIER = /(["'])(\.{1,2}\/[^"'\n]*?)\.ts\1/g;

/**
 * The file URL of `entry` (a source relative to srcDir, e.g. "cli/main.ts") in the compiled copy (its bundle, for an
 * entry of `bundles`), after making the copy again if any input changed since it was made; null when the copy cannot
 * be used this time.
 * @param {string} entry
 * @param {Partial<CompiledOptions>} [options]
 * @returns {Promise<string | null>}
 */
export async function compiledEntry(entry, options = {}) {
  const opts = { ...DEFAULT_COMPILED_OPTIONS, ...options };
  const out = path.join(opts.root, opts.outDir);
  const file = opts.bundles.includes(entry)
    ? path.join(out, opts.bundleDir, path.basename(entry))
    : path.join(out, entry);
  const url = pathToFileURL(file.replace(/\.ts$/, ".js")).href;
  try {
    const inputs = inputState(opts);
    if (readManifest(out) === inputs) return url;
    return (await compileUnderLock(opts, inputs)) ? url : null;
  } catch {
    return null;
  }
}

/**
 * Every input with its size, modification and change times and inode, as one string: the copy is fresh while this is
 * what it was made from (the change time, which no tool sets back, catches a file copied over with an old date).
 * @param {CompiledOptions} opts
 * @returns {string}
 */
function inputState(opts) {
  const files = sourceFiles(path.join(opts.root, opts.srcDir)).map((file) => path.join(opts.srcDir, file));
  const lines = [...files, ...opts.inputs].map((file) => {
    const stat = statSync(path.join(opts.root, file));
    return `${file} ${stat.size} ${stat.mtimeMs} ${stat.ctimeMs} ${stat.ino}`;
  });
  return JSON.stringify(lines);
}

/**
 * Every file under `dir`, relative to it, sorted; hidden ones (an editor's swap files) left out.
 * @param {string} dir
 * @returns {string[]}
 */
function sourceFiles(dir) {
  /** @type {string[]} */
  const files = [];
  /** @param {string} sub */
  const walk = (sub) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const name = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(name);
      else if (entry.isFile()) files.push(name);
    }
  };
  walk("");
  return files.sort();
}

/**
 * @param {string} out
 * @returns {string | null}
 */
function readManifest(out) {
  try {
    return readFileSync(path.join(out, MANIFEST), "utf8");
  } catch {
    return null;
  }
}

/**
 * Compiles while holding the copy's lock; false, without waiting, when another process holds it.
 * @param {CompiledOptions} opts
 * @param {string} inputs
 * @returns {Promise<boolean>}
 */
async function compileUnderLock(opts, inputs) {
  const out = path.join(opts.root, opts.outDir);
  mkdirSync(out, { recursive: true });
  const lock = takeLock(path.join(out, LOCK), opts.lockStaleMs);
  if (lock === null) return false;
  try {
    // The old manifest goes first: a run that dies part-way leaves a copy no one takes for fresh.
    rmSync(path.join(out, MANIFEST), { force: true });
    await compile(opts);
    // A source saved while it was compiled may be in the copy either way: the next run compiles again.
    if (inputState(opts) !== inputs) return false;
    writeAtomically(path.join(out, MANIFEST), inputs);
    return true;
  } finally {
    closeSync(lock);
    unlinkSync(path.join(out, LOCK));
  }
}

/**
 * The lock file's descriptor, or null when a live process holds it; a lock older than `staleMs` is broken.
 * @param {string} file
 * @param {number} staleMs
 * @returns {number | null}
 */
function takeLock(file, staleMs) {
  try {
    return openSync(file, "wx");
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
    if (Date.now() - statSync(file).mtimeMs < staleMs) return null;
    unlinkSync(file);
    return openSync(file, "wx");
  }
}

/**
 * Compiles every .ts file of srcDir into outDir (ESM for Node 20, with source maps beside them) and copies the other
 * files, pointing relative .ts specifiers at the .js files; removes what no source makes any more.
 * @param {CompiledOptions} opts
 */
async function compile(opts) {
  const src = path.join(opts.root, opts.srcDir);
  const out = path.join(opts.root, opts.outDir);
  const files = sourceFiles(src);
  const esbuild = await import("esbuild");
  /** @type {import("esbuild").OutputFile[]} */
  const outputFiles = [];
  try {
    outputFiles.push(...(await esbuild.build(buildOptions(files, src, out, opts.root))).outputFiles);
    if (opts.bundles.length > 0) outputFiles.push(...(await esbuild.build(bundleOptions(opts))).outputFiles);
  } finally {
    // esbuild's service process would otherwise idle beside a server for as long as it runs.
    await esbuild.stop();
  }
  /** @type {Map<string, string | Buffer>} */
  const writes = new Map();
  for (const { path: file, text } of outputFiles) writes.set(file, file.endsWith(".js") ? pointAtJs(text) : text);
  for (const file of files.filter((name) => !name.endsWith(".ts"))) {
    const content = readFileSync(path.join(src, file));
    writes.set(path.join(out, file), file.endsWith(".mjs") ? pointAtJs(content.toString("utf8")) : content);
  }
  // In parallel, through the thread pool: the copy is hundreds of small files.
  await Promise.all([...writes].map(([file, content]) => writeIfChanged(file, content)));
  const made = new Set([...writes.keys()].map((file) => path.relative(out, file)));
  for (const file of sourceFiles(out)) if (!made.has(file)) rmSync(path.join(out, file), { force: true });
}

/**
 * What esbuild is asked: each .ts file of `src` (declaration files aside) as ESM for Node 20 with a source map beside
 * it, returned rather than written.
 * @param {string[]} files
 * @param {string} src
 * @param {string} out
 * @param {string} root
 * @returns {import("esbuild").BuildOptions & { write: false }}
 */
function buildOptions(files, src, out, root) {
  return {
    absWorkingDir: root,
    entryPoints: files
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
      .map((file) => path.join(src, file)),
    outdir: out,
    outbase: src,
    format: "esm",
    platform: "node",
    target: "node20",
    bundle: false,
    sourcemap: "linked",
    sourcesContent: false,
    write: false,
    logLevel: "silent",
  };
}

/**
 * What esbuild is asked for the bundles: each entry of opts.bundles with what it imports statically (our sources and
 * opts.bundledPackages), split at each `import()` into chunks shared by whatever imports them, as ESM for Node 20,
 * all in one folder of outDir, returned rather than written.
 * @param {CompiledOptions} opts
 * @returns {import("esbuild").BuildOptions & { write: false }}
 */
function bundleOptions(opts) {
  const names = opts.bundles.map((entry) => path.basename(entry));
  if (new Set(names).size !== names.length)
    throw new Error(`compiled copy: the bundled entries ${opts.bundles.join(", ")} must have different file names`);
  const src = path.join(opts.root, opts.srcDir);
  return {
    absWorkingDir: opts.root,
    entryPoints: opts.bundles.map((entry) => path.join(src, entry)),
    outdir: path.join(opts.root, opts.outDir, opts.bundleDir),
    entryNames: "[name]",
    chunkNames: "[name]-[hash]",
    format: "esm",
    platform: "node",
    target: "node20",
    bundle: true,
    splitting: true,
    plugins: [perFileUrls(opts)],
    sourcemap: "linked",
    sourcesContent: false,
    write: false,
    logLevel: "silent",
  };
}

/**
 * An esbuild plugin that leaves packages as imports (but opts.bundledPackages) and gives each source bundled the
 * `import.meta.url` of its file in the per-file copy, which every bundle and chunk (all in bundleDir) reaches by the
 * same relative path.
 * @param {CompiledOptions} opts
 * @returns {import("esbuild").Plugin}
 */
function perFileUrls(opts) {
  const src = path.join(opts.root, opts.srcDir);
  const out = path.join(opts.root, opts.outDir);
  const bundleOut = path.join(out, opts.bundleDir);
  /** @param {string} specifier */
  const bundled = (specifier) =>
    opts.bundledPackages.some((name) => specifier === name || specifier.startsWith(`${name}/`));
  return {
    name: "kg-per-file-urls",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) =>
        bundled(args.path) ? undefined : { path: args.path, external: true },
      );
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        const relative = path.relative(src, args.path);
        if (relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
        const own = path.relative(bundleOut, path.join(out, relative.replace(/\.ts$/, ".js")));
        const url = `new URL(${JSON.stringify(own.split(path.sep).join("/"))}, import.meta.url).href`;
        const contents = (await readFile(args.path, "utf8")).replaceAll("import.meta.url", url);
        return { contents, loader: "ts" };
      });
    },
  };
}

/**
 * `code` with its relative .ts specifiers ending in .js (the same number of lines, so the source map still holds).
 * @param {string} code
 * @returns {string}
 */
function pointAtJs(code) {
  return code.replace(TS_SPECIFIER, "$1$2.js$1");
}

/**
 * Writes `content` to `file` (through a temporary file renamed over it) unless it holds that already: a running
 * server importing a module later finds either version whole, and an unchanged file is left alone.
 * @param {string} file
 * @param {string | Buffer} content
 * @returns {Promise<void>}
 */
async function writeIfChanged(file, content) {
  const old = await readFile(file).catch(() => null);
  if (old?.equals(Buffer.from(content))) return;
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

/**
 * @param {string} file
 * @param {string} text
 */
function writeAtomically(file, text) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
