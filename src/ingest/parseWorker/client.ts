/**
 * Parse worker client: hands extracted files to one worker thread (started on first use, never keeping the process
 * alive) and remembers its parses as if they had been made here.
 */
import { Worker } from "node:worker_threads";
import { rememberParsed, type ExtractedDocument } from "../../store/extractedFile.ts";
import { logger } from "../../util/logger.ts";

/** What the server asks: parse this file. */
export interface ParseRequest {
  id: number;
  file: string;
}

/** What the worker answers: the parse and the stat signature it was made at, or why it could not read the file. */
export type ParseReply =
  { id: number; signature: string; document: ExtractedDocument | null } | { id: number; error: string };

const ENTRY = new URL("./boot.mjs", import.meta.url);

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, (reply: ParseReply | null) => void>();

/**
 * Parses `file` on the worker thread and remembers the result (src/store/extractedFile.ts); false when the file could
 * not be read or the worker is gone (the caller then parses it itself, on demand).
 */
export function parseOffThread(file: string): Promise<boolean> {
  const thread = (worker ??= start());
  const id = nextId++;
  return new Promise<ParseReply | null>((resolve) => {
    waiting.set(id, resolve);
    thread.postMessage({ id, file } satisfies ParseRequest);
  }).then((reply) => {
    if (!reply || "error" in reply) return false;
    rememberParsed(file, reply.signature, reply.document);
    return true;
  });
}

function start(): Worker {
  const thread = new Worker(ENTRY);
  thread.unref();
  thread.on("message", (reply: ParseReply) => {
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  const lost = (why: string) => {
    logger.debug({ why }, "parse worker stopped; parsing on the main thread");
    if (worker === thread) worker = null;
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
  };
  thread.on("error", (error) => lost(error.message));
  thread.on("exit", (code) => lost(`exited with code ${code}`));
  return thread;
}
