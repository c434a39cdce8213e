/**
 * kg export: writes the graph, or a subset of it, as GEXF, GraphML, JSON, CSV, a Neo4j bundle, Turtle or
 * JSON-LD — the same files as
 * GET /api/export.
 */
import path from "node:path";
import { writeBundleFolder } from "../../export/bundleFolder.ts";
import { documentTextReader } from "../../export/documentTexts.ts";
import { neo4jBundle } from "../../export/neo4j.ts";
import { ExportQuerySchema } from "../../export/query.ts";
import { answerExport } from "../../query/export.ts";
import { loadServedGraph } from "../../query/loadGraph.ts";
import { writeStreamAtomic } from "../../store/atomicWrite.ts";
import { parseCommandArgs } from "../args.ts";
import { UsageError, type CommandIO } from "../types.ts";

const FLAGS = {
  format: { type: "string" },
  out: { type: "string" },
  part: { type: "string" },
  types: { type: "string" },
  predicates: { type: "string" },
  node: { type: "string" },
  depth: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  k: { type: "string" },
  base: { type: "string" },
  dynamic: { type: "boolean" },
  since: { type: "string" },
  until: { type: "string" },
  "min-support": { type: "string" },
  graph: { type: "string" },
  data: { type: "string" },
} as const;

/** Runs `kg export` with its arguments; resolves to the exit code. */
export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs(args, FLAGS);
  const { out, graph: graphFile, data, dynamic, "min-support": minSupport, ...flags } = values;
  // Flags spelled as the query parameters they stand for, so both are validated by one schema.
  const request = {
    ...flags,
    ...(dynamic ? { dynamic: "true" } : {}),
    ...(minSupport === undefined ? {} : { minSupport }),
  };
  // The HTTP schema validates the flags, so the CLI and the API accept exactly the same requests.
  const parsed = ExportQuerySchema.safeParse(request);
  if (!parsed.success)
    throw new UsageError(
      parsed.error.issues
        .map((i) => `--${(i.path.join(".") || "format").replace("minSupport", "min-support")}: ${i.message}`)
        .join("; "),
    );
  const query = parsed.data;
  if (query.format === "csv" && (query.part ?? "zip") === "zip" && !out)
    throw new UsageError("a CSV zip cannot be printed; give --out FILE, or --part nodes|edges");
  if (query.format === "neo4j" && !out)
    throw new UsageError("a Neo4j bundle cannot be printed; give --out DIR (a folder) or --out FILE.zip");
  const baseName = out ? path.basename(out, path.extname(out)) : "graph";
  const served = loadServedGraph({ graphFile: graphFile ?? null, dataRoot: data });
  // Document texts (for code-point offsets and quote context in RDF) come from graph-data/ unless a file is served.
  const { file, graph } = answerExport(served, request, baseName, graphFile && !data ? null : documentTextReader(data));
  if (!out) {
    const parts: Buffer[] = [];
    for await (const chunk of file.chunks) parts.push(Buffer.from(chunk));
    io.out(Buffer.concat(parts).toString("utf8"));
    return 0;
  }
  // Streamed to a temporary file (or folder), then renamed: a failed export never leaves half a file behind.
  if (query.format === "neo4j" && path.extname(out).toLowerCase() !== ".zip")
    await writeBundleFolder(out, neo4jBundle(graph));
  else await writeStreamAtomic(out, file.chunks);
  io.out(
    `exported ${graph.order} nodes, ${graph.size} edges as ${query.format} -> ${path.relative(process.cwd(), out)}`,
  );
  return 0;
}
