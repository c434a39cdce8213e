/**
 * Snapshot: the served graph's columns, path index and search index in one binary file beside the graph file, read
 * back in a few large reads so a restart does not build the indexes again.
 */
export { writeSnapshot } from "./write.ts";
export {
  writeSnapshotInSlices,
  DEFAULT_SLICED_WRITE_OPTIONS,
  type SlicedWriteOptions,
  type SlicedWriteResult,
} from "./writeInSlices.ts";
export { saveSnapshot } from "./save.ts";
export { coreChecksum, readSnapshot, readSnapshotHeader } from "./read.ts";
export { seedFromSnapshot } from "./seed.ts";
export { graphFromSnapshot, DEFAULT_GRAPH_BUILD_OPTIONS, type GraphBuildOptions } from "./buildGraph.ts";
export {
  builtGraphKey,
  foreignFileKey,
  hashFileAhead,
  snapshotPathOf,
  foreignSnapshotPath,
  CACHE_FOLDER,
  DEFAULT_SNAPSHOT_PLACE_OPTIONS,
  type SnapshotPlaceOptions,
} from "./key.ts";
export { FORMAT_VERSION } from "./format.ts";
export { verifyRecords, DEFAULT_VERIFY_OPTIONS, type VerifyOptions } from "./verify.ts";
export {
  watchSnapshotFile,
  fileIdentity,
  DEFAULT_SNAPSHOT_WATCH_OPTIONS,
  type FileIdentity,
  type SnapshotWatchOptions,
} from "./watch.ts";
export type {
  Snapshot,
  SnapshotColumns,
  SnapshotExpectation,
  SnapshotMeta,
  SnapshotReadResult,
  SnapshotRefusal,
  SnapshotRefusalReason,
} from "./types.ts";
