/**
 * kg validate: checks graph-data/ (schema, references, domain/range, verbatim evidence) and lists every problem.
 */
import { loadDataset } from "../../store/load.ts";
import { DataError } from "../../store/issues.ts";
import { validateDataset } from "../../graph/validate.ts";
import { parseCommandArgs } from "../args.ts";
import type { CommandIO } from "../types.ts";

/** Runs `kg validate` with its arguments; resolves to the exit code. */
export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs(args, { data: { type: "string" } });
  const dataset = loadDataset(values.data);
  const issues = validateDataset(dataset);
  if (issues.length > 0) {
    io.err(new DataError(issues).message);
    return 1;
  }
  io.out(
    `graph-data is valid: ${dataset.documents.size} documents, ${dataset.entities.length} entities, ${dataset.relations.length} relations`,
  );
  return 0;
}
