/**
 * HTTP errors: one error shape for every answer, `{ error: { code, message, ...details } }`, never a stack trace.
 */
import { z } from "zod";
import { logger } from "../util/logger.ts";

/** Machine-readable error codes. */
export type ErrorCode =
  | "bad_request"
  | "not_found"
  | "ambiguous"
  | "method_not_allowed"
  | "unsupported_media_type"
  | "payload_too_large"
  | "conflict"
  | "unauthorized"
  | "forbidden"
  | "misdirected"
  | "unprocessable"
  | "timeout"
  | "unavailable"
  | "internal";

/** An error a route throws on purpose; the handler turns it into a JSON response with `status`. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  /** Extra response headers, e.g. Retry-After on a 503. */
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
  }
}

/** Parses `input` with `schema` or throws a 400 listing every invalid field and how to fix it. */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: "query" | "body" | "params",
): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => ({ field: i.path.join(".") || where, message: i.message }));
  const message = problems.map((p) => `${p.field}: ${p.message}`).join("; ");
  throw new HttpError(400, "bad_request", `invalid ${where}: ${message}`, { problems });
}

/** The body of every error answer. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string } & Record<string, unknown>;
}

/** An error answer: its status and JSON body. */
export interface ErrorAnswer {
  status: number;
  body: ErrorBody;
  /** Extra headers to send with it. */
  headers: Record<string, string>;
}

/**
 * The answer to `error`, for Express' error handler and the hot routes alike; unexpected errors become a 500 without
 * details and are logged with the request's `path` (deliberate 503s as a warning).
 */
export function errorAnswer(error: unknown, path: string): ErrorAnswer {
  const http = toHttpError(error);
  // A 503 thrown on purpose (a full heavy-query backlog, a lost path worker) is expected under load: one line, no stack.
  if (error instanceof HttpError && http.status === 503) logger.warn({ path, code: http.code }, http.message);
  else if (http.status >= 500) logger.error({ err: error, path }, "request failed");
  const body: ErrorBody = { error: { code: http.code, message: http.message, ...http.details } };
  return { status: http.status, body, headers: http.headers };
}

/** Maps errors thrown by Express' own middleware (body parser, etc.) to HttpErrors. */
function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const e = error as { type?: string; status?: number; message?: string; limit?: number };
  switch (e.type) {
    case "entity.too.large":
      return new HttpError(
        413,
        "payload_too_large",
        `request body is larger than the ${e.limit} byte limit; send less`,
      );
    case "entity.parse.failed":
      return new HttpError(400, "bad_request", "request body is not valid JSON; check quotes and commas");
    case "encoding.unsupported":
    case "charset.unsupported":
      return new HttpError(415, "unsupported_media_type", "request body must be UTF-8 JSON");
    case "request.aborted":
      return new HttpError(400, "bad_request", "request was aborted by the client");
  }
  if (typeof e.status === "number" && e.status >= 400 && e.status < 500) {
    return new HttpError(e.status, "bad_request", e.message ?? "bad request");
  }
  return new HttpError(500, "internal", "internal error; the server log has the details");
}
