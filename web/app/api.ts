/**
 * API client: typed calls to the server, each answer checked with zod at the boundary, errors as readable messages.
 */
import { z } from "zod";
import type { DocumentResult, OntologyInfo, PathsResult } from "./types.ts";

// The page's CSP forbids eval; without this zod probes `new Function` once and the browser reports a CSP violation.
z.config({ jitless: true });

const EvidenceSchema = z.object({ doc: z.string(), quote: z.string(), start: z.number(), end: z.number() });

const PathsSchema = z.object({
  paths: z.array(
    z.object({
      hops: z.number(),
      nodes: z.array(z.object({ id: z.string(), label: z.string(), type: z.string() })),
      edges: z.array(
        z.object({
          id: z.string(),
          source: z.string(),
          target: z.string(),
          predicate: z.string(),
          label: z.string(),
          direction: z.string().default("forward"),
          evidence: z.array(EvidenceSchema).default([]),
        }),
      ),
      text: z.string().default(""),
    }),
  ),
});

const DocumentSchema = z.object({
  id: z.string(),
  text: z.string(),
  meta: z.record(z.string(), z.unknown()).default({}),
});

const OntologySchema = z.object({
  types: z.array(z.object({ id: z.string(), label: z.string(), color: z.string() })),
  predicates: z.array(z.object({ id: z.string(), label: z.string(), inverse: z.string() })),
});

const ErrorBodySchema = z.object({ error: z.object({ message: z.string() }) });

/** A failed call, with a message fit to show to the reader. */
export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
  }
}

/** Fetches `url` and parses the JSON body with `schema`; throws {@link ApiError} with the server's message. */
async function getJson<S extends z.ZodType>(url: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" }, signal });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, `cannot reach the server (${(error as Error).message}); is it still running?`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ErrorBodySchema.safeParse(body);
    throw new ApiError(response.status, parsed.success ? parsed.data.error.message : `HTTP ${response.status}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(response.status, `unexpected answer from ${url.split("?")[0]}`);
  return parsed.data;
}

/** The served graph as a graphology JSON export (its shape is checked by graphology's import). */
export async function fetchGraph(): Promise<unknown> {
  return getJson("/api/graph", z.object({ nodes: z.array(z.unknown()), edges: z.array(z.unknown()) }).loose());
}

/** The ontology's type labels/colours and predicate labels, or null when the server has no /api/ontology. */
export async function fetchOntology(): Promise<OntologyInfo | null> {
  try {
    return await getJson("/api/ontology", OntologySchema);
  } catch {
    return null;
  }
}

/** Parameters of a path query. */
export interface PathQuery {
  from: string;
  to: string;
  k: number;
  maxHops: number;
  predicates: string[];
}

/** GET /api/paths: the k shortest paths between two entities ([] when there is none). */
export async function fetchPaths(query: PathQuery, signal?: AbortSignal): Promise<PathsResult> {
  const params = new URLSearchParams({
    from: query.from,
    to: query.to,
    k: String(query.k),
    maxHops: String(query.maxHops),
  });
  if (query.predicates.length > 0) params.set("predicates", query.predicates.join(","));
  return getJson(`/api/paths?${params}`, PathsSchema, signal);
}

/** GET /api/documents/:id: a document's text, to show an evidence span in context. */
export async function fetchDocument(id: string): Promise<DocumentResult> {
  return getJson(`/api/documents/${encodeURIComponent(id)}`, DocumentSchema);
}

/** The URL of a GEXF export, of the whole graph or restricted to the given types and predicates. */
export function gexfUrl(subset: { types?: string[]; predicates?: string[] } = {}): string {
  const params = new URLSearchParams({ format: "gexf" });
  if (subset.types) params.set("types", subset.types.join(","));
  if (subset.predicates) params.set("predicates", subset.predicates.join(","));
  return `/api/export?${params}`;
}
