/**
 * OpenAPI document: renders the endpoint specs (and their zod schemas) as OpenAPI 3.1, whose schemas are JSON
 * Schema 2020-12 — what `z.toJSONSchema` writes.
 */
import { z } from "zod";
import { API_ENDPOINTS, type EndpointSpec } from "./api/endpoints.ts";

/** Title and version written into the document. */
export interface OpenApiOptions {
  title: string;
  version: string;
  description: string;
}

export const DEFAULT_OPENAPI_OPTIONS: OpenApiOptions = {
  title: "Evidence graph API",
  version: "0.1.0",
  description: "Path queries, search and evidence over a knowledge graph whose every relation carries its quote.",
};

type JsonSchema = Record<string, unknown>;

/** The OpenAPI 3.1 document of `endpoints`. */
export function openApiDocument(
  endpoints: EndpointSpec[] = API_ENDPOINTS,
  options: Partial<OpenApiOptions> = {},
): Record<string, unknown> {
  const { title, version, description } = { ...DEFAULT_OPENAPI_OPTIONS, ...options };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    paths[endpoint.path] ??= {};
    paths[endpoint.path][endpoint.method] = operationOf(endpoint);
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: { title, version, description },
    paths,
  };
}

function operationOf(endpoint: EndpointSpec): Record<string, unknown> {
  const parameters = [...parametersOf(endpoint.params, "path"), ...parametersOf(endpoint.query, "query")];
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(endpoint.responses)) {
    const schema = schemaOf(response.schema, "output");
    const mediaTypes = response.mediaTypes ?? ["application/json"];
    responses[status] = {
      description: response.description,
      content: Object.fromEntries(mediaTypes.map((type) => [type, { schema }])),
    };
  }
  const requestBody = endpoint.body
    ? { required: true, content: { "application/json": { schema: schemaOf(endpoint.body, "input") } } }
    : undefined;
  return {
    summary: endpoint.summary,
    tags: [endpoint.tag],
    operationId: operationId(endpoint),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

/** One OpenAPI parameter per property of a params or query schema (as the client writes it: io "input"). */
function parametersOf(schema: z.ZodObject | undefined, where: "path" | "query"): JsonSchema[] {
  if (!schema) return [];
  const json = schemaOf(schema, "input");
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

/** JSON Schema 2020-12 of a zod schema, without the per-schema `$schema` key (the document sets the dialect). */
function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  });
  return json as JsonSchema;
}

/** `GET /api/nodes/{id}/neighbors` → `getNodesIdNeighbors`. */
function operationId(endpoint: EndpointSpec): string {
  const words = endpoint.path
    .replace(/^\/api\//, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return endpoint.method + words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}
