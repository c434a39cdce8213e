/**
 * kg build: validates graph-data/ and writes the laid-out graph as a graphology JSON export.
 */
import path from "node:path";
import { buildToFile } from "../../build/build.ts";
import { parseCommandArgs } from "../args.ts";
import type { Command } from "../types.ts";

export const buildCommand: Command = {
  name: "build",
  summary: "Validate graph-data/ and write the graph (graphology JSON) to graph-data/build/graph.json or --out FILE.",
  usage: "npx kg build [--out FILE] [--data DIR]",
  run(args, io) {
    const { values } = parseCommandArgs(args, { out: { type: "string" }, data: { type: "string" } });
    const started = performance.now();
    const { graph, out, dataset } = buildToFile(values.out, { root: values.data });
    const ms = Math.round(performance.now() - started);
    io.out(
      `built ${graph.order} nodes, ${graph.size} edges from ${dataset.documents.size} documents in ${ms} ms -> ${path.relative(process.cwd(), out)}`,
    );
    return 0;
  },
};
