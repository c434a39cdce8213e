/**
 * Parse worker: parses extracted/*.yaml files on a thread of their own and sends back what it read, so that a server
 * taking in another process's documents does not hold its event loop for the 20-150 ms a file's YAML takes.
 */
import { parentPort } from "node:worker_threads";
import { parseExtractedAt } from "../../store/extractedFile.ts";
import type { ParseReply, ParseRequest } from "./client.ts";

parentPort!.on("message", ({ id, file }: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { id, ...parseExtractedAt(file) };
  } catch (error) {
    reply = { id, error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
