/**
 * Bounded body reads: a response's body, decompressed, streamed and cut off at the first byte past the limit, so an
 * oversized page (or a small compressed one that inflates) is never held whole.
 */
import type { IncomingMessage } from "node:http";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { FetchError } from "./fetchError.ts";

/** The decompressors for a `Content-Encoding` header (in the order to apply them), or null for one we cannot undo. */
function decoders(encoding: string | undefined): Transform[] | null {
  const codings = (encoding ?? "")
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding && coding !== "identity")
    .reverse();
  const streams: Transform[] = [];
  for (const coding of codings) {
    if (coding === "gzip" || coding === "x-gzip") streams.push(createGunzip());
    else if (coding === "deflate") streams.push(createInflate());
    else if (coding === "br") streams.push(createBrotliDecompress());
    else return null;
  }
  return streams;
}

/**
 * The body of `response`, at most `maxBytes` after decompression. A `Content-Length` over the limit is refused
 * before reading; otherwise the download is aborted at the first byte past the limit.
 */
export async function readBody(response: IncomingMessage, maxBytes: number, url: string): Promise<Buffer> {
  const tooLarge = () =>
    new FetchError("too_large", url, `the page is larger than ${maxBytes} bytes, the limit; nothing was stored`);
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const streams = decoders(response.headers["content-encoding"]);
  if (streams === null) {
    response.destroy();
    const encoding = String(response.headers["content-encoding"]);
    throw new FetchError("unsupported_type", url, `the server sent the body as "${encoding}", which cannot be undone`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const consume = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      total += chunk.length;
      // Throwing here makes pipeline destroy the response, which closes the connection: nothing more is downloaded.
      if (total > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  };
  // pipeline's typings take a fixed number of stages; the decompressors vary from none to a few.
  await (pipeline as (...stages: unknown[]) => Promise<void>)(response, ...streams, consume);
  return Buffer.concat(chunks, total);
}
