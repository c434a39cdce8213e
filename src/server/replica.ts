/**
 * Read replica: `kg serve --read-only --snapshot FILE` serves one snapshot file alone (no graph-data/, no graph file),
 * answering from it at once and from the graphology graph built from it in the background, and moves to a new
 * snapshot put at FILE once it has read and checked it whole; a bad one is refused and the last one kept.
 */
import { snapshotView } from "../query/snapshotView.ts";
import {
  fileIdentity,
  readSnapshot,
  verifyRecords,
  watchSnapshotFile,
  type FileIdentity,
  type GraphBuildOptions,
  type Snapshot,
  type SnapshotRefusal,
  type SnapshotWatchOptions,
  type VerifyOptions,
} from "../snapshot/index.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { logger } from "../util/logger.ts";
import { buildInBackground, type BackgroundGraph } from "./backgroundGraph.ts";
import type { ServedSnapshotInfo, ServerContext } from "./context.ts";

/** Tunables of a read replica. */
export interface ReplicaOptions {
  /** How the file is watched for a new snapshot. */
  watch: Partial<SnapshotWatchOptions>;
  /** Slices of the check of a snapshot's attribute records. */
  verify: Partial<VerifyOptions>;
  /** Slices of the graph's build from each snapshot. */
  build: Partial<Omit<GraphBuildOptions, "signal">>;
}

export const DEFAULT_REPLICA_OPTIONS: ReplicaOptions = { watch: {}, verify: {}, build: {} };

/** What starting a replica needs besides the file: the first build's gate and what runs once a graph is served. */
export interface ReplicaServeOptions {
  /** Waited for before the first graph is built (tests hold it). */
  gate: Promise<void> | null;
  /** Called once, when the first graph is served (the overview's warm-up, the write policy). */
  onFirstGraph: (graph: KnowledgeGraph) => void;
}

/** A snapshot file that cannot be served: missing, unreadable, damaged, of another format version. */
export class ReplicaError extends Error {}

/** The snapshot served and which version of the file it was read from. */
interface Current {
  snapshot: Snapshot;
  identity: FileIdentity;
  loadedAt: Date;
}

/** A snapshot read and checked whole, or why not. */
type WholeRead = { type: "ok"; snapshot: Snapshot } | SnapshotRefusal;

/**
 * Reads the snapshot at `file` and checks it whole (core and every attribute record) before anything is served;
 * throws a {@link ReplicaError} saying what is wrong and what to give instead.
 */
export async function openReplica(file: string, options: Partial<ReplicaOptions> = {}): Promise<SnapshotReplica> {
  const opts = { ...DEFAULT_REPLICA_OPTIONS, ...options };
  const identity = fileIdentity(file);
  const read = await readWhole(file, opts.verify);
  if (read.type === "refused")
    throw new ReplicaError(
      `read replica: cannot serve ${file}: ${read.problem}; give the path of a snapshot written by "npx kg build" (graph.snapshot beside its graph file)`,
    );
  logger.info(replicaLog(file, read.snapshot), "read replica: snapshot read and checked");
  return new SnapshotReplica(file, { snapshot: read.snapshot, identity, loadedAt: new Date() }, opts);
}

/** A replica's snapshot, the graph built from it, and the watch for the next one. */
export class SnapshotReplica {
  #current: Current;
  #refused: ServedSnapshotInfo["refused"] | null = null;
  #build: BackgroundGraph | null = null;
  #unwatch: () => void = () => undefined;
  /** One look at the file at a time: a swap waits for the one before it. */
  #turn: Promise<void> = Promise.resolve();
  #graphServed = false;
  #stopped = false;
  /** Snapshots replaced but maybe still read by requests begun before: closed once those end. */
  readonly #retired = new Set<Snapshot>();

  constructor(
    readonly file: string,
    current: Current,
    readonly options: ReplicaOptions,
  ) {
    this.#current = current;
  }

  /** The snapshot served now. */
  get snapshot(): Snapshot {
    return this.#current.snapshot;
  }

  /** What /api/health says of the snapshot served. */
  info(): ServedSnapshotInfo {
    const { snapshot, loadedAt } = this.#current;
    return {
      file: this.file,
      key: snapshot.key,
      checksum: snapshot.checksum,
      loadedAt: loadedAt.toISOString(),
      ...(this.#refused ? { refused: this.#refused } : {}),
    };
  }

  /**
   * Serves the snapshot on `ctx` (its view answers at once, its graph is built in the background) and watches the
   * file for the next one. Returns what stops the watch and the build under way.
   */
  serve(ctx: ServerContext, options: ReplicaServeOptions): BackgroundGraph {
    ctx.snapshotView = snapshotView(this.#current.snapshot);
    ctx.servedSnapshot = () => this.info();
    this.#build = this.#buildGraph(ctx, options.gate, options.onFirstGraph);
    this.#unwatch = watchSnapshotFile(
      this.file,
      this.#current.identity,
      (identity) => {
        this.#turn = this.#turn
          .then(() => this.#look(ctx, identity, options.onFirstGraph))
          .catch((error: Error) => logger.error({ file: this.file, err: error.message }, "read replica: swap failed"));
      },
      this.options.watch,
    );
    return { stop: () => this.#stop() };
  }

  /** Closes every snapshot file still open; call once the server has stopped answering. */
  close(): void {
    this.#unwatch();
    for (const snapshot of this.#retired) snapshot.close();
    this.#retired.clear();
    this.#current.snapshot.close();
  }

  /** The file changed: reads and checks it whole, then serves it, or refuses it and keeps the current one. */
  async #look(ctx: ServerContext, identity: FileIdentity, onFirstGraph: (graph: KnowledgeGraph) => void) {
    if (this.#stopped) return;
    if (identity === null) {
      logger.warn({ file: this.file }, "read replica: the snapshot file is gone; still serving the last one read");
      return;
    }
    const started = performance.now();
    const read = await readWhole(this.file, this.options.verify);
    if (read.type === "refused") {
      this.#refused = { at: new Date().toISOString(), reason: read.reason, message: read.problem };
      logger.warn(
        { file: this.file, reason: read.reason, serving: this.#current.snapshot.checksum },
        `read replica: refused the new snapshot (${read.problem}); still serving the last one`,
      );
      return;
    }
    const next = read.snapshot;
    if (this.#stopped || next.checksum === this.#current.snapshot.checksum) {
      // The same snapshot again (touched, or copied over itself): nothing to swap.
      next.close();
      if (!this.#stopped) this.#current.identity = identity;
      return;
    }
    await this.#swap(ctx, { snapshot: next, identity, loadedAt: new Date() }, onFirstGraph);
    const ms = Math.round(performance.now() - started);
    logger.info({ ...replicaLog(this.file, next), ms }, "read replica: serving the new snapshot");
  }

  /**
   * Serves `next` from now on: the build from the old snapshot (which reads its records) is stopped first; then, in
   * one turn of the event loop, new requests get the new snapshot's view and wait for its graph, while requests begun
   * before keep what they hold. The old file is closed once they have all ended.
   */
  async #swap(ctx: ServerContext, next: Current, onFirstGraph: (graph: KnowledgeGraph) => void): Promise<void> {
    await this.#build?.stop();
    const old = this.#current.snapshot;
    const before = ctx.served.version;
    this.#current = next;
    this.#refused = null;
    ctx.snapshotView = snapshotView(next.snapshot);
    ctx.served.retire();
    this.#build = this.#buildGraph(ctx, null, onFirstGraph);
    this.#retired.add(old);
    void ctx.served.whenReadersEnd(before).then(() => {
      if (this.#retired.delete(old)) old.close();
    });
  }

  /** Builds the current snapshot's graph in the background: handed over as the first graph, or published after. */
  #buildGraph(
    ctx: ServerContext,
    gate: Promise<void> | null,
    onFirstGraph: (graph: KnowledgeGraph) => void,
  ): BackgroundGraph {
    const first = !this.#graphServed;
    return buildInBackground(ctx, this.#current.snapshot, this.file, {
      build: this.options.build,
      gate,
      serve: first ? null : (graph) => ctx.served.publish(graph),
      onReady: (graph) => {
        if (!first) return;
        this.#graphServed = true;
        onFirstGraph(graph);
      },
    });
  }

  async #stop(): Promise<void> {
    this.#stopped = true;
    this.#unwatch();
    await this.#turn;
    await this.#build?.stop();
  }
}

/** The snapshot at `file` read (its core checked) and its records checked block by block; a refusal otherwise. */
async function readWhole(file: string, verify: Partial<VerifyOptions>): Promise<WholeRead> {
  const read = readSnapshot(file, { key: null });
  if (read.type === "refused") return read;
  try {
    await verifyRecords(read.snapshot, verify);
    return read;
  } catch (error) {
    read.snapshot.close();
    const problem = (error as Error).message;
    return { type: "refused", reason: "corrupt", problem, message: problem };
  }
}

function replicaLog(file: string, snapshot: Snapshot) {
  return { file, nodes: snapshot.order, edges: snapshot.size, checksum: snapshot.checksum };
}
