/**
 * kg extract: prints the entities and relations the pipeline finds in a text file (text or --format json).
 */
import { existsSync, readFileSync } from "node:fs";
import { readGraphJson } from "../../build/graphFile.ts";
import { dataLayout } from "../../store/layout.ts";
import {
  checkText,
  extractDocument,
  loadExtractContext,
  type ExtractContext,
  type Extraction,
} from "../../extract/index.ts";
import { parseCommandArgs } from "../args.ts";
import { UsageError, type Command } from "../types.ts";

const FORMATS = ["text", "json"] as const;

/** `kg extract FILE`: read-only; prints what `kg ingest` would add, for checking the pipeline on a text. */
export const extractCommand: Command = {
  name: "extract",
  summary: "Extract candidate entities and relations (with verbatim evidence) from a text file; changes nothing.",
  usage: "npx kg extract FILE [--format text|json] [--data DIR] [--graph FILE] [--cold]",
  run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { format: { type: "string" }, data: { type: "string" }, graph: { type: "string" }, cold: { type: "boolean" } },
      true,
    );
    if (positionals.length !== 1) throw new UsageError("give exactly one FILE to extract from");
    const format = values.format ?? "text";
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got "${format}"`);
    const text = readText(positionals[0]);
    const context: ExtractContext = { ...loadExtractContext(values.data) };
    if (!values.cold) context.graph = graphFor(values.graph, values.data);
    const result = extractDocument(text, context);
    io.out(format === "json" ? JSON.stringify(result, null, 2) : formatText(result));
    return 0;
  },
};

/** Reads and checks the file; every refusal says what is wrong and how to fix it. */
function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint =
      code === "ENOENT" ? "check the path" : code === "EISDIR" ? "give a file, not a folder" : "check its permissions";
    throw new Error(`cannot read ${file} (${code ?? (error as Error).message}); ${hint}`, { cause: error });
  }
  const checked = checkText(bytes);
  if (!checked.ok) throw new Error(`${file}: ${checked.message}`);
  return checked.text;
}

/** The graph to resolve against: --graph FILE, else the built graph of the data root when there is one. */
function graphFor(file: string | undefined, root: string | undefined) {
  if (file) return readGraphJson(file);
  const built = dataLayout(root).builtGraph;
  return existsSync(built) ? readGraphJson(built) : undefined;
}

function formatText(r: Extraction): string {
  // Open relations are listed with the typed ones, their verb phrase beside the predicate.
  const listed = r.relations.filter((x) => x.kind !== "cooccurrence");
  const open = listed.filter((x) => x.kind === "open").length;
  const lines = [`entities (${r.entities.length}):`];
  for (const e of r.entities)
    lines.push(
      `  ${e.type.padEnd(12)} ${e.label} [${e.id}]` +
        (e.aliases.length ? `  also: ${e.aliases.join("; ")}` : "") +
        `  (${e.mentions.length} mention${e.mentions.length === 1 ? "" : "s"})`,
    );
  const cooccurrences = r.relations.length - listed.length;
  lines.push(`relations (${listed.length - open} typed, ${open} open, ${cooccurrences} co-occurrence):`);
  for (const x of listed) {
    const predicate = x.kind === "open" && x.label ? `${x.predicate} "${x.label}"` : x.predicate;
    lines.push(
      `  ${x.source} ${predicate} ${x.target}  (${x.modality}, ${x.stance}${x.negated ? ", negated" : ""}, ${x.confidence})` +
        `  "${x.evidence.quote}" [${x.evidence.start}, ${x.evidence.end})`,
    );
  }
  if (r.merges.length) lines.push(`merges (${r.merges.length}):`);
  for (const m of r.merges) lines.push(`  ${m.rule.padEnd(10)} "${m.surface}" [${m.start}, ${m.end}) -> ${m.entity}`);
  return lines.join("\n");
}
