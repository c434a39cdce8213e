/**
 * Data issues: a problem found in a graph-data file, located by file, line and record, with a fix hint.
 */
import path from "node:path";

/** One problem in graph-data/, precise enough to fix by hand. */
export interface DataIssue {
  file: string;
  line?: number;
  record?: string;
  message: string;
}

/** Formats an issue as `file:line (record): message`, with the file relative to `cwd`. */
export function formatIssue(issue: DataIssue, cwd: string = process.cwd()): string {
  const where = path.relative(cwd, issue.file) + (issue.line ? `:${issue.line}` : "");
  const record = issue.record ? ` (${issue.record})` : "";
  return `${where}${record}: ${issue.message}`;
}

/** Thrown when graph-data/ cannot be loaded or fails validation; carries every issue found. */
export class DataError extends Error {
  readonly issues: DataIssue[];

  constructor(issues: DataIssue[]) {
    super(
      `graph-data: ${issues.length} problem${issues.length === 1 ? "" : "s"} found:\n` +
        issues.map((i) => "  " + formatIssue(i)).join("\n"),
    );
    this.name = "DataError";
    this.issues = issues;
  }
}
