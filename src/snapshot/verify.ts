/**
 * Whole-snapshot check: every block of a snapshot's attribute records read and checked against its hash, in slices
 * that yield to the event loop, so a server can check a new snapshot fully while it answers from the old one.
 */
import { yieldToEventLoop } from "../util/yieldToEventLoop.ts";
import type { Snapshot } from "./types.ts";

/** Tunables of {@link verifyRecords}. */
export interface VerifyOptions {
  /** Blocks (64 KB each) checked between two yields: a few milliseconds of reading and hashing. */
  sliceBlocks: number;
}

export const DEFAULT_VERIFY_OPTIONS: VerifyOptions = { sliceBlocks: 64 };

/**
 * Checks every record block of `snapshot` (its core was checked when it was read); rejects at the first damaged one
 * with the reader's message. Blocks checked here are not hashed again when the records are read.
 */
export async function verifyRecords(snapshot: Snapshot, options: Partial<VerifyOptions> = {}): Promise<void> {
  const { sliceBlocks } = { ...DEFAULT_VERIFY_OPTIONS, ...options };
  for (let from = 0; from < snapshot.recordBlocks; from += sliceBlocks) {
    snapshot.checkRecordBlocks(from, from + sliceBlocks);
    await yieldToEventLoop();
  }
}
