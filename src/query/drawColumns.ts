/**
 * Drawing columns: builds the columnar payload the page draws from (GET /api/graph?view=draw and the overview's
 * parts), one entity or relation at a time, with types, colours and predicates dictionary-encoded.
 */
import type { z } from "zod";
import type { EntityAttributes, RelationAttributes } from "../model/types.ts";
import type { DrawGraphResponseSchema } from "./schemas.ts";

/** The drawing payload of GET /api/graph?view=draw (and of an overview group or a subgraph). */
export type DrawGraph = z.infer<typeof DrawGraphResponseSchema>;

/** Nested maps from each part of a key to the next, ending in an index. */
type KeyTrie = Map<string | null, KeyTrie | number>;

/**
 * Hands out one small integer per distinct tuple of strings, in order of first appearance (dictionary encoding).
 * Tuples are looked up through nested maps rather than a joined string: joining builds a string per element, which
 * took most of the time of a 50,000-edge view.
 */
function dictionary<T>() {
  const root: KeyTrie = new Map();
  const values: T[] = [];
  return {
    values,
    /** The index of `parts`; `make` builds its value the first time (once per distinct tuple, not per element). */
    of(parts: (string | null)[], make: () => T): number {
      let level = root;
      for (let p = 0; p < parts.length - 1; p++) {
        let next = level.get(parts[p]) as KeyTrie | undefined;
        if (!next) level.set(parts[p], (next = new Map()));
        level = next;
      }
      const last = parts[parts.length - 1];
      let i = level.get(last) as number | undefined;
      if (i === undefined) {
        i = values.length;
        level.set(last, i);
        values.push(make());
      }
      return i;
    },
  };
}

/** What a drawn node needs: an entity's attributes, or an overview group's made-up ones. */
export type DrawnNode = Pick<EntityAttributes, "label" | "x" | "y" | "size" | "color"> & {
  type: string;
  aliases?: string[];
};

/** What a drawn edge needs: a relation's attributes, or an overview aggregate's made-up ones. */
export type DrawnEdge = Pick<RelationAttributes, "predicate"> &
  Partial<Pick<RelationAttributes, "label" | "status" | "kind" | "modality" | "stance" | "confidence">>;

/**
 * A payload being built. Nodes are added before the edges that refer to them; `group`/`members` (on nodes) and
 * `weight` (on edges) are written only when some element has them, so the plain drawing payload stays as it was.
 */
export function drawColumns() {
  const nodeKinds = dictionary<DrawGraph["nodeKinds"][number]>();
  const edgeKinds = dictionary<DrawGraph["edgeKinds"][number]>();
  const position = new Map<string, number>();
  const nodes: DrawGraph["nodes"] = { key: [], label: [], kind: [], x: [], y: [], size: [], aliases: [] };
  const edges: DrawGraph["edges"] = { key: [], source: [], target: [], kind: [], confidence: [] };
  const groups: (string | null)[] = [];
  const members: (number | null)[] = [];
  const weights: (number | null)[] = [];
  let aggregates = false;
  return {
    /** Whether node `key` is in the payload already. */
    has: (key: string): boolean => position.has(key),
    /** Adds node `key` (once: a second call is ignored); `group` marks an overview group of `size` entities. */
    node(key: string, a: DrawnNode, group: { id: string; members: number } | null = null): void {
      if (position.has(key)) return;
      position.set(key, nodes.key.length);
      nodes.key.push(key);
      nodes.label.push(a.label);
      nodes.kind.push(nodeKinds.of([a.type, a.color], () => ({ type: a.type, color: a.color })));
      nodes.x.push(a.x);
      nodes.y.push(a.y);
      nodes.size.push(a.size);
      nodes.aliases.push(a.aliases?.length ? a.aliases : null);
      groups.push(group?.id ?? null);
      members.push(group?.members ?? null);
      if (group) aggregates = true;
    },
    /** Adds edge `key` between two nodes already added; `weight` marks an aggregate of that many relations. */
    edge(key: string, a: DrawnEdge, source: string, target: string, weight: number | null = null): void {
      edges.key.push(key);
      edges.source.push(position.get(source)!);
      edges.target.push(position.get(target)!);
      const label = a.label ?? a.predicate;
      const status = a.status ?? null;
      const relationKind = a.kind ?? null;
      // How the text commits to the relation is drawn too: the hover says "proposed", not only the predicate.
      const modality = a.modality ?? null;
      const stance = a.stance ?? null;
      const kind = edgeKinds.of([a.predicate, label, status, relationKind, modality, stance], () => ({
        predicate: a.predicate,
        label,
        status,
        kind: relationKind,
        modality,
        stance,
      }));
      edges.kind.push(kind);
      edges.confidence.push(typeof a.confidence === "number" ? a.confidence : null);
      weights.push(weight);
      if (weight !== null) aggregates = true;
    },
    /** The payload so far. */
    result(): DrawGraph {
      if (aggregates) {
        nodes.group = groups;
        nodes.members = members;
        edges.weight = weights;
      }
      return { view: "draw", nodeKinds: nodeKinds.values, edgeKinds: edgeKinds.values, nodes, edges };
    },
  };
}

/** A payload being built by {@link drawColumns}. */
export type DrawColumns = ReturnType<typeof drawColumns>;
