/**
 * Dictionary adjacency: puts a graph's neighbour tables in the form that makes adding millions of edges fast.
 */
import type { KnowledgeGraph } from "../model/types.ts";

/**
 * Switches every node's neighbour tables to V8 dictionary mode before edges are added. graphology keeps them in
 * plain objects (`{}`) keyed by neighbour; every new key on a fast-mode object adds a hidden-class transition, and
 * with 10^5+ distinct keys those transition trees make adding 500k edges ~2-3x slower (measured: 8.5 s -> 4.4 s on
 * 100k/500k). Deleting a non-last property is the standard way to get a dictionary-mode object that still behaves
 * like `{}` (prototype, key order). Skipped, harmlessly, if graphology's internals ever change shape.
 */
export function useDictionaryAdjacency(graph: KnowledgeGraph): void {
  const nodes = (graph as unknown as { _nodes?: unknown })._nodes;
  if (!(nodes instanceof Map)) return;
  for (const data of nodes.values() as IterableIterator<{ in?: object; out?: object }>) {
    if (!isEmptyPlainObject(data.in) || !isEmptyPlainObject(data.out)) return;
    data.in = dictionaryObject();
    data.out = dictionaryObject();
  }
}

function dictionaryObject(): object {
  const o: Record<string, number> = { a: 0, b: 0 };
  delete o.a;
  delete o.b;
  return o;
}

function isEmptyPlainObject(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const _ in value) return false;
  return true;
}
