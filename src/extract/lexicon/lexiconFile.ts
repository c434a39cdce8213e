/**
 * Lexicon file: reads and validates graph-data/lexicon.yaml (known names, role nouns, gift nouns, group nouns).
 */
import path from "node:path";
import { existsSync } from "node:fs";
import { z } from "zod";
import { EntityTypeSchema } from "../../model/schemas.ts";
import { DEFAULT_DATA_ROOT } from "../../store/dataFiles.ts";
import { DataError, type DataIssue } from "../../store/issues.ts";
import { readYamlFile } from "../../store/yamlFile.ts";
import { slug } from "./gazetteer.ts";
import type { Lexicon } from "./types.ts";

const LexiconFileSchema = z.strictObject({
  entities: z
    .array(
      z.strictObject({
        label: z.string().min(1),
        type: EntityTypeSchema,
        subtype: z.string().optional(),
        aliases: z.array(z.string().min(1)).default([]),
        demonyms: z.array(z.string().min(1)).optional(),
      }),
    )
    .default([]),
  roles: z.record(z.string(), z.array(z.string().min(1))).default({}),
  gifts: z.record(z.string(), z.array(z.string().min(1))).default({}),
  groupNouns: z.array(z.string().min(1)).default([]),
});

/** The lexicon with nothing in it (the gazetteer and the graph still apply). */
export const EMPTY_LEXICON: Lexicon = { entries: [], roles: {}, gifts: {}, groupNouns: [] };

/** Path of the lexicon under a graph-data root. */
export function lexiconPath(root: string = DEFAULT_DATA_ROOT): string {
  return path.join(root, "lexicon.yaml");
}

/** Reads graph-data/lexicon.yaml; a missing file is an empty lexicon, a broken one a {@link DataError}. */
export function loadLexicon(root: string = DEFAULT_DATA_ROOT): Lexicon {
  const file = lexiconPath(root);
  if (!existsSync(file)) return EMPTY_LEXICON;
  const issues: DataIssue[] = [];
  const parsed = readYamlFile(file, LexiconFileSchema, issues, "entities");
  if (!parsed) throw new DataError(issues);
  const { entities, roles, gifts, groupNouns } = parsed.value;
  return {
    entries: entities.map((e) => ({ ...e, id: slug(e.label), origin: "lexicon" as const })),
    roles,
    gifts,
    groupNouns,
  };
}
