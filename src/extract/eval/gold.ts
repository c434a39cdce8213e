/**
 * Gold files: the hand-made entities and typed relations of an evaluation text, validated with zod.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { EntityTypeSchema } from "../../model/schemas.ts";
import { DataError, type DataIssue } from "../../store/issues.ts";
import { readYamlFile } from "../../store/yamlFile.ts";

const GoldSchema = z.strictObject({
  text: z.string().min(1),
  entities: z.array(
    z.strictObject({ label: z.string().min(1), type: EntityTypeSchema, aliases: z.array(z.string()).default([]) }),
  ),
  relations: z
    .array(z.strictObject({ subject: z.string().min(1), predicate: z.string().min(1), object: z.string().min(1) }))
    .default([]),
});

/** One gold file with its text. */
export type GoldDocument = z.infer<typeof GoldSchema> & { name: string; file: string; content: string };

/** Reads every `*.gold.yaml` of `dir` (sorted) and the text each points to; throws a {@link DataError} if broken. */
export function loadGoldSet(dir: string): GoldDocument[] {
  if (!existsSync(dir))
    throw new Error(`eval: the evaluation folder ${dir} does not exist; create it with *.gold.yaml files`);
  const issues: DataIssue[] = [];
  const docs: GoldDocument[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(".gold.yaml"))
    .sort()) {
    const file = path.join(dir, name);
    const gold = readYamlFile(file, GoldSchema, issues, "entities")?.value;
    if (!gold) continue;
    const textFile = path.resolve(dir, gold.text);
    if (!existsSync(textFile)) {
      issues.push({ file, message: `text "${gold.text}" not found; give a path relative to the gold file` });
      continue;
    }
    const labels = new Set(gold.entities.map((e) => e.label));
    for (const r of gold.relations)
      for (const end of [r.subject, r.object])
        if (!labels.has(end)) issues.push({ file, message: `relation end "${end}" is not the label of a gold entity` });
    docs.push({ ...gold, name: name.slice(0, -".gold.yaml".length), file, content: readFileSync(textFile, "utf8") });
  }
  if (issues.length > 0) throw new DataError(issues);
  return docs;
}
