/**
 * Type colours: the ontology's colour per entity type, for imported nodes that bring no colour of their own.
 */
import { OntologySchema } from "../model/schemas.ts";
import { dataFilesOf } from "../store/dataFiles.ts";
import { readYamlFile } from "../store/yamlFile.ts";
import type { DataIssue } from "../store/issues.ts";
import { logger } from "../util/logger.ts";

/** Colours from `root`'s ontology.yaml (the repository's graph-data/ by default); empty when it cannot be read. */
export function typeColors(root?: string): Record<string, string> {
  const issues: DataIssue[] = [];
  const parsed = readYamlFile(dataFilesOf(root).ontology, OntologySchema, issues);
  if (!parsed) {
    logger.warn({ issues: issues.length }, "import: ontology.yaml unreadable; imported nodes get the fallback colour");
    return {};
  }
  return Object.fromEntries(Object.entries(parsed.value.types).map(([type, def]) => [type, def.color]));
}
