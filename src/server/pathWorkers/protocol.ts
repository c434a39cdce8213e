/**
 * Path worker protocol: the messages between the pool (main thread) and a path worker, one query at a time.
 */
import type { EntityAttributes, RelationAttributes } from "../../model/types.ts";
import type { PathIndexParts } from "../../paths/index.ts";
import type { PreparedPaths } from "../../query/paths.ts";

/** What a worker is started with (its `workerData`). */
export interface PathWorkerSettings {
  /** Attributes a worker keeps for its index between queries; past this it starts afresh with the next query. */
  maxCachedAttributes: number;
  /** Nice value the worker thread takes (Linux only; 0 leaves it as the process's). */
  niceness: number;
}

/**
 * Pool → worker. A `job` carries the index only when the worker does not hold that index yet (its first query, or the
 * first after the served graph was replaced); `attributes` answers the worker's `need`, in the order asked.
 */
export type ToPathWorker =
  | { type: "job"; id: number; indexId: number; index: PathIndexParts | null; prepared: PreparedPaths }
  | { type: "attributes"; id: number; nodes: EntityAttributes[]; edges: RelationAttributes[] };

/**
 * Worker → pool. `ready` once loaded; `need` lists the index positions of the entities and relations on the paths found whose attributes
 * the worker has not been sent yet; `done` is the whole answer as UTF-8 JSON (its buffer transferred, not copied).
 */
export type FromPathWorker =
  | { type: "ready" }
  | { type: "need"; id: number; nodes: number[]; edges: number[] }
  | { type: "done"; id: number; json: Uint8Array }
  | { type: "failed"; id: number; message: string };
