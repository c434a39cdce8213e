/**
 * Data writer: every change to one graph-data root — ingest a document, accept or reject a relation, revert a merge —
 * serialised by the write lock, written all-or-nothing, then applied to the served graph without a restart.
 */
import { buildGraph, isBuildStale } from "../graph/build.ts";
import { fingerprintInputs, fingerprintInputsAsync } from "../graph/fingerprint.ts";
import { readGraphJson, writeGraphJsonStreamed } from "../graphfile/graphFile.ts";
import { PrivateGraphs } from "./privateGraphs.ts";
import type { GraphDocument, KnowledgeGraph } from "../model/types.ts";
import { documentDate } from "../model/documentDate.ts";
import { graphDocument } from "../graph/reporting.ts";
import type { DecisionsFile, Ontology } from "../model/schemas.ts";
import type { ServedGraph } from "../graph/servedGraph.ts";
import { DataError } from "../store/issues.ts";
import { dataFilesOf, type DataFiles } from "../store/dataFiles.ts";
import { logger } from "../util/logger.ts";
import { yieldToEventLoop } from "../util/yieldToEventLoop.ts";
import { checkDocumentInput } from "./documentInput.ts";
import { contentHash, documentId, DocumentIndex, normalisedHash } from "./documentIndex.ts";
import { loadDefaultExtractor } from "./extractor.ts";
import { decisionsFile, documentFiles, documentMeta, readDecisions, readExtracted, readOntology } from "./files.ts";
import { applyDocumentFacts, finishDocumentStep, refreshDegreesAndSizes } from "./incremental.ts";
import { runInSlices, type SliceOptions } from "../util/slices.ts";
import { addedDocumentIds, documentParts, parseAhead, parsedPrefix, readAddedDocuments } from "./addedDocuments.ts";
import { withWriteLock, type LockOptions } from "../store/lock.ts";
import {
  addedSince,
  restrictSignature,
  signatureFiles,
  statSignature,
  statSignatureAsync,
} from "../store/statSignature.ts";
import { mergeReports } from "../graph/merge.ts";
import { resolveExtraction } from "./resolve.ts";
import { handOverResolutionIndex, prepareResolutionIndex, resolutionIndexInSlices } from "./resolutionIndex.ts";
import { cachedPathIndex } from "../paths/index.ts";
import { commitWrites, type StagedFile } from "../store/transaction.ts";
import {
  IngestError,
  type DecisionResult,
  type DocumentInput,
  type Extractor,
  type IngestResult,
  type RelationDecision,
} from "./types.ts";

/** Tunables of {@link DataWriter}. */
export interface WriterOptions {
  /** Turns text into entities and relations; the pipeline of src/extract by default. */
  extractor: Extractor | null;
  lock: Partial<LockOptions>;
  /** Clock for `addedAt` / decision times (injectable for reproducible files). */
  now: () => Date;
  /**
   * The updated graph is saved to build/graph.json once no write has come for this long. Saving a large graph costs
   * more than the ingest itself (a whole-graph pass, and the write lock held meanwhile), and the file is only a cache
   * of graph-data/ (a stale one is rebuilt on start), so it is written after the answer, once per burst of writes.
   */
  saveDelayMs: number;
  /** ...but no later than this after the first write it would save, however closely writes follow one another. */
  saveMaxDelayMs: number;
  /** Slices of a write's whole-graph work before it is published: reporting, degrees and sizes, resolution index. */
  slices: Partial<SliceOptions>;
  /**
   * Called under the write lock once the served graph was saved to the build file, so that what it starts is keyed on
   * the file as saved (the server writes the graph's snapshot then); null for nothing.
   */
  afterSave: ((graph: KnowledgeGraph) => void) | null;
  /**
   * Copy the served graph for the first write in idle time (in slices) as soon as the writer starts, instead of on
   * that write's path: the second graph's memory is then taken at start rather than at the first write, and the full
   * collection that so much new memory brings comes before the writes rather than among them.
   */
  spareAtStart: boolean;
}

export const DEFAULT_WRITER_OPTIONS: WriterOptions = {
  extractor: null,
  lock: {},
  now: () => new Date(),
  saveDelayMs: 2000,
  saveMaxDelayMs: 60_000,
  slices: {},
  afterSave: null,
  spareAtStart: false,
};

/** What {@link DataWriter.refresh} did: nothing, merged in documents another process added, or rebuilt. */
export type SyncOutcome = "unchanged" | "applied" | "reloaded";

/** A sync under the lock can also leave added documents for a next round (see {@link DataWriter.refresh}). */
type Sync = SyncOutcome | "partial";

/** Rounds of a refresh: parse ahead, then apply under the lock (the last round reads what is left under it). */
const REFRESH_ROUNDS = 3;

/** What one {@link DataWriter.ingestStep} keeps between its documents. */
interface Step {
  byHash: Map<string, string>;
  byNormalised: Map<string, string>;
  nextSeq: number;
  /** The served graph when the step began. */
  served: KnowledgeGraph;
  /** The step's private copy of it, made when the first document is committed. */
  next: KnowledgeGraph | null;
  ontology: Ontology;
  decisions: DecisionsFile;
  documents: GraphDocument[];
  /** The files of the step's documents, committed together at its end. */
  files: StagedFile[];
}

/** Writes to one graph-data root and keeps `served` serving what is on disk. */
export class DataWriter {
  readonly dataFiles: DataFiles;
  readonly #served: ServedGraph;
  readonly #options: WriterOptions;
  readonly #index: DocumentIndex;
  #saveTimer: NodeJS.Timeout | undefined;
  /** When the first publish not saved yet came, and when a write last started or published (performance.now()). */
  #unsavedSince = 0;
  #lastWriteAt = 0;
  /** Tasks under the write lock now. */
  #busy = 0;
  /** The save under way (it holds the write lock), if any. */
  #saving: Promise<void> | null = null;
  #extractor: Extractor | null = null;
  /** The last graph this writer served and the stat signature of graph-data/ it reflects. */
  #published: { graph: KnowledgeGraph; signature: string } | null = null;
  /** Where a write gets the graph it changes (see {@link PrivateGraphs}). */
  readonly #private: PrivateGraphs;

  constructor(root: string | undefined, served: ServedGraph, options: Partial<WriterOptions> = {}) {
    this.dataFiles = dataFilesOf(root);
    this.#served = served;
    this.#options = { ...DEFAULT_WRITER_OPTIONS, ...options };
    this.#index = new DocumentIndex(this.dataFiles);
    this.#private = new PrivateGraphs(served, this.#options.slices);
    if (this.#options.spareAtStart) {
      served
        .whenReady()
        .then(() => this.#prepareSpare())
        .catch((error: Error) => logger.debug({ err: error.message }, "could not prepare a copy at start"));
    }
  }

  /** The 409 for a text already stored as `existing` (`near`: but for whitespace, line endings, quotes or dashes). */
  #duplicate(existing: string, near: boolean, documents: GraphDocument[]): IngestError {
    const title = documents.find((d) => d.id === existing)?.title;
    const named = title === undefined ? `"${existing}"` : `"${existing}" ("${title}")`;
    const how = near ? "the same text but for whitespace, line endings, quotes or dashes" : "this text";
    return new IngestError(
      "duplicate",
      `ingest: ${how} is already stored as document ${named}; nothing was added — edit the stored document instead`,
      { document: existing, ...(title === undefined ? {} : { title }) },
    );
  }

  /**
   * Adds a document: validates it, refuses duplicates and near-duplicates (409), extracts, stores, and updates the
   * served graph.
   */
  async ingest(input: DocumentInput): Promise<IngestResult> {
    const [outcome] = await this.ingestStep([checkDocumentInput(input)]);
    if (outcome instanceof IngestError) throw outcome;
    return outcome;
  }

  /**
   * Adds several documents under one hold of the write lock, in order. Each one is all-or-nothing on its own: it is
   * validated, refused when its text (or its normalised text) is already stored — also by an earlier document of
   * the step — and extracted against the graph as the step has grown so far. The step's documents are committed in
   * one transaction at its end, and the served graph is copied and published once for the whole step, not per
   * document. Returns, per input, its result or the refusal.
   */
  async ingestStep(inputs: DocumentInput[]): Promise<(IngestResult | IngestError)[]> {
    const extractor = (this.#extractor ??=
      this.#options.extractor ?? (await loadDefaultExtractor(this.dataFiles.root)));
    return this.#locked(async () => {
      const served = this.#served.graph;
      const step: Step = {
        ...this.#index.scan(),
        served,
        next: null,
        ontology: readOntology(this.dataFiles),
        decisions: readDecisions(this.dataFiles),
        documents: [...((served.getAttribute("documents") ?? []) as GraphDocument[])],
        files: [],
      };
      const outcomes: (IngestResult | IngestError)[] = [];
      try {
        for (const input of inputs) {
          try {
            outcomes.push(await this.#addDocument(step, checkDocumentInput(input), extractor));
          } catch (error) {
            if (!(error instanceof IngestError)) throw error;
            outcomes.push(error);
          }
        }
      } finally {
        // Also after an unexpected error: the documents done so far are committed and served. One commit per step:
        // each document's files still land together, with a few fsyncs per file instead of a dozen per document.
        if (step.next) {
          commitWrites(this.dataFiles, step.files);
          await runInSlices(finishDocumentStep(step.next, step.documents), this.#options.slices);
          await this.#publish(step.next);
        }
      }
      return outcomes;
    });
  }

  /** One document of a step: refused as a duplicate, or extracted, committed and applied to the step's graph. */
  async #addDocument(step: Step, doc: DocumentInput, extractor: Extractor): Promise<IngestResult> {
    const hash = contentHash(doc.text);
    const normalised = normalisedHash(doc.text);
    const exact = step.byHash.get(hash);
    const existing = exact ?? step.byNormalised.get(normalised);
    if (existing) throw this.#duplicate(existing, exact === undefined, step.documents);
    const id = documentId(step.nextSeq, hash);
    // Until the step adds something its graph is the served one, whose extractor tables were prepared in idle time.
    const graph = step.next ?? step.served;
    const { ontology } = step;
    const extraction = await extractor(doc.text, { graph, ontology });
    const now = this.#options.now().toISOString();
    // The served graph's index is kept (prepared when it was published, or here for the one the server started with);
    // the step's private copy changes between documents, so its index is built for each, in slices too.
    if (graph === step.served) await prepareResolutionIndex(graph, this.#options.slices);
    const index = await resolutionIndexInSlices(graph, this.#options.slices);
    const { file, skipped } = resolveExtraction({
      index,
      graph,
      ontology,
      docId: id,
      text: doc.text,
      extraction,
      extractedAt: now,
    });
    const meta = documentMeta(id, doc, now);
    step.files.push(...documentFiles(meta, doc.text, file));
    step.byHash.set(hash, id);
    if (!step.byNormalised.has(normalised)) step.byNormalised.set(normalised, id);
    step.nextSeq++;
    step.documents.push(graphDocument(id, doc.title, documentDate(meta)));
    const next = (step.next ??= await this.#nextGraph(step.served));
    const outcome = applyDocumentFacts(next, ontology, file, step.decisions);
    return {
      document: { id, title: doc.title },
      newEntities: outcome.newEntities,
      newRelations: outcome.newRelations,
      mergedEntities: mergeReports(file),
      corroborated: [...new Set(outcome.corroborated)],
      skipped,
      graph: { nodes: next.order, edges: next.size },
    };
  }

  /** Records an accept/reject decision on an extracted relation and applies it to the served graph. */
  async decide(relation: string, decision: RelationDecision): Promise<DecisionResult> {
    return this.#locked(async () => {
      const graph = this.#served.graph;
      const decisions = readDecisions(this.dataFiles);
      const previous = decisions.relations[relation]?.decision;
      if (!graph.hasEdge(relation)) {
        if (previous === "rejected" && decision === "rejected") return { relation, decision, unchanged: true };
        if (previous === "rejected")
          throw new IngestError(
            "conflict",
            `relation "${relation}" was rejected; to restore it, delete its entry from decisions.yaml and run "npx kg build"`,
          );
        throw new IngestError("not_found", `relation "${relation}" does not exist; take the id from the graph's edges`);
      }
      if (graph.getEdgeAttribute(relation, "source") === "curated")
        throw new IngestError(
          "conflict",
          `relation "${relation}" is curated; only extracted relations are reviewed (edit relations/*.yaml to change it)`,
        );
      if (previous === decision) return { relation, decision, unchanged: true };
      decisions.relations[relation] = { decision, at: this.#options.now().toISOString() };
      commitWrites(this.dataFiles, [decisionsFile(decisions)]);
      const next = await this.#nextGraph(graph);
      if (decision === "accepted") next.setEdgeAttribute(relation, "status", "accepted");
      else next.dropEdge(relation);
      await runInSlices(refreshDegreesAndSizes(next), this.#options.slices);
      await this.#publish(next);
      return { relation, decision, unchanged: false };
    });
  }

  /**
   * Undoes a merge made by entity resolution (`<doc>.<key>`, as reported by the ingest): the mention becomes a node
   * of its own. Rare, so it rebuilds the whole graph rather than patching it.
   */
  async revertMerge(merge: string): Promise<{ merge: string; entity: string; unchanged: boolean }> {
    return this.#locked(async () => {
      const dot = merge.lastIndexOf(".");
      const [doc, key] = [merge.slice(0, dot), merge.slice(dot + 1)];
      const entity = dot > 0 ? readExtracted(this.dataFiles, doc)?.entities.find((e) => e.key === key) : undefined;
      if (!entity || entity.rule === "new")
        throw new IngestError(
          "not_found",
          `merge "${merge}" does not exist; take the id from an ingest's mergedEntities`,
        );
      const decisions = readDecisions(this.dataFiles);
      if (decisions.merges[merge]) return { merge, entity: merge, unchanged: true };
      decisions.merges[merge] = { decision: "reverted", at: this.#options.now().toISOString() };
      commitWrites(this.dataFiles, [decisionsFile(decisions)]);
      await this.#publish(buildGraph({ root: this.dataFiles.root }).graph);
      return { merge, entity: merge, unchanged: false };
    });
  }

  /**
   * Brings the served graph in line with graph-data/ (after a hand edit or another process's write): `applied` when
   * only documents were added and were merged in, `reloaded` when the graph was rebuilt from every file.
   */
  async refresh(): Promise<SyncOutcome> {
    const version = this.#served.version;
    for (let round = 1; ; round++) {
      await this.#parseAhead();
      // Each round applies what was parsed before it took the lock; the last one reads whatever is left under it.
      const outcome = await this.#locked(() => this.#lastSync, round < REFRESH_ROUNDS ? "parsed" : "whole");
      if (outcome === "unchanged" && this.#served.version !== version) return "applied";
      if (outcome !== "partial") return outcome;
    }
  }

  /** Before waiting for the lock: parses the files of documents added since the last publish (see {@link parseAhead}). */
  async #parseAhead(): Promise<void> {
    const published = this.#published;
    if (published?.graph !== this.#served.graph) return;
    const added = addedSince(published.signature, await statSignatureAsync(this.dataFiles));
    const ids = added && addedDocumentIds(added, signatureFiles(published.signature));
    if (ids) await parseAhead(this.dataFiles, ids);
  }

  #lastSync: Sync = "unchanged";

  /**
   * Runs `task` under the write lock, after syncing with the disk (`parsed`: only as far as documents added by
   * another process were parsed ahead, for a refresh); data errors refuse the write (409).
   */
  #locked<T>(task: () => Promise<T> | T, sync: "whole" | "parsed" = "whole"): Promise<T> {
    return withWriteLock(
      this.dataFiles,
      async () => {
        this.#busy++;
        this.#lastWriteAt = performance.now();
        try {
          try {
            this.#lastSync = await this.#sync(sync);
          } catch (error) {
            if (!(error instanceof DataError)) throw error;
            this.#served.setError(error.message);
            throw new IngestError(
              "conflict",
              `ingest: graph-data has problems; fix them first, nothing was written.\n${error.message}`,
            );
          }
          return await task();
        } finally {
          this.#busy--;
        }
      },
      this.#options.lock,
    );
  }

  async #sync(sync: "whole" | "parsed"): Promise<Sync> {
    // Cheap check first: no file of graph-data/ changed size or mtime since this writer's last publish.
    const signature = await statSignatureAsync(this.dataFiles);
    const published = this.#published?.graph === this.#served.graph ? this.#published : null;
    if (published?.signature === signature) return "unchanged";
    if (published && this.#served.status.type === "ok") {
      const applied = await this.#applyAdded(published.signature, signature, sync);
      if (applied !== "no") return applied;
    }
    const fingerprint = fingerprintInputs(this.dataFiles);
    if (this.#served.graph.getAttribute("builtFrom") === fingerprint && this.#served.status.type === "ok") {
      // The graph a server started with: later additions to these files can be applied to it.
      this.#published = { graph: this.#served.graph, signature };
      return "unchanged";
    }
    const graph = isBuildStale(this.dataFiles.builtGraph, this.dataFiles.root)
      ? buildGraph({ root: this.dataFiles.root }).graph
      : readGraphJson(this.dataFiles.builtGraph);
    await this.#publish(graph);
    // The first load of a fresh writer (kg ingest) is routine; a reload under a running server is news.
    const first = this.#published === null && this.#served.graph.order === 0;
    logger[first ? "debug" : "info"]({ nodes: graph.order, edges: graph.size }, "graph-data changed on disk; reloaded");
    return "reloaded";
  }

  /**
   * Takes in the documents another process added since this writer's last publish (`before`): reads just their files
   * and merges them into a copy of the served graph as this writer's own ingest does. With `parsed`, only the leading
   * documents whose files were parsed before the lock was taken (a step committed since is left for the next round:
   * parsing it here would keep the writer that committed it waiting). `no`, changing nothing, when the change is
   * anything else (an edit, a removal, a document slotted in between, a file with a problem); `partial` when
   * documents are left.
   */
  async #applyAdded(before: string, after: string, sync: "whole" | "parsed"): Promise<"no" | "partial" | "applied"> {
    const added = addedSince(before, after);
    const ids = added && addedDocumentIds(added, signatureFiles(before));
    if (!ids?.length) return "no";
    const ready = sync === "whole" ? ids : parsedPrefix(this.dataFiles, ids);
    if (ready.length === 0) return "partial";
    const served = this.#served.graph;
    const ontology = readOntology(this.dataFiles);
    const decisions = readDecisions(this.dataFiles);
    const read = await readAddedDocuments(this.dataFiles, ready, { graph: served, ontology, decisions });
    if (!read) return "no";
    const next = await this.#nextGraph(served);
    // A hand edit while the files were read changes the signature, so the next sync sees it (and reloads).
    if (!next) return "no";
    for (const file of read.extracted) {
      applyDocumentFacts(next, ontology, file, decisions);
      // `next` is private until published: requests are answered between documents (a step's 50 took 40-140 ms).
      await yieldToEventLoop();
    }
    const documents = (served.getAttribute("documents") ?? []) as GraphDocument[];
    const dated = read.documents.map((d) => graphDocument(d.meta.id, d.meta.title, d.date));
    await runInSlices(finishDocumentStep(next, [...documents, ...dated]), this.#options.slices);
    const whole = ready.length === ids.length;
    const applied = new Set([...signatureFiles(before), ...ready.flatMap(documentParts)]);
    // Not saved: the process that added the documents saves its own build of them. Fingerprinted without holding the
    // event loop (the files cannot change meanwhile: this runs under the write lock).
    const builtFrom = whole ? await fingerprintInputsAsync(this.dataFiles) : "";
    await this.#publish(next, {
      signature: whole ? after : restrictSignature(after, applied),
      save: false,
      whole,
      builtFrom,
    });
    logger.info(
      { documents: ready.length, nodes: next.order, edges: next.size },
      "graph-data gained documents; applied",
    );
    return whole ? "applied" : "partial";
  }

  /**
   * Does the pending background work now (save the build file, prepare the next copy) and waits for a save already
   * under way; for benchmarks and tests.
   */
  async idle(): Promise<void> {
    if (this.#saveTimer === undefined && this.#saving === null) return;
    await this.flush();
    await this.#prepareSpare();
  }

  /**
   * Saves the served graph to build/graph.json now if a save is pending, and waits for one under way (call before
   * exiting).
   */
  async flush(): Promise<void> {
    if (this.#saveTimer !== undefined) {
      clearTimeout(this.#saveTimer);
      this.#saveTimer = undefined;
      const saving: Promise<void> = withWriteLock(this.dataFiles, () => this.#save(), this.#options.lock).finally(
        () => {
          if (this.#saving === saving) this.#saving = null;
        },
      );
      this.#saving = saving;
    }
    await this.#saving;
  }

  /**
   * A private copy of the served graph for a write to change (see {@link PrivateGraphs}). The served graph is never
   * changed in place: readers' indexes are cached per graph object.
   */
  #nextGraph(current: KnowledgeGraph): Promise<KnowledgeGraph> {
    return this.#private.take(current);
  }

  /**
   * Serves `graph`, stamped with the inputs it reflects (`signature`: the files it was made from, when known; `whole`
   * false: only some of the files on disk), and schedules saving it (unless `save` is false) and preparing the next
   * copy. Resolves once it is served: its indexes are prepared first, in slices, while reads are answered from the
   * previous graph (see ServedGraph.publish); the write lock is held until then, so writes are served in order.
   */
  async #publish(
    graph: KnowledgeGraph,
    options: { signature?: string; save?: boolean; whole?: boolean; builtFrom?: string } = {},
  ): Promise<void> {
    const { signature, save = true, whole = true } = options;
    // A graph of only some of the files is the build of no state of graph-data/: it matches no fingerprint.
    graph.setAttribute("builtFrom", whole ? (options.builtFrom ?? fingerprintInputs(this.dataFiles)) : "");
    // The next write resolves its first document's names against this graph: indexed now, in slices, not on its path
    // (a spare copy made in idle time does not come in time when writes follow one another) — by handing the served
    // graph's index over when the graph was made from it, else built.
    const made = this.#private.seal(graph);
    const order = made && (cachedPathIndex(made.from)?.nodeIndex ?? null);
    const steps = made && handOverResolutionIndex(made.from, graph, made.log, order);
    if (!(steps && (await runInSlices(steps, this.#options.slices)).value))
      await prepareResolutionIndex(graph, this.#options.slices);
    await this.#served.publish(graph);
    this.#published = { graph, signature: signature ?? statSignature(this.dataFiles) };
    this.#private.published(graph);
    if (!save) {
      this.#prepareSpare().catch((error: Error) => logger.debug({ err: error.message }, "could not prepare a copy"));
      return;
    }
    this.#lastWriteAt = performance.now();
    if (this.#saveTimer !== undefined) return;
    this.#unsavedSince = this.#lastWriteAt;
    this.#scheduleSave(Math.min(this.#options.saveDelayMs, this.#options.saveMaxDelayMs));
  }

  /**
   * Saves the served graph once writes pause (see {@link WriterOptions.saveDelayMs}): a stream of writes would
   * otherwise pay a whole-graph save between each two, and wait for it, since the save holds the write lock.
   */
  #scheduleSave(delayMs: number): void {
    const { saveDelayMs, saveMaxDelayMs } = this.#options;
    this.#saveTimer = setTimeout(() => {
      const now = performance.now();
      const quietMs = this.#busy > 0 ? 0 : now - this.#lastWriteAt;
      const waitedMs = now - this.#unsavedSince;
      if (quietMs < saveDelayMs && waitedMs < saveMaxDelayMs) {
        return this.#scheduleSave(Math.min(saveDelayMs - quietMs, saveMaxDelayMs - waitedMs));
      }
      this.flush()
        .then(() => this.#prepareSpare())
        .catch((error: Error) => logger.error({ err: error.message }, "could not save the build output"));
    }, delayMs);
  }

  /**
   * Idle-time preparation of the next write: its private graph (see {@link PrivateGraphs.prepare}; given up when a
   * write or a reload comes first), the served graph's name index, then the ontology and the extractor's tables.
   */
  async #prepareSpare(): Promise<void> {
    const served = this.#served.graph;
    if (this.#saveTimer !== undefined) return;
    const stillWanted = () => this.#served.graph === served && this.#saveTimer === undefined;
    await this.#private.prepare(stillWanted);
    if (!stillWanted()) return;
    // Otherwise the first write after a start builds the index (in slices) and parses the ontology (at once).
    await prepareResolutionIndex(served, this.#options.slices);
    if (!stillWanted()) return;
    try {
      const ontology = readOntology(this.dataFiles);
      this.#extractor?.prepare?.({ graph: served, ontology });
    } catch (error) {
      // A broken ontology is reported by the next write; preparing is only an optimisation.
      logger.debug({ err: (error as Error).message }, "could not prepare the extractor");
    }
  }

  /**
   * Writes the served graph unless graph-data/ has moved on since it was built (then it is not the build of it).
   * Streamed, so requests keep being answered while a large graph is saved; the served graph never changes in place.
   */
  async #save(): Promise<void> {
    const graph = this.#served.graph;
    if (graph.getAttribute("builtFrom") !== fingerprintInputs(this.dataFiles)) return;
    // The save holds the write lock, so no write replaces the graph meanwhile; held all the same, so that it is never
    // recycled under the streamed save.
    const release = this.#served.hold(graph);
    try {
      await writeGraphJsonStreamed(graph, this.dataFiles.builtGraph);
    } catch (error) {
      // The data files are committed; a stale build file is only rebuilt on the next start.
      logger.error({ err: error }, "could not write the build output; it will be rebuilt on the next start");
      return;
    } finally {
      release();
    }
    this.#options.afterSave?.(graph);
  }
}
