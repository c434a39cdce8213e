/**
 * Export query: the zod schema of an export request, shared by `GET /api/export` and `kg export`.
 */
import { z } from "zod";
import { ENTITY_TYPES } from "../model/types.ts";
import { PATH_LIMITS } from "../paths/index.ts";
import { checkWindowOrder, RELATION_FILTER_PARAMS } from "../graph/relationFilterQuery.ts";
import { CSV_PARTS, EXPORT_FORMATS, type ExportSubset } from "./types.ts";

/** Deepest ego graph an export may ask for. */
export const MAX_EGO_DEPTH = 5;

const splitList = (s: string) =>
  s
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
const AT_LEAST_ONE = "give at least one value, separated by commas";

const count = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `use a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** An export request: format, CSV part and subset, all as text (query string or flags). */
export const ExportQuerySchema = z
  .strictObject({
    format: z.enum(EXPORT_FORMATS, { error: `use one of ${EXPORT_FORMATS.join(", ")}` }),
    part: z.enum(CSV_PARTS, { error: `use one of ${CSV_PARTS.join(", ")}` }).optional(),
    types: z
      .string()
      .transform(splitList)
      .pipe(
        z.array(z.enum(ENTITY_TYPES, { error: `entity types are ${ENTITY_TYPES.join(", ")}` })).min(1, AT_LEAST_ONE),
      )
      .optional(),
    predicates: z
      .string()
      .transform(splitList)
      .pipe(z.array(z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, "predicates are lower-case ids")).min(1, AT_LEAST_ONE))
      .optional(),
    node: z.string().trim().min(1).optional(),
    depth: count(1, MAX_EGO_DEPTH).optional(),
    from: z.string().trim().min(1).optional(),
    to: z.string().trim().min(1).optional(),
    k: count(PATH_LIMITS.k.min, PATH_LIMITS.k.max).optional(),
    base: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/, "give an absolute IRI such as https://example.org/kg/")
      .max(1000)
      .optional(),
    dynamic: z
      .enum(["true", "false", "1", "0"], { error: "dynamic must be true or false" })
      .transform((v) => v === "true" || v === "1")
      .optional()
      .describe("GEXF only: dynamic mode, each node and edge with spells on its documents' days (Gephi's timeline)"),
    ...RELATION_FILTER_PARAMS,
  })
  .superRefine((q, ctx) => {
    checkWindowOrder(q, ctx);
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (q.part && q.format !== "csv") problem("part", "part only applies to format=csv");
    if (q.base && q.format !== "turtle" && q.format !== "jsonld")
      problem("base", "base only applies to format=turtle or format=jsonld");
    if (Boolean(q.from) !== Boolean(q.to)) problem(q.from ? "to" : "from", "a path export needs both from and to");
    if (q.node && (q.from || q.to)) problem("node", "ask for an ego graph (node) or paths (from, to), not both");
    if (q.depth !== undefined && !q.node) problem("depth", "depth applies to an ego graph: give node too");
    if (q.k !== undefined && !q.from) problem("k", "k applies to a path export: give from and to too");
    if (q.dynamic && q.format !== "gexf") problem("dynamic", "dynamic only applies to format=gexf");
  });

/** A parsed export request. */
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

/** The subset part of a parsed request. */
export function subsetOf(query: ExportQuery): ExportSubset {
  const { types, predicates, node, depth, from, to, k } = query;
  return { types, predicates, node, depth, from, to, k };
}
