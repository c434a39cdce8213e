/**
 * Default extractor: the pipeline of src/extract, loaded on first use so that the write path does not pay for the
 * NLP models at start-up (and reads keep working if the pipeline cannot load).
 */
import { IngestError, type Extractor } from "./types.ts";

let cached: Promise<Extractor> | null = null;

/** Resolves to src/extract's `extractDocument`; an {@link IngestError} (503) says why when it cannot be loaded. */
export function loadDefaultExtractor(): Promise<Extractor> {
  cached ??= import(new URL("../extract/index.ts", import.meta.url).href)
    .then((module: { extractDocument?: Extractor }) => {
      if (typeof module.extractDocument !== "function") throw new Error("src/extract/index.ts has no extractDocument");
      return module.extractDocument;
    })
    .catch((error: Error) => {
      cached = null;
      throw new IngestError(
        "unavailable",
        `ingest: the extraction pipeline cannot be loaded (${error.message}); check src/extract and run "npm install"`,
      );
    });
  return cached;
}
