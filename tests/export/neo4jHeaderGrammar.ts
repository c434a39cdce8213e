/**
 * Test helper: the header grammar of `neo4j-admin database import` CSV files, written down from the Neo4j operations
 * manual ("Import" → "CSV header format"), and a checker that names every violation.
 *
 *   header        = field *( "," field )
 *   field         = property / id / label / start-id / end-id / type / ignore
 *   property      = name ":" property-type [ "[]" ]            ; a property needs a name
 *   property-type = "int" / "long" / "float" / "double" / "boolean" / "byte" / "short" / "char" / "string"
 *                 / "point" / "date" / "localtime" / "time" / "localdatetime" / "datetime" / "duration"
 *   id            = [ name ] ":ID" [ "(" group ")" ]            ; node files: exactly one
 *   label         = ":LABEL"                                   ; node files: at most one
 *   start-id      = ":START_ID" [ "(" group ")" ]              ; relationship files: exactly one
 *   end-id        = ":END_ID" [ "(" group ")" ]                ; relationship files: exactly one
 *   type          = ":TYPE"                                    ; relationship files: one (or --relationships=TYPE=…)
 *   ignore        = [ name ] ":IGNORE"
 *   name          = 1*( any character but ":" and "," )       ; names are unique within a file
 * A field without ":type" is a string property. Relationship id groups must be groups some node file declares.
 */

const PROPERTY_TYPES = [
  "int",
  "long",
  "float",
  "double",
  "boolean",
  "byte",
  "short",
  "char",
  "string",
  "point",
  "date",
  "localtime",
  "time",
  "localdatetime",
  "datetime",
  "duration",
];
const FIELD = /^([^:,]*)(?::([A-Za-z_]+)(\(([^()]+)\))?(\[\])?)?$/;

/** What a header declares: its kind of file, id groups, and the problems found. */
export interface HeaderCheck {
  kind: "nodes" | "relationships";
  idGroup: string | null;
  startGroup: string | null;
  endGroup: string | null;
  problems: string[];
}

/** Checks one header row against the grammar above. */
export function checkHeader(fields: string[]): HeaderCheck {
  const problems: string[] = [];
  const counts: Record<string, number> = {};
  const groups: Record<string, string | null> = {};
  const names = new Set<string>();
  for (const field of fields) {
    const match = FIELD.exec(field);
    if (!match) {
      problems.push(`"${field}" is not name:type`);
      continue;
    }
    const [, name, type = "string", , group, array] = match;
    const special = ["ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"].includes(type);
    if (special) {
      counts[type] = (counts[type] ?? 0) + 1;
      if (group !== undefined && !["ID", "START_ID", "END_ID"].includes(type))
        problems.push(`"${field}": only ID, START_ID and END_ID take a group`);
      if (array) problems.push(`"${field}": ${type} is not an array type`);
      if (name && ["LABEL", "START_ID", "END_ID", "TYPE"].includes(type))
        problems.push(`"${field}": ${type} takes no name`);
      groups[type] = group ?? null;
    } else {
      if (!PROPERTY_TYPES.includes(type)) problems.push(`"${field}": unknown type "${type}"`);
      if (group !== undefined) problems.push(`"${field}": a property takes no group`);
      if (!name) problems.push(`"${field}": a property needs a name`);
    }
    if (name) {
      if (names.has(name)) problems.push(`"${name}" is declared twice`);
      names.add(name);
    }
  }
  const kind = counts.ID ? "nodes" : "relationships";
  if (kind === "nodes") {
    if (counts.ID !== 1) problems.push("a node file needs exactly one :ID");
    if ((counts.LABEL ?? 0) > 1) problems.push("a node file takes at most one :LABEL");
    if (counts.START_ID || counts.END_ID || counts.TYPE) problems.push("a node file has no START_ID, END_ID or TYPE");
  } else {
    if (counts.START_ID !== 1 || counts.END_ID !== 1)
      problems.push("a relationship file needs one :START_ID and one :END_ID");
    if (counts.TYPE !== 1) problems.push("a relationship file needs one :TYPE");
    if (counts.LABEL) problems.push("a relationship file has no :LABEL");
  }
  return {
    kind,
    idGroup: groups.ID ?? null,
    startGroup: groups.START_ID ?? null,
    endGroup: groups.END_ID ?? null,
    problems,
  };
}
