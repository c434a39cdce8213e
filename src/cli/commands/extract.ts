/**
 * kg extract: prints the entities and relations the pipeline finds in a text file (text or --format json), or in
 * each document of a JSON Lines stream (--jsonl).
 */
import { existsSync } from "node:fs";
import { readGraphJson } from "../../graphfile/graphFile.ts";
import { dataFilesOf } from "../../store/dataFiles.ts";
import {
  checkText,
  extractDocument,
  loadExtractContext,
  MAX_TEXT_BYTES,
  type ExtractContext,
  type Extraction,
} from "../../extract/index.ts";
import { extractJsonLines, isBatchError } from "../../extract/batch.ts";
import { readFileBounded } from "../../util/boundedRead.ts";
import { parseCommandArgs } from "../args.ts";
import { lineOutput, openLineInput } from "../lineStreams.ts";
import { UsageError, type CommandIO } from "../types.ts";

const FORMATS = ["text", "json"] as const;

/** Runs `kg extract` with its arguments; resolves to the exit code. */
export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      format: { type: "string" },
      data: { type: "string" },
      graph: { type: "string" },
      cold: { type: "boolean" },
      jsonl: { type: "string" },
    },
    true,
  );
  if (values.jsonl !== undefined) {
    if (positionals.length) throw new UsageError(`--jsonl reads its own input; drop "${positionals[0]}"`);
    if (values.format !== undefined && values.format !== "json")
      throw new UsageError(`--jsonl prints JSON lines only; drop --format ${values.format}`);
    return runJsonLines(values.jsonl, values, io);
  }
  if (positionals.length !== 1) throw new UsageError("give exactly one FILE to extract from");
  const format = values.format ?? "text";
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got "${format}"`);
  const text = readText(positionals[0]);
  const result = extractDocument(text, contextFor(values));
  io.out(format === "json" ? JSON.stringify(result, null, 2) : formatText(result));
  return 0;
}

type ContextFlags = { data?: string; graph?: string; cold?: boolean };

/** The ontology and lexicon of --data, and unless --cold the graph to resolve against; loaded once per run. */
function contextFor(values: ContextFlags): ExtractContext {
  const context: ExtractContext = { ...loadExtractContext(values.data) };
  if (!values.cold) context.graph = graphFor(values.graph, values.data);
  return context;
}

/** `--jsonl`: one output line per input line; 1 when any line was refused. The input is checked before the graph loads. */
async function runJsonLines(file: string, values: ContextFlags, io: CommandIO): Promise<number> {
  const input = await openLineInput(file);
  const context = contextFor(values);
  const output = lineOutput(io);
  let failed = 0;
  try {
    for await (const result of extractJsonLines(input, context)) {
      if (isBatchError(result)) failed++;
      await output.write(JSON.stringify(result));
    }
  } finally {
    output.close();
  }
  return failed ? 1 : 0;
}

/** Reads and checks the file; every refusal says what is wrong and how to fix it. */
function readText(file: string): string {
  // At most the limit plus one byte, and only from a regular file: /dev/zero or a FIFO is refused at once.
  const bytes = readFileBounded(file, MAX_TEXT_BYTES);
  const checked = checkText(bytes);
  if (!checked.ok) throw new Error(`${file}: ${checked.message}`);
  return checked.text;
}

/** The graph to resolve against: --graph FILE, else the built graph of the data root when there is one. */
function graphFor(file: string | undefined, root: string | undefined) {
  if (file) return readGraphJson(file);
  const built = dataFilesOf(root).builtGraph;
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
