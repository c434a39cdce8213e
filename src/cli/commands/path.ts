/**
 * kg path: how two entities are connected — the same query as GET /api/paths, printed as text or JSON.
 */
import type { KnowledgeGraph } from "../../model/types.ts";
import { findPaths, pathNode, resolveEntity, type PathResult, type PathSearch } from "../../paths/index.ts";
import { PathsQuerySchema } from "../../query/schemas.ts";
import { loadServedGraph } from "../../query/loadGraph.ts";
import { parseCommandArgs } from "../args.ts";
import { UsageError, type Command, type CommandIO } from "../types.ts";

/** Longest quote printed under a hop; the JSON output always has the full text. */
const QUOTE_WIDTH = 160;

export const pathCommand: Command = {
  name: "path",
  summary: "Show how two entities are connected: the k shortest paths, every hop with its evidence.",
  usage:
    "npx kg path FROM TO [--k N] [--max-hops N] [--predicates a,b] [--exclude id,id] [--min-confidence X] " +
    "[--directed] [--all [--limit N]] [--json] [--graph FILE] [--data DIR]",
  run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        k: { type: "string" },
        "max-hops": { type: "string" },
        predicates: { type: "string" },
        exclude: { type: "string" },
        "min-confidence": { type: "string" },
        directed: { type: "boolean" },
        all: { type: "boolean" },
        limit: { type: "string" },
        json: { type: "boolean" },
        graph: { type: "string" },
        data: { type: "string" },
      },
      true,
    );
    if (positionals.length !== 2) throw new UsageError(`give two entities, FROM and TO (got ${positionals.length})`);
    // The HTTP schema validates the flags, so the CLI and the API accept exactly the same queries.
    const parsed = PathsQuerySchema.safeParse(
      dropUndefined({
        from: positionals[0],
        to: positionals[1],
        k: values.k,
        maxHops: values["max-hops"],
        directed: values.directed ? "true" : undefined,
        predicates: values.predicates,
        exclude: values.exclude,
        minConfidence: values["min-confidence"],
        mode: values.all ? "all" : undefined,
        limit: values.limit,
      }),
    );
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => flagName(i.message)).join("; "));
    const query = parsed.data;
    const graph = loadServedGraph({ graphFile: values.graph ?? null, dataRoot: values.data });
    const from = resolveOrFail(graph, query.from, "FROM", io);
    const to = resolveOrFail(graph, query.to, "TO", io);
    if (from === null || to === null) return 1;
    const exclude: string[] = [];
    for (const text of query.exclude ?? []) {
      const id = resolveOrFail(graph, text, "--exclude", io);
      if (id === null) return 1;
      exclude.push(id);
    }
    const result = findPaths(graph, from, to, { ...query, predicates: query.predicates ?? null, exclude });
    if (values.json) {
      io.out(JSON.stringify({ from: pathNode(graph, from), to: pathNode(graph, to), ...result }, null, 2));
    } else {
      io.out(formatPaths(graph, from, to, result, query.maxHops));
    }
    return 0;
  },
};

/** The entity `text` names, or null after printing the candidates or suggestions. */
function resolveOrFail(graph: KnowledgeGraph, text: string, what: string, io: CommandIO): string | null {
  const match = resolveEntity(graph, text);
  if (match.type === "found") return match.id;
  const list = (hits: { id: string; label: string }[]) => hits.map((h) => `  ${h.id}  (${h.label})`).join("\n");
  if (match.type === "ambiguous") {
    io.err(
      `kg path: ${what} "${text}" matches several entities equally well; use one of these ids:\n${list(match.candidates)}`,
    );
  } else if (match.suggestions.length > 0) {
    io.err(`kg path: ${what}: unknown entity "${text}"; did you mean:\n${list(match.suggestions)}`);
  } else {
    io.err(`kg path: ${what}: unknown entity "${text}"; look it up with GET /api/search?q=`);
  }
  return null;
}

/** Text output: one numbered sentence chain per path, then each hop's evidence. */
function formatPaths(graph: KnowledgeGraph, from: string, to: string, result: PathSearch, maxHops: number): string {
  const title = `${pathNode(graph, from).label} → ${pathNode(graph, to).label}`;
  if (result.paths.length === 0) {
    return `${title}: no path within ${maxHops} hops${result.truncated ? " (the time budget ran out)" : ""}`;
  }
  const count = `${result.paths.length} path${result.paths.length > 1 ? "s" : ""}`;
  const lines = [`${title}: ${count}${result.truncated ? " (cut short: more may exist)" : ""}`];
  result.paths.forEach((path, i) => lines.push("", ...formatPath(path, i + 1)));
  return lines.join("\n");
}

function formatPath(path: PathResult, n: number): string[] {
  const lines = [
    `${n}. ${path.text}`,
    `   ${path.hops} hop${path.hops === 1 ? "" : "s"}, confidence ${path.confidence}`,
  ];
  for (const edge of path.edges) {
    lines.push(`   · ${edge.source} ${edge.predicate} ${edge.target} (${edge.confidence})`);
    for (const evidence of edge.evidence) {
      lines.push(`     "${truncate(evidence.quote)}" [${evidence.doc} ${evidence.start}–${evidence.end}]`);
    }
  }
  return lines;
}

function truncate(text: string): string {
  return text.length <= QUOTE_WIDTH ? text : text.slice(0, QUOTE_WIDTH - 1) + "…";
}

/** Turns the API's parameter names in messages into the CLI's flags. */
function flagName(message: string): string {
  return message
    .replace(/^maxHops/, "--max-hops")
    .replace(/^minConfidence/, "--min-confidence")
    .replace(/^(k|limit|predicates|exclude)\b/, "--$1")
    .replace(/^from\b/, "FROM")
    .replace(/^to\b/, "TO");
}

function dropUndefined(record: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Record<string, string>;
}
