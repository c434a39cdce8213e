/**
 * Server context: what every route needs — the served graph, the data root and the server's options.
 */
import type { ServedGraph } from "../graph/servedGraph.ts";
import type { DataWriter } from "../ingest/writer.ts";
import type { FetchOptions } from "../ingest/web/fetchOptions.ts";
import type { PathsAnswerOptions } from "../query/paths.ts";
import type { OverviewOptions } from "../query/overview.ts";
import type { ServedView } from "../query/servedView.ts";
import type { HeavyQueryQueue } from "./heavyQueries.ts";
import type { PathWorkerPool } from "./pathWorkers/pool.ts";
import type { SnapshotWriter } from "./snapshotWriter.ts";

/** Who may write: anyone who can reach the (loopback) server, token holders, or no one (with the reason). */
export type WriteAccess = { type: "open" } | { type: "token"; token: string } | { type: "off"; reason: string };

/** The snapshot a read replica serves (`kg serve --read-only --snapshot FILE`), as /api/health reports it. */
export interface ServedSnapshotInfo {
  file: string;
  /** What the snapshot says it was made from (see src/snapshot/key.ts). */
  key: string;
  /** Its header's checksum: tells two snapshots apart. */
  checksum: string;
  /** When it was read and checked (ISO 8601). */
  loadedAt: string;
  /** The last new file at `file` refused since (this snapshot went on being served); absent when none was. */
  refused?: { at: string; reason: string; message: string };
}

/** Shared state handed to each route module. */
export interface ServerContext {
  served: ServedGraph;
  /**
   * The snapshot the server started on, answering paths, search, node detail and neighbours until `served` has its
   * graph (see answerView.ts); absent when the server built the graph before listening.
   */
  snapshotView?: ServedView;
  /** What a read replica serves; absent for any other server. */
  servedSnapshot?: () => ServedSnapshotInfo;
  /** graph-data root the documents and writes go to; null when serving a standalone file (--graph). */
  dataRoot: string | null;
  /** When true, every write endpoint answers 403. */
  readOnly: boolean;
  /** Applies ingests and review decisions to graph-data/ and the served graph; absent when nothing may be written. */
  writer?: DataWriter;
  /** Who may call the write endpoints (see server/auth.ts); absent means no one. */
  writeAccess?: WriteAccess;
  /**
   * Limits of the pages fetched for POST /api/documents with a `url`; absent means DEFAULT_FETCH_OPTIONS, which refuse
   * private and local addresses.
   */
  fetch?: Partial<FetchOptions>;
  /** When the page draws the graph in full and how its overview is cut; absent means DEFAULT_OVERVIEW_OPTIONS. */
  draw?: Partial<OverviewOptions>;
  /** Queue of heavy path queries shared by the hot and Express routes; created on first use. */
  heavyQueries?: HeavyQueryQueue;
  /**
   * Worker threads answering the heavy path queries off the event loop; absent, they run on it (one per turn). Whoever
   * creates the pool closes it (startServer does on close).
   */
  pathWorkers?: PathWorkerPool;
  /**
   * Writes the served graph's snapshot in the background (after a start that found none, after each save of the
   * build file); absent, none is written. Whoever creates it stops it (startServer does on close).
   */
  snapshots?: SnapshotWriter;
  /** Budget and size cap of path answers; absent means DEFAULT_PATHS_ANSWER_OPTIONS. */
  pathsAnswer?: Partial<PathsAnswerOptions>;
}
