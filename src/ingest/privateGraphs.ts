/**
 * Private graphs: where the writer gets the graph a write changes — never the served one — and how the previous
 * version is recycled for it instead of copying the whole graph per write.
 *
 * Copying a 100,000-node graph takes seconds and leaves the previous version, hundreds of megabytes, to the garbage
 * collector, whose full collections then stall every request. So after a write the graph served before it is kept
 * with the write's recorded changes (src/graph/changeLog.ts); once no request may still hold it
 * (ServedGraph.recyclable), the changes are replayed onto it and it becomes the next write's private graph.
 */
import { recordChanges, replayChanges, type ChangeLog, type ChangeRecorder } from "../graph/changeLog.ts";
import type { ServedGraph } from "../graph/servedGraph.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { logger } from "../util/logger.ts";
import { forgetOwner } from "../util/ownerMaps.ts";
import { runInSlices, type SliceOptions } from "../util/slices.ts";
import { copyInSlices } from "./copyInSlices.ts";

/** The private graphs of one writer serving through `served`. */
export class PrivateGraphs {
  readonly #served: ServedGraph;
  readonly #slices: Partial<SliceOptions>;
  /** A private graph prepared in idle time for the next write, if the served graph is still `of`. */
  #spare: { of: KnowledgeGraph; graph: KnowledgeGraph } | null = null;
  /** The served graph a spare is being prepared for. */
  #preparing: KnowledgeGraph | null = null;
  /** The private graph a write is changing: the graph it was made from, and the changes recorded since. */
  #changing: { graph: KnowledgeGraph; from: KnowledgeGraph; recorder: ChangeRecorder } | null = null;
  /** The graph served before the last write (`graph`) and what that write changed to make the one served since (`of`). */
  #retired: { graph: KnowledgeGraph; of: KnowledgeGraph; log: ChangeLog } | null = null;
  /** A {@link #recycle} or a copy run in idle time: a write that comes meanwhile waits for it and claims its graph. */
  #recycling: { of: KnowledgeGraph; done: Promise<KnowledgeGraph | null>; claimed: boolean } | null = null;
  /** The retired graph an idle-time preparation waits to recycle until no request may hold it. */
  #awaiting: KnowledgeGraph | null = null;

  constructor(served: ServedGraph, slices: Partial<SliceOptions> = {}) {
    this.#served = served;
    this.#slices = slices;
  }

  /**
   * A private graph equal to `current` (the served graph) for a write to change, whose changes are recorded from
   * now on: the spare prepared in idle time, else the previous version with the last write's changes replayed onto
   * it, else a copy made in slices, so that reads are answered while a write waits for it.
   */
  async take(current: KnowledgeGraph): Promise<KnowledgeGraph> {
    const spare = this.#spare;
    this.#spare = null;
    let graph = spare?.of === current ? spare.graph : null;
    const recycling = this.#recycling;
    if (!graph && recycling?.of === current && !recycling.claimed) {
      recycling.claimed = true;
      graph = await recycling.done;
    }
    graph ??= (await this.#recycle(current)) ?? (await copyInSlices(current, () => true))!;
    this.#changing?.recorder.stop();
    this.#changing = { graph, from: current, recorder: recordChanges(graph) };
    return graph;
  }

  /**
   * Stops recording the changes to `graph`, which the write is about to publish; returns them and the graph they
   * were made to, or null for a graph not {@link take}n.
   */
  seal(graph: KnowledgeGraph): { from: KnowledgeGraph; log: ChangeLog } | null {
    if (this.#changing?.graph !== graph) return null;
    this.#changing.recorder.stop();
    return { from: this.#changing.from, log: this.#changing.recorder.log };
  }

  /**
   * Records that `graph` is served now. A graph {@link take}n for a write keeps the one it was made from, to be
   * recycled; one made some other way (a rebuild, a reload) has no recorded change, so the next write copies it.
   */
  published(graph: KnowledgeGraph): void {
    const changing = this.#changing;
    this.#changing = null;
    changing?.recorder.stop();
    this.#spare = null;
    this.#retired = changing?.graph === graph ? { graph: changing.from, of: graph, log: changing.recorder.log } : null;
  }

  /**
   * Idle-time preparation of the next write's graph while `stillWanted()` (the served graph has not changed and no
   * write is pending): the previous graph brought up to date — at once, or once no request may hold it — or, with
   * none, a copy of the served graph made in slices (given up when it is no longer wanted).
   */
  async prepare(stillWanted: () => boolean): Promise<void> {
    const served = this.#served.graph;
    // Not while a write changes its graph: it has taken what there was, and a copy now would only be garbage.
    if (this.#changing || this.#spare?.of === served || this.#preparing === served) return;
    this.#preparing = served;
    try {
      const retired = this.#retired?.of === served ? this.#retired.graph : null;
      if (retired === null) await this.#claimable(served, copyInSlices(served, stillWanted), stillWanted);
      else if (this.#served.recyclable(retired)) await this.#claimable(served, this.#recycle(served), stillWanted);
      else if (this.#awaiting !== retired) this.#awaitReaders(retired, stillWanted);
    } finally {
      if (this.#preparing === served) this.#preparing = null;
    }
  }

  /**
   * Waits for `done`, a graph being made equal to `served` in idle time, which a write that comes meanwhile claims
   * (see {@link take}); unclaimed, it is the next write's spare.
   */
  async #claimable(served: KnowledgeGraph, done: Promise<KnowledgeGraph | null>, stillWanted: () => boolean) {
    const recycling = { of: served, done, claimed: false };
    this.#recycling = recycling;
    const graph = await done.finally(() => {
      if (this.#recycling === recycling) this.#recycling = null;
    });
    if (graph && !recycling.claimed && stillWanted()) this.#spare = { of: served, graph };
  }

  /**
   * A request may still hold `retired`: it is recycled once the last such request ends, unless a write comes first
   * (which then copies the served graph). Not awaited: the writer's idle() must not wait for a client.
   */
  #awaitReaders(retired: KnowledgeGraph, stillWanted: () => boolean): void {
    this.#awaiting = retired;
    this.#served
      .whenRecyclable(retired, stillWanted)
      .then((recyclable) => {
        if (this.#awaiting === retired) this.#awaiting = null;
        return recyclable ? this.prepare(stillWanted) : undefined;
      })
      .catch((error: Error) => logger.debug({ err: error.message }, "could not recycle the previous graph"));
  }

  /**
   * The graph served before `current`, made equal to it by replaying the changes of the write that made `current`;
   * null (and that graph left to the collector) when there is none, a request may still hold it, or the replay fails.
   */
  async #recycle(current: KnowledgeGraph): Promise<KnowledgeGraph | null> {
    const retired = this.#retired;
    if (retired?.of !== current || !this.#served.recyclable(retired.graph)) return null;
    this.#retired = null;
    // What was derived from its old content (indexes, views, filtered copies) must not be served with the new one.
    forgetOwner(retired.graph);
    try {
      await runInSlices(replayChanges(retired.graph, current, retired.log), this.#slices);
      return retired.graph;
    } catch (error) {
      logger.warn({ err: (error as Error).message }, "could not replay a write onto the previous graph; copying it");
      return null;
    }
  }
}
