/**
 * Document texts: reads the verbatim text of a graph-data/ document by id, for exports that quote around the evidence
 * (RDF prefix/suffix) or count code points.
 */
import { readFileSync } from "node:fs";
import { IdSchema } from "../model/schemas.ts";
import { dataFilesOf, documentTextPath } from "../store/dataFiles.ts";

/** A lookup of document texts under the graph-data root `root`; null for an unknown id or one that is not an id. */
export function documentTextReader(root: string | undefined): (id: string) => string | null {
  const dataFiles = dataFilesOf(root);
  return (id) => {
    // Ids come from the graph; only well-formed ones are turned into paths (no "../").
    if (!IdSchema.safeParse(id).success) return null;
    try {
      return readFileSync(documentTextPath(dataFiles, id), "utf8");
    } catch {
      return null;
    }
  };
}
