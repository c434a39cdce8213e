/**
 * Streamed response bodies: a large answer written chunk by chunk with back-pressure, none for a HEAD request.
 */
import type { Request, Response } from "express";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { logger } from "../util/logger.ts";

/**
 * Writes `chunks` as the body once the headers are set. Express answers HEAD with the GET handler: then nothing is
 * generated. A client that goes away stops the writer; that is logged, not thrown, once the headers are sent.
 */
export async function streamBody(
  req: Request,
  res: Response,
  chunks: AsyncIterable<string | Uint8Array>,
  what: string,
): Promise<void> {
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  try {
    await pipeline(Readable.from(chunks), res);
  } catch (error) {
    if (!res.headersSent) throw error;
    logger.warn({ err: error, what }, "response stream ended early");
  }
}
