/**
 * Types of ./compiled.js (plain JavaScript, since it runs before anything can load TypeScript), for its tests.
 */

/** Where the sources and the compiled copy are, and how long a lock is respected. */
export interface CompiledOptions {
  /** The repository (what srcDir, outDir and the extra inputs are relative to). */
  root: string;
  /** The sources; outDir must sit at the same depth. */
  srcDir: string;
  /** The compiled copy. */
  outDir: string;
  /** Files besides srcDir's whose change makes the copy stale (this compiler, tsconfig.json). */
  inputs: string[];
  /** A lock older than this was left by a process that died; it is broken. */
  lockStaleMs: number;
  /** Entries (relative to srcDir) that compiledEntry gives as a bundle, split at each import(); base names differ. */
  bundles: string[];
  /** Where the bundles go, in outDir (no folder of srcDir may have its name). */
  bundleDir: string;
  /** Packages bundled with them (ES modules no unbundled package imports); every other one stays an import. */
  bundledPackages: string[];
}

export const DEFAULT_COMPILED_OPTIONS: CompiledOptions;

/**
 * The file URL of `entry` (a source relative to srcDir, e.g. "cli/main.ts") in the compiled copy (its bundle, for an
 * entry of `bundles`), after making the copy again if any input changed since it was made; null when the copy cannot
 * be used this time.
 */
export function compiledEntry(entry: string, options?: Partial<CompiledOptions>): Promise<string | null>;
