/**
 * kg path: how two entities are connected — GET /api/paths's answer function, printed as text or as the same JSON.
 */
import type { PathResult } from "../../paths/index.ts";
import { errorAnswer, HttpError } from "../../query/errors.ts";
import { answerPaths, type PathsAnswer } from "../../query/paths.ts";
import { PathsQuerySchema } from "../../query/schemas.ts";
import { loadServedGraph } from "../../query/loadGraph.ts";
import { parseCommandArgs } from "../args.ts";
import { UsageError, type CommandIO } from "../types.ts";
import { graphView } from "../../query/servedView.ts";

/** Longest quote printed under a hop; the JSON output always has the full text. */
const QUOTE_WIDTH = 160;

/** Runs `kg path` with its arguments; resolves to the exit code. */
export async function run(args: string[], io: CommandIO): Promise<number> {
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
      since: { type: "string" },
      until: { type: "string" },
      "min-support": { type: "string" },
      json: { type: "boolean" },
      graph: { type: "string" },
      data: { type: "string" },
    },
    true,
  );
  if (positionals.length !== 2) throw new UsageError(`give two entities, FROM and TO (got ${positionals.length})`);
  // The HTTP schema validates the flags, so the CLI and the API accept exactly the same queries.
  const rawQuery = dropUndefined({
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
    since: values.since,
    until: values.until,
    minSupport: values["min-support"],
  });
  const parsed = PathsQuerySchema.safeParse(rawQuery);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => flagName(i.message)).join("; "));
  const graph = loadServedGraph({ graphFile: values.graph ?? null, dataRoot: values.data });
  let answer: PathsAnswer;
  try {
    answer = answerPaths(graphView(graph), rawQuery);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    // The endpoint's error body, byte for byte, in --json; the same facts as sentences otherwise.
    if (values.json) io.out(JSON.stringify(errorAnswer(error, "/api/paths").body));
    else io.err(`kg path: ${describeError(error)}`);
    return 1;
  }
  io.out(values.json ? JSON.stringify(answer) : formatPaths(answer, parsed.data.maxHops));
  return 0;
}

/** Names of the query parameters as the command line spells them. */
const PARAM_NAMES: Record<string, string> = {
  from: "FROM",
  to: "TO",
  exclude: "--exclude",
  predicates: "--predicates",
};

/** The candidates of an ambiguous name, the suggestions for an unknown one, or the error's own message. */
function describeError(error: HttpError): string {
  const { param, candidates, suggestions } = error.details as {
    param?: string;
    candidates?: { id: string; label: string }[];
    suggestions?: { id: string; label: string }[];
  };
  const what = PARAM_NAMES[param ?? ""] ?? param;
  // Both messages quote the name as written first: `from: "ukr" matches …`, `to: unknown entity "Podolyk" …`.
  const text = /"([^"]*)"/.exec(error.message)?.[1] ?? "";
  const list = (hits: { id: string; label: string }[]) => hits.map((h) => `  ${h.id}  (${h.label})`).join("\n");
  if (error.code === "ambiguous" && candidates) {
    return `${what} "${text}" matches several entities equally well; use one of these ids:\n${list(candidates)}`;
  }
  if (error.code === "not_found" && suggestions) {
    if (suggestions.length > 0) return `${what}: unknown entity "${text}"; did you mean:\n${list(suggestions)}`;
    return `${what}: unknown entity "${text}"; look it up with GET /api/search?q=`;
  }
  return error.message;
}

/** Text output: one numbered sentence chain per path, then each hop's evidence. */
function formatPaths(result: PathsAnswer, maxHops: number): string {
  const title = `${result.from.label} → ${result.to.label}`;
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
    .replace(/^minSupport/, "--min-support")
    .replace(/^(since|until)\b/, "--$1")
    .replace(/^(k|limit|predicates|exclude)\b/, "--$1")
    .replace(/^from\b/, "FROM")
    .replace(/^to\b/, "TO");
}

function dropUndefined(record: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Record<string, string>;
}
