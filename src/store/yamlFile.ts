/**
 * YAML files: parse and validate with zod, reporting every problem with its file and line.
 */
import { readFileSync } from "node:fs";
import { LineCounter, parseDocument, isSeq, type Document } from "yaml";
import type { z } from "zod";
import type { DataIssue } from "./issues.ts";

/** A parsed, validated file plus the line where each item of its top-level list starts. */
export interface ParsedFile<T> {
  value: T;
  /** Line (1-based) of item `i` of the list under `key` (by default the `listKey` asked for), if any. */
  itemLine: (i: number, key?: string) => number | undefined;
}

/** Reads `file` as YAML and validates it against `schema`; problems are pushed to `issues` and `null` returned. */
export function readYamlFile<S extends z.ZodType>(
  file: string,
  schema: S,
  issues: DataIssue[],
  listKey?: string,
): ParsedFile<z.infer<S>> | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    issues.push({
      file,
      message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? error}); create it or fix its permissions`,
    });
    return null;
  }
  return parseYamlText(text, file, schema, issues, listKey);
}

/** Parses YAML text already in memory; see {@link readYamlFile}. */
export function parseYamlText<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  issues: DataIssue[],
  listKey?: string,
): ParsedFile<z.infer<S>> | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = lineCounter.linePos(error.pos[0]).line;
      issues.push({
        file,
        line,
        message: `YAML syntax error: ${error.message.split("\n")[0]}; fix the indentation or quoting`,
      });
    }
    return null;
  }
  const lineOf = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const problem of parsed.error.issues) {
      const line = lineOf(nodeAt(doc, problem.path as (string | number)[])?.range?.[0]);
      const at = problem.path.length ? `at "${problem.path.join(".")}": ` : "";
      issues.push({ file, line, message: `${at}${problem.message}` });
    }
    return null;
  }
  const itemLine = (i: number, key = listKey) => {
    const list = key ? doc.get(key, true) : undefined;
    return isSeq(list) ? lineOf((list.items[i] as { range?: number[] })?.range?.[0]) : undefined;
  };
  return { value: parsed.data, itemLine };
}

/** The deepest YAML node along `path` (falls back to the nearest existing ancestor). */
function nodeAt(doc: Document, path: (string | number)[]): { range?: [number, number, number] | null } | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (node && typeof node === "object" && "range" in node) return node as { range?: [number, number, number] };
  }
  return undefined;
}
