/**
 * Write-route helpers: the data writer of a context, and ingest errors mapped to the API's JSON errors.
 */
import type { DataWriter } from "../../ingest/writer.ts";
import { LockTimeoutError } from "../../store/lock.ts";
import { IngestError, type IngestErrorCode } from "../../ingest/types.ts";
import { FetchError } from "../../ingest/web/fetchError.ts";
import type { ServerContext } from "../context.ts";
import { HttpError, type ErrorCode } from "../../query/errors.ts";

const CODES: Record<IngestErrorCode, ErrorCode> = {
  invalid: "bad_request",
  too_large: "payload_too_large",
  duplicate: "conflict",
  not_found: "not_found",
  conflict: "conflict",
  unavailable: "internal",
};

/** The context's writer; 403 when the server has none (it serves a standalone file). */
export function writerOf(ctx: ServerContext): DataWriter {
  if (!ctx.writer)
    throw new HttpError(403, "forbidden", "writes are disabled: this server has no graph-data/ to write to");
  return ctx.writer;
}

/**
 * Maps a refusal of the writer, or of the fetch of a page to add (422, with the fetch's `reason`), to an HttpError;
 * anything else is passed on unchanged (a 500).
 */
export function toHttpError(error: unknown): unknown {
  if (error instanceof IngestError) return new HttpError(error.status, CODES[error.code], error.message, error.details);
  if (error instanceof FetchError) return new HttpError(422, "unprocessable", error.message, { reason: error.reason });
  if (error instanceof LockTimeoutError) return new HttpError(503, "timeout", error.message);
  return error;
}
