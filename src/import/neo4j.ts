/**
 * Neo4j bundle import: reads the entities and relations files of a `neo4j-admin` bundle (as `kg export --format
 * neo4j` writes it: a folder or a zip) back into a knowledge graph, typed by the headers and, when present, by the
 * bundle's manifest (graph attributes, property names, JSON properties).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import type Graph from "graphology";
import type { Attributes } from "graphology-types";
import { strFromU8, unzipSync } from "fflate";
import { z } from "zod";
import { NEO4J_FILES } from "../export/neo4jHeaders.ts";
import { NEO4J_MANIFEST_FORMAT } from "../export/neo4jFiles.ts";
import { ENTITY_TYPES, type KnowledgeGraph } from "../model/types.ts";
import { parseCsvRows } from "./csv.ts";
import { toKnowledgeGraph } from "./normalize.ts";
import { ImportError, type ImportOptions } from "./types.ts";

/** neo4j-admin's default array delimiter, for bundles without a manifest. */
const DEFAULT_ARRAY_DELIMITER = ";";
const NUMERIC = new Set(["int", "long", "short", "byte", "float", "double"]);

const PropertySchema = z.object({ key: z.string(), name: z.string(), json: z.boolean() });

/** The manifest `kg export --format neo4j` writes beside the CSV files. */
export const Neo4jManifestSchema = z.object({
  format: z.literal(NEO4J_MANIFEST_FORMAT),
  version: z.literal(1),
  arrayDelimiter: z.string().length(1),
  graphAttributes: z.record(z.string(), z.unknown()),
  nodeProperties: z.array(PropertySchema),
  edgeProperties: z.array(PropertySchema),
});

/** A bundle's text files by name. */
export type BundleFiles = Map<string, string>;

/** Reads the bundle files of a folder or a zip; throws an {@link ImportError} naming what is missing. */
export function readBundleFiles(location: string): BundleFiles {
  const files: BundleFiles = new Map();
  if (statSync(location).isDirectory()) {
    for (const name of readdirSync(location))
      if (name.endsWith(".csv") || name.endsWith(".json"))
        files.set(name, readFileSync(path.join(location, name), "utf8"));
  } else {
    try {
      return unzipBundleFiles(readFileSync(location));
    } catch (error) {
      throw new ImportError(`import: ${location} is not a readable zip (${(error as Error).message}); export it again`);
    }
  }
  return files;
}

/** The files of a zipped bundle by base name (a zip of the bundle's folder keeps the folder name in its entries). */
export function unzipBundleFiles(bytes: Uint8Array): BundleFiles {
  const files: BundleFiles = new Map();
  for (const [name, data] of Object.entries(unzipSync(bytes))) files.set(path.posix.basename(name), strFromU8(data));
  return files;
}

/** True when the files look like a Neo4j bundle (an entities file or a manifest). */
export function isNeo4jBundle(files: BundleFiles): boolean {
  return files.has(NEO4J_FILES.entities) || files.has(NEO4J_FILES.manifest);
}

/** Builds the knowledge graph of a bundle; `name` names it in errors. */
export function readNeo4jBundle(
  files: BundleFiles,
  name: string,
  options: Partial<ImportOptions> = {},
): KnowledgeGraph {
  const manifest = readManifest(files, name);
  const delimiter = manifest?.arrayDelimiter ?? DEFAULT_ARRAY_DELIMITER;
  const entities = files.get(NEO4J_FILES.entities);
  if (entities === undefined)
    throw new ImportError(`import: ${name} has no ${NEO4J_FILES.entities}; export the bundle again with kg export`);
  const graph = new MultiDirectedGraph() as unknown as Graph;
  graph.replaceAttributes(manifest?.graphAttributes ?? {});
  const nodes = table(entities, `${name}/${NEO4J_FILES.entities}`, manifest?.nodeProperties ?? [], delimiter);
  const idAt = nodes.special.findIndex((s) => s?.startsWith("ID"));
  if (idAt < 0) throw new ImportError(`import: ${name}/${NEO4J_FILES.entities} has no :ID column; add one`);
  const labelAt = nodes.special.indexOf("LABEL");
  for (const cells of nodes.rows) {
    const attributes = nodes.record(cells);
    if (attributes.type === undefined && labelAt >= 0) attributes.type = typeFromLabels(cells[labelAt], delimiter);
    graph.mergeNode(cells[idAt], attributes);
  }
  const relationsText = files.get(NEO4J_FILES.relations);
  if (relationsText !== undefined)
    readRelations(graph, relationsText, `${name}/${NEO4J_FILES.relations}`, manifest, delimiter);
  return toKnowledgeGraph(graph, { jsonKeys: new Set() }, options);
}

function readRelations(
  graph: Graph,
  text: string,
  name: string,
  manifest: z.infer<typeof Neo4jManifestSchema> | null,
  delimiter: string,
): void {
  const edges = table(text, name, manifest?.edgeProperties ?? [], delimiter);
  const [startAt, endAt, typeAt] = ["START_ID", "END_ID", "TYPE"].map((s) =>
    edges.special.findIndex((f) => f?.startsWith(s)),
  );
  if (startAt < 0 || endAt < 0) throw new ImportError(`import: ${name} needs :START_ID and :END_ID columns; add them`);
  edges.rows.forEach((cells, i) => {
    const { key, evidenceDocuments, evidenceQuotes, evidenceStarts, evidenceEnds, evidenceJson, ...rest } =
      edges.record(cells);
    const attributes: Attributes = rest;
    if (attributes.predicate === undefined && typeAt >= 0) attributes.predicate = cells[typeAt].toLowerCase();
    if (typeof evidenceJson === "string") attributes.evidence = JSON.parse(evidenceJson);
    else if (Array.isArray(evidenceQuotes))
      attributes.evidence = evidenceQuotes.map((quote, j) => ({
        doc: (evidenceDocuments as string[])[j],
        quote,
        start: (evidenceStarts as number[])[j],
        end: (evidenceEnds as number[])[j],
      }));
    else attributes.evidence = [];
    const [source, target] = [cells[startAt], cells[endAt]];
    graph.mergeNode(source);
    graph.mergeNode(target);
    graph.addDirectedEdgeWithKey(typeof key === "string" ? key : `e${i}`, source, target, attributes);
  });
}

interface Table {
  /** Per column: the special field (`ID(Entity)`, `LABEL`, `TYPE`, …) or null for a property. */
  special: (string | null)[];
  rows: string[][];
  /** The typed properties of one row (empty cells are missing). */
  record: (cells: string[]) => Attributes;
}

function table(text: string, name: string, properties: z.infer<typeof PropertySchema>[], delimiter: string): Table {
  const [header = [], ...body] = parseCsvRows(text, name);
  const byName = new Map(properties.map((p) => [p.name, p]));
  const columns = header.map((field) => {
    const colon = field.lastIndexOf(":");
    const fieldName = colon < 0 ? field : field.slice(0, colon);
    const type = colon < 0 ? "string" : field.slice(colon + 1);
    const known = byName.get(fieldName);
    const special = fieldName === "" || /^(ID|START_ID|END_ID)(\(|$)|^(LABEL|TYPE|IGNORE)$/.test(type) ? type : null;
    return { special, key: known?.key ?? fieldName, json: known?.json ?? false, cast: castOf(type, delimiter) };
  });
  const record = (cells: string[]) => {
    const out: Attributes = {};
    columns.forEach((c, i) => {
      const cell = cells[i] ?? "";
      if (c.special !== null || cell === "") return;
      out[c.key] = c.json ? JSON.parse(cell) : c.cast(cell);
    });
    return out;
  };
  return { special: columns.map((c) => c.special), rows: body, record };
}

function castOf(type: string, delimiter: string): (cell: string) => unknown {
  const array = type.endsWith("[]");
  const scalar = array ? type.slice(0, -2) : type;
  const one: (cell: string) => unknown = NUMERIC.has(scalar)
    ? Number
    : scalar === "boolean"
      ? (c) => c === "true"
      : (c) => c;
  return array ? (cell) => cell.split(delimiter).map((c) => one(c)) : one;
}

function typeFromLabels(cell: string, delimiter: string): string | undefined {
  const types = ENTITY_TYPES as readonly string[];
  return cell
    .split(delimiter)
    .map((l) => l.toLowerCase())
    .find((l) => types.includes(l));
}

function readManifest(files: BundleFiles, name: string): z.infer<typeof Neo4jManifestSchema> | null {
  const text = files.get(NEO4J_FILES.manifest);
  if (text === undefined) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportError(`import: ${name}/${NEO4J_FILES.manifest} is not JSON; delete it or export the bundle again`);
  }
  const parsed = Neo4jManifestSchema.safeParse(data);
  if (!parsed.success)
    throw new ImportError(
      `import: ${name}/${NEO4J_FILES.manifest} is not a bundle manifest of this version (${parsed.error.issues[0]?.message}); export the bundle again`,
    );
  return parsed.data;
}

/** Reads the bundle in a folder or a zip file. */
export function readNeo4jFile(location: string, options: Partial<ImportOptions> = {}): KnowledgeGraph {
  const files = readBundleFiles(location);
  if (!isNeo4jBundle(files))
    throw new ImportError(
      `import: ${location} holds no ${NEO4J_FILES.entities}; give a folder or zip written by kg export --format neo4j`,
    );
  return readNeo4jBundle(files, path.basename(location), options);
}
