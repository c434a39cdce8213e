/**
 * Saving a snapshot as a cache: written with a log line, and a failure logged rather than thrown.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { logger } from "../util/logger.ts";
import { writeSnapshot } from "./write.ts";

/**
 * Writes `graph`'s snapshot to `file` under `key`; true when written. A failure (a full disk, a read-only folder) is
 * logged: the snapshot only saves the next start the index build, which then happens as before.
 */
export function saveSnapshot(graph: KnowledgeGraph, file: string, key: string): boolean {
  const started = performance.now();
  try {
    const { bytes } = writeSnapshot(graph, file, { key });
    logger.info({ file, bytes, ms: Math.round(performance.now() - started) }, "snapshot written");
    return true;
  } catch (error) {
    logger.warn(
      { file, err: (error as Error).message },
      "could not write the snapshot; the next start builds the indexes",
    );
    return false;
  }
}
