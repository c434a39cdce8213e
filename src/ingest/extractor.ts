/**
 * Default extractor: the pipeline of src/extract, loaded on first use so that the write path does not pay for the
 * NLP models at start-up (and reads keep working if the pipeline cannot load).
 */
import { lazyImport } from "../util/lazyImport.ts";
import type { ExtractionResult } from "./types.ts";
import { IngestError, type Extractor, type ExtractorContext } from "./types.ts";

/** The part of src/extract/index.ts the writer uses. */
interface ExtractModule {
  extractDocument: (text: string, context?: object) => ExtractionResult;
  loadExtractContext?: (root?: string) => object;
  /** Compiles (and caches, per ontology, lexicon and graph) the lookup tables of a context. */
  compiledFor?: (context: object) => unknown;
}

const extractModule = lazyImport(
  () =>
    import("../extract/index.ts").then((module: Partial<ExtractModule>) => {
      if (typeof module.extractDocument !== "function") throw new Error("src/extract/index.ts has no extractDocument");
      return module as ExtractModule;
    }),
  (error) =>
    new IngestError(
      "unavailable",
      `ingest: the extraction pipeline cannot be loaded (${error.message}); check src/extract and run "npm install"`,
    ),
);

/**
 * Resolves to src/extract's `extractDocument`, reading the ontology and lexicon of `root` (not the repository's);
 * an {@link IngestError} (503) says why when the pipeline cannot be loaded.
 */
export async function loadDefaultExtractor(root: string): Promise<Extractor> {
  const module = await extractModule();
  const full = (context: ExtractorContext) => ({ ...(module.loadExtractContext?.(root) ?? {}), ...context });
  const extractor: Extractor = (text, context = {}) => module.extractDocument(text, full(context));
  // Compiling the graph's names costs more than extracting a 1,000-word article from a 10,000-node graph; doing it
  // for the graph just served, before the next article arrives, takes it off the ingest's critical path.
  extractor.prepare = (context) => void module.compiledFor?.(full(context));
  return extractor;
}
