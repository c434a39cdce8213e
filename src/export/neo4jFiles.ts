/**
 * Neo4j bundle texts: the README with the import command, schema.cypher, import.cypher (LOAD CSV … MERGE into an
 * existing database) and the manifest `kg` reads the bundle back with.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { NEO4J_ARRAY_DELIMITER, NEO4J_ARRAY_DELIMITER_OPTION, headerField } from "./neo4jColumns.ts";
import {
  DOCUMENT_HEADER,
  DOCUMENT_LABEL,
  ENTITY_LABEL,
  entityHeader,
  EVIDENCED_BY_HEADER,
  MENTIONS_HEADER,
  NEO4J_FILES,
  relationHeader,
} from "./neo4jHeaders.ts";
import type { Neo4jScan } from "./neo4jScan.ts";

/** Identifies a manifest written by this module; bumped when the bundle's layout changes. */
export const NEO4J_MANIFEST_FORMAT = "evidence-graph/neo4j-bundle";
export const NEO4J_MANIFEST_VERSION = 1;

/** Rows committed per transaction by import.cypher. */
const ROWS_PER_TRANSACTION = 1000;
const CYPHER_DELIMITER = "'\\u001F'";

/** The exact `neo4j-admin` command that imports the bundle, run from the bundle's folder. */
export function neo4jImportCommand(database = "neo4j"): string {
  return [
    "neo4j-admin database import full",
    "  --overwrite-destination",
    "  --multiline-fields=true",
    `  --array-delimiter=${NEO4J_ARRAY_DELIMITER_OPTION}`,
    `  --nodes=${NEO4J_FILES.entities}`,
    `  --nodes=${NEO4J_FILES.documents}`,
    `  --relationships=${NEO4J_FILES.relations}`,
    `  --relationships=${NEO4J_FILES.mentions}`,
    `  --relationships=${NEO4J_FILES.evidencedBy}`,
    `  ${database}`,
  ].join(" \\\n");
}

/** The bundle's README: what each file holds and how to load it. Counts only; no text from the documents. */
export function neo4jReadme(graph: KnowledgeGraph, scan: Neo4jScan): string {
  return `# Evidence graph — Neo4j bundle

${graph.order} entities, ${graph.size} relations, ${scan.documents.size} documents.

| file | what |
| --- | --- |
| \`${NEO4J_FILES.entities}\` | one \`:${ENTITY_LABEL}\` node per entity, also labelled by its type (\`:${ENTITY_LABEL}:Person\`) |
| \`${NEO4J_FILES.documents}\` | one \`:${DOCUMENT_LABEL}\` node per source document |
| \`${NEO4J_FILES.relations}\` | one relationship per relation, typed by its predicate in UPPER_SNAKE; evidence as arrays |
| \`${NEO4J_FILES.mentions}\` | \`(:${DOCUMENT_LABEL})-[:MENTIONS]->(:${ENTITY_LABEL})\` |
| \`${NEO4J_FILES.evidencedBy}\` | \`(subject)-[:EVIDENCED_BY {relation, quote, start, end}]->(:${DOCUMENT_LABEL})\`, one per quote |
| \`${NEO4J_FILES.schema}\` | constraints and indexes |
| \`${NEO4J_FILES.importCypher}\` | the same data with LOAD CSV … MERGE, for adding to an existing database |
| \`${NEO4J_FILES.manifest}\` | how \`kg build --from\` / \`kg serve --graph\` read the bundle back |

## New database (bulk import)

Stop the database, then from this folder:

\`\`\`sh
${neo4jImportCommand()}
\`\`\`

Start Neo4j and create the constraints and indexes: \`cypher-shell -u neo4j -f ${NEO4J_FILES.schema}\`.

## Existing database (LOAD CSV)

Neo4j 5.26 or newer (dynamic labels and types). Copy the CSV files into the database's \`import\` folder, then
\`cypher-shell -u neo4j -f ${NEO4J_FILES.schema}\` and \`cypher-shell -u neo4j -f ${NEO4J_FILES.importCypher}\`.
Running it again updates the same nodes and relationships (MERGE on the entity id, the document id and the relation key).

## Values

- Arrays are separated by U+001F (\`--array-delimiter=${NEO4J_ARRAY_DELIMITER_OPTION}\`); a property whose values cannot
  be written that way, or that holds objects, is JSON text.
- Numbers with a fraction are \`double\` (neo4j-admin's \`float\` is 32-bit and would change 0.85).
- Evidence offsets (\`evidenceStarts\`, \`evidenceEnds\`) are \`[start, end)\` in UTF-16 code units, the indices of
  Neo4j's own strings: \`substring(text, start, end - start)\` gives the quote.
`;
}

/** Constraints on the ids, indexes on what queries look up (labels, types, relation keys), a full-text index. */
export function schemaCypher(scan: Neo4jScan): string {
  const lines = [
    `CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:${ENTITY_LABEL}) REQUIRE n.id IS UNIQUE;`,
    `CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:${DOCUMENT_LABEL}) REQUIRE d.id IS UNIQUE;`,
    `CREATE INDEX entity_label IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.label);`,
    `CREATE INDEX entity_type IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.type);`,
    `CREATE FULLTEXT INDEX entity_text IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON EACH [n.label, n.description];`,
    "CREATE INDEX evidenced_by_relation IF NOT EXISTS FOR ()-[e:EVIDENCED_BY]-() ON (e.relation);",
    ...scan.relationshipTypes.map(
      (type) => `CREATE INDEX ${type.toLowerCase()}_key IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.key);`,
    ),
  ];
  return lines.join("\n") + "\n";
}

/** LOAD CSV … MERGE statements for every file, typed as the headers say. */
export function importCypher(scan: Neo4jScan): string {
  const entityHead = entityHeader(scan);
  const relationHead = relationHeader(scan);
  const nodeSets = scan.nodeProperties.map((p) => `n.${p.name} = ${value(p, headerField(p))}`);
  const edgeSets = [
    ...scan.edgeProperties.map((p) => `r.${p.name} = ${value(p, headerField(p))}`),
    ...relationHead.slice(4 + scan.edgeProperties.length).map((field) => {
      const [name, type] = field.split(":");
      return `r.${name} = ${value({ type: type.replace("[]", ""), array: type.endsWith("[]") }, field)}`;
    }),
  ];
  const blocks = [
    load(NEO4J_FILES.entities, [
      `MERGE (n:${ENTITY_LABEL} {id: ${col(entityHead[0])}})`,
      `SET n:$(split(${col(":LABEL")}, ${CYPHER_DELIMITER}))`,
      ...setClause(nodeSets),
    ]),
    load(NEO4J_FILES.documents, [
      `MERGE (d:${DOCUMENT_LABEL} {id: ${col(DOCUMENT_HEADER[0])}})`,
      `SET d.title = ${col(DOCUMENT_HEADER[2])}`,
    ]),
    load(NEO4J_FILES.relations, [
      `MATCH (a:${ENTITY_LABEL} {id: ${col(relationHead[0])}}), (b:${ENTITY_LABEL} {id: ${col(relationHead[1])}})`,
      `MERGE (a)-[r:$(${col(":TYPE")}) {key: ${col("key:string")}}]->(b)`,
      ...setClause(edgeSets),
    ]),
    load(NEO4J_FILES.mentions, [
      `MATCH (d:${DOCUMENT_LABEL} {id: ${col(MENTIONS_HEADER[0])}}), (n:${ENTITY_LABEL} {id: ${col(MENTIONS_HEADER[1])}})`,
      "MERGE (d)-[:MENTIONS]->(n)",
    ]),
    load(NEO4J_FILES.evidencedBy, [
      `MATCH (n:${ENTITY_LABEL} {id: ${col(EVIDENCED_BY_HEADER[0])}}), (d:${DOCUMENT_LABEL} {id: ${col(EVIDENCED_BY_HEADER[1])}})`,
      `MERGE (n)-[e:EVIDENCED_BY {relation: ${col("relation:string")}, start: toInteger(${col("start:int")})}]->(d)`,
      `SET e.quote = ${col("quote:string")}, e.end = toInteger(${col("end:int")})`,
    ]),
  ];
  return `// Adds the bundle to an existing database (Neo4j 5.26+); run ${NEO4J_FILES.schema} first.\n\n${blocks.join("\n\n")}\n`;
}

/** What `kg` needs to read the bundle back exactly: graph attributes, property names and encodings. */
export function neo4jManifest(graph: KnowledgeGraph, scan: Neo4jScan): string {
  return JSON.stringify(
    {
      format: NEO4J_MANIFEST_FORMAT,
      version: NEO4J_MANIFEST_VERSION,
      arrayDelimiter: NEO4J_ARRAY_DELIMITER,
      graphAttributes: graph.getAttributes(),
      nodeProperties: scan.nodeProperties,
      edgeProperties: scan.edgeProperties,
      evidenceJson: scan.evidenceJson,
    },
    null,
    2,
  );
}

function load(file: string, body: string[]): string {
  return [
    `LOAD CSV WITH HEADERS FROM 'file:///${file}' AS row`,
    "CALL (row) {",
    ...body.map((l) => `  ${l}`),
    `} IN TRANSACTIONS OF ${ROWS_PER_TRANSACTION} ROWS;`,
  ].join("\n");
}

function setClause(assignments: string[]): string[] {
  return assignments.length === 0 ? [] : [`SET ${assignments.join(",\n      ")}`];
}

function col(field: string): string {
  return `row.\`${field}\``;
}

const CONVERT: Record<string, string> = {
  int: "toInteger",
  long: "toInteger",
  double: "toFloat",
  boolean: "toBoolean",
};

function value(property: { type: string; array: boolean }, field: string): string {
  const convert = CONVERT[property.type];
  if (!property.array) return convert ? `${convert}(${col(field)})` : col(field);
  const items = `split(${col(field)}, ${CYPHER_DELIMITER})`;
  return convert ? `[x IN ${items} | ${convert}(x)]` : items;
}
