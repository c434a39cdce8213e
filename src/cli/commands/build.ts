/**
 * kg build: validates graph-data/ and writes the laid-out graph as a graphology JSON export.
 */
import path from "node:path";
import { buildToFile } from "../../graphfile/buildToFile.ts";
import { buildFromFile } from "../../import/buildFromFile.ts";
import { parseCommandArgs } from "../args.ts";
import { UsageError, type CommandIO } from "../types.ts";

/** Runs `kg build` with its arguments; resolves to the exit code. */
export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs(args, {
    out: { type: "string" },
    data: { type: "string" },
    from: { type: "string" },
  });
  const started = performance.now();
  if (values.from !== undefined) {
    if (values.data !== undefined) throw new UsageError("--from reads a graph file, not graph-data/; drop --data");
    const { graph, out } = buildFromFile(values.from, values.out);
    const ms = Math.round(performance.now() - started);
    io.out(
      `converted ${graph.order} nodes, ${graph.size} edges from ${values.from} in ${ms} ms -> ${path.relative(process.cwd(), out)}`,
    );
    return 0;
  }
  const { graph, out, dataset } = buildToFile(values.out, { root: values.data });
  const ms = Math.round(performance.now() - started);
  io.out(
    `built ${graph.order} nodes, ${graph.size} edges from ${dataset.documents.size} documents in ${ms} ms -> ${path.relative(process.cwd(), out)}`,
  );
  return 0;
}
