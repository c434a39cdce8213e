/**
 * Data files: where each kind of file lives under a graph-data/ root.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The graph-data/ folder of this repository. */
export const DEFAULT_DATA_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../graph-data");

/** Paths of the files that make up one graph-data root. */
export interface DataFiles {
  root: string;
  ontology: string;
  entities: string;
  documentsDir: string;
  relationsDir: string;
  buildDir: string;
  builtGraph: string;
  /** extracted/<doc>.yaml: facts `kg ingest` extracted from each added document. */
  extractedDir: string;
  /** decisions.yaml: accept/reject decisions on extracted relations and reverted merges. */
  decisions: string;
  /** .staging/<tx>/: files of a write in progress (hidden, so builds and fingerprints ignore it). */
  stagingDir: string;
  /** .write.lock: held by the process currently writing to this root. */
  lockFile: string;
}

/** Resolves where the files of a graph-data root live. */
export function dataFilesOf(root: string = DEFAULT_DATA_ROOT): DataFiles {
  return {
    root,
    ontology: path.join(root, "ontology.yaml"),
    entities: path.join(root, "entities.yaml"),
    documentsDir: path.join(root, "documents"),
    relationsDir: path.join(root, "relations"),
    buildDir: path.join(root, "build"),
    builtGraph: path.join(root, "build", "graph.json"),
    extractedDir: path.join(root, "extracted"),
    decisions: path.join(root, "decisions.yaml"),
    stagingDir: path.join(root, ".staging"),
    lockFile: path.join(root, ".write.lock"),
  };
}

/** Path of a document's text. */
export function documentTextPath(dataFiles: DataFiles, id: string): string {
  return path.join(dataFiles.documentsDir, `${id}.txt`);
}

/** Path of a document's metadata. */
export function documentMetaPath(dataFiles: DataFiles, id: string): string {
  return path.join(dataFiles.documentsDir, `${id}.meta.yaml`);
}

/** Path of the facts extracted from a document. */
export function extractedPath(dataFiles: DataFiles, id: string): string {
  return path.join(dataFiles.extractedDir, `${id}.yaml`);
}
