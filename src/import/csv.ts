/**
 * CSV import: reads a nodes file and an edges file (as `kg export --format csv` writes them, or as Gephi's data
 * laboratory exports them) into a knowledge graph.
 *
 * CSV carries no types: the model's own columns get the model's types, and any other column is typed as a whole —
 * numbers when every cell is a number, booleans when every cell is true/false, JSON when every cell is a JSON list
 * or object, text otherwise. Empty cells are missing values.
 */
import { MultiDirectedGraph } from "graphology";
import type Graph from "graphology";
import type { Attributes } from "graphology-types";
import { parse } from "csv-parse/sync";
import { EDGE_COLUMN_SEED, NODE_COLUMN_SEED } from "../export/columns.ts";
import { CSV_CLASH_PREFIX } from "../export/csv.ts";
import type { ColumnType } from "../export/types.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { toKnowledgeGraph } from "./normalize.ts";
import { ImportError, type ImportOptions } from "./types.ts";

type Cast = (cell: string) => unknown;

/** Reads the two CSV texts; `name` names the source in errors. Edges to undeclared nodes create them. */
export function readCsvGraph(
  nodesText: string,
  edgesText: string,
  name: string,
  options: Partial<ImportOptions> = {},
): KnowledgeGraph {
  const nodes = table(nodesText, `${name} (nodes)`, ["id", "label"], ["id"]);
  const edges = table(edgesText, `${name} (edges)`, ["id", "source", "target", "label"], ["source", "target"]);
  const graph = new MultiDirectedGraph() as unknown as Graph;
  const nodeCasts = casts(nodes, new Map(NODE_COLUMN_SEED));
  for (const cells of nodes.rows) graph.mergeNode(cells[nodes.fixed.id], record(nodes, cells, nodeCasts));
  const edgeCasts = casts(edges, new Map(EDGE_COLUMN_SEED));
  edges.rows.forEach((cells, i) => {
    const [source, target] = [cells[edges.fixed.source], cells[edges.fixed.target]];
    const key = edges.fixed.id !== undefined && cells[edges.fixed.id] ? cells[edges.fixed.id] : `e${i}`;
    graph.mergeNode(source);
    graph.mergeNode(target);
    graph.addDirectedEdgeWithKey(key, source, target, record(edges, cells, edgeCasts));
  });
  return toKnowledgeGraph(graph, { jsonKeys: new Set() }, options);
}

interface Table {
  /** Index of each fixed column (id, label, source, target), by lower-case name. */
  fixed: Record<string, number>;
  columns: { key: string; index: number }[];
  rows: string[][];
}

/** The rows of a CSV text, header first; throws an {@link ImportError} naming `name` when it is not valid CSV. */
export function parseCsvRows(text: string, name: string): string[][] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, relax_quotes: false });
  } catch (error) {
    throw new ImportError(`import: ${name} is not valid CSV (${(error as Error).message}); fix the file`);
  }
}

function table(text: string, name: string, fixedNames: string[], required: string[]): Table {
  const [header = [], ...body] = parseCsvRows(text, name);
  const fixed: Record<string, number> = {};
  const columns: Table["columns"] = [];
  header.forEach((title, index) => {
    const lower = title.toLowerCase();
    if (fixedNames.includes(lower) && !(lower in fixed)) fixed[lower] = index;
    else
      columns.push({ key: title.startsWith(CSV_CLASH_PREFIX) ? title.slice(CSV_CLASH_PREFIX.length) : title, index });
  });
  const missing = required.filter((r) => !(r in fixed));
  if (missing.length > 0)
    throw new ImportError(`import: ${name} has no ${missing.join(", ")} column; the header row must name it`);
  return { fixed, columns, rows: body };
}

function record(t: Table, cells: string[], cast: Map<string, Cast>): Attributes {
  const out: Attributes = {};
  if (t.fixed.label !== undefined && cells[t.fixed.label] !== "") out.label = cells[t.fixed.label];
  for (const { key, index } of t.columns) {
    const cell = cells[index] ?? "";
    if (cell !== "") out[key] = (cast.get(key) as Cast)(cell);
  }
  return out;
}

function casts(t: Table, known: Map<string, ColumnType>): Map<string, Cast> {
  const result = new Map<string, Cast>();
  for (const { key, index } of t.columns) {
    const type = known.get(key);
    const cells = t.rows.map((r) => r[index] ?? "").filter((c) => c !== "");
    result.set(key, type ? castOf(type) : inferCast(cells));
  }
  return result;
}

function castOf(type: ColumnType): Cast {
  if (type === "json" || type.startsWith("list")) return parseJsonOrText;
  if (type === "boolean") return (c) => c === "true";
  if (type === "string") return (c) => c;
  return Number;
}

function inferCast(cells: string[]): Cast {
  if (cells.length === 0) return (c) => c;
  if (cells.every((c) => c.trim() !== "" && Number.isFinite(Number(c)))) return Number;
  if (cells.every((c) => c === "true" || c === "false")) return (c) => c === "true";
  if (cells.every((c) => /^[[{]/.test(c) && parseJsonOrText(c) !== c)) return parseJsonOrText;
  return (c) => c;
}

function parseJsonOrText(cell: string): unknown {
  try {
    return JSON.parse(cell);
  } catch {
    return cell;
  }
}
