/**
 * Response schemas of the page: the server's own (src/query/schemas.ts), made forgiving where a served foreign graph
 * file may give an attribute another type, and cheaper where checking every value would slow the page down. Every
 * shape is derived from the server's schema, never written again (tests/architecture/responseShapes.test.ts).
 */
import "./zodConfig.ts";
import { z } from "zod";
import {
  DrawGraphResponseSchema,
  GraphEdgeDetailResponseSchema,
  GraphEdgeResponseSchema,
  GraphEntityAttributesSchema,
  GraphNodeResponseSchema,
  GraphRelationAttributesSchema,
} from "../../src/query/schemas.ts";

/** Each optional field of a shape, read as absent when its value has another type. */
type Forgiving<S extends z.ZodRawShape> = {
  [K in keyof S]: S[K] extends z.ZodOptional ? z.ZodCatch<S[K]> : S[K];
};

/**
 * `schema` with each optional field forgiving: a graph file's `stance: 3` drops the stance instead of the whole answer,
 * while the required fields (what the panel cannot do without) are still checked.
 */
export function forgiving<S extends z.ZodRawShape>(schema: z.ZodObject<S>): z.ZodObject<Forgiving<S>> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      field instanceof z.ZodOptional ? field.catch(undefined) : field,
    ]),
  );
  return schema.extend(shape) as unknown as z.ZodObject<Forgiving<S>>;
}

/** A relation's attributes: forgiving, and without the evidence when a graph file's evidence is malformed. */
const RelationAttributesSchema = forgiving(GraphRelationAttributesSchema).extend({
  evidence: GraphRelationAttributesSchema.shape.evidence.catch([]),
});

/** GET /api/graph/edges/:id, read forgivingly. */
export const EdgeDetailSchema = GraphEdgeDetailResponseSchema.extend({ attributes: RelationAttributesSchema });

/** GET /api/graph/nodes/:id, read forgivingly (its relations too). */
export const NodeDetailSchema = GraphNodeResponseSchema.extend({
  attributes: forgiving(GraphEntityAttributesSchema),
  edges: z.array(GraphEdgeResponseSchema.extend({ attributes: RelationAttributesSchema })),
});

/** The drawing payload of GET /api/graph?view=draw: node and edge columns, kinds by index. */
export type DrawGraph = z.infer<typeof DrawGraphResponseSchema>;

/** A table of columns, each checked only for being an array. */
type Columns<S extends z.ZodRawShape> = z.ZodObject<{ [K in keyof S]: z.ZodType<z.output<S[K]>> }>;

/**
 * A table of the drawing payload whose columns zod checks only for being arrays; their values are checked where the
 * graph is built (graphFromDraw in graph.ts), in the loop that reads them anyway: zod's check of every value of a
 * 10k-node/50k-edge payload (400,000 values) cost about 150 ms of a cold page load.
 */
function columns<S extends z.ZodRawShape>(table: z.ZodObject<S>): Columns<S> {
  const isArray = z.custom((value) => Array.isArray(value), { message: "expected an array" });
  // A column the server may leave out (an overview's group columns) stays optional.
  const column = (schema: z.ZodType) => (schema.safeParse(undefined).success ? isArray.optional() : isArray);
  return table.extend(
    Object.fromEntries(Object.entries(table.shape).map(([key, schema]) => [key, column(schema as z.ZodType)])),
  ) as Columns<S>;
}

/** The server's drawing payload schema with each column checked only for being an array (see {@link columns}). */
export const DrawGraphSchema: z.ZodType<DrawGraph> = DrawGraphResponseSchema.extend({
  nodes: columns(DrawGraphResponseSchema.shape.nodes),
  edges: columns(DrawGraphResponseSchema.shape.edges),
});
