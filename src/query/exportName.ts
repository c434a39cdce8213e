/**
 * Export file names: the base name of a download says which part of the graph it holds — the whole graph, the types
 * or relations kept (or, when shorter, the ones left out), an entity's neighbourhood or the paths between two.
 */
import type { ExportQuery } from "../export/query.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { normalizeName } from "../search/index.ts";

/** Most ids a name lists; past it, it gives their number. */
const MAX_LISTED = 3;

/** `text` as a file-name part: ASCII letters and digits joined by dashes (Content-Disposition stays plain ASCII). */
function slug(text: string): string {
  return (
    normalizeName(text)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "x"
  );
}

/**
 * The ids kept, or "without" the ones left out of `present` when those are fewer (nothing when none is left out);
 * their number past MAX_LISTED.
 */
function describeKept(
  kept: string[],
  present: ReadonlySet<string>,
  noun: string,
): { only: string[]; without: string[] } {
  const left = [...present].filter((id) => !kept.includes(id)).sort();
  // Keeping every one the graph has leaves the file whole in this respect: nothing to say.
  if (left.length === 0) return { only: [], without: [] };
  if (left.length < kept.length) {
    return { only: [], without: left.length > MAX_LISTED ? [`${left.length}-${noun}`] : left };
  }
  return { only: kept.length > MAX_LISTED ? [`${kept.length}-${noun}`] : [...kept].sort(), without: [] };
}

/**
 * The base name (no extension) of an export of `graph` answering `query`: `base` for the whole graph, then e.g.
 * `-without-country`, `-person-organization`, `-around-ukraine-depth-2`, `-paths-blinken-to-podolyak`.
 */
export function exportBaseName(graph: KnowledgeGraph, query: ExportQuery, base: string): string {
  const only: string[] = [];
  const without: string[] = [];
  const add = (part: { only: string[]; without: string[] }) => {
    only.push(...part.only);
    without.push(...part.without);
  };
  if (query.types) {
    const present = new Set<string>();
    graph.forEachNode((_n, a) => void present.add(a.type));
    add(describeKept(query.types, present, "types"));
  }
  if (query.predicates) {
    const present = new Set<string>();
    graph.forEachEdge((_e, a) => void present.add(a.predicate));
    add(describeKept(query.predicates, present, "relation-types"));
  }
  const parts = [base, ...only];
  if (without.length > 0) parts.push("without", ...without);
  if (query.node) parts.push("around", query.node, ...(query.depth ? ["depth", String(query.depth)] : []));
  if (query.from && query.to) parts.push("paths", query.from, "to", query.to);
  return parts.map(slug).join("-");
}
