/**
 * Write guard: who may call the endpoints that change graph-data/ (ingest, accept/reject, revert). Open on loopback,
 * bearer token beyond it (or whenever a token is configured), off in --read-only mode; JSON bodies only, so a page on
 * another site cannot post to them from a reader's browser (a cross-site form can only send form or text types).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import type { RequestHandler } from "express";
import { readFileBounded } from "../util/boundedRead.ts";
import { HttpError } from "../query/errors.ts";
import type { ServerContext, WriteAccess } from "./context.ts";

/** Inputs of {@link writeAccessFor}. */
export interface WriteAccessInput {
  host: string;
  readOnly: boolean;
  /** The bearer token (from KG_TOKEN or --token-file), or null. */
  token: string | null;
  /** False when serving a standalone graph file, which has no graph-data/ to write to. */
  hasDataRoot: boolean;
}

/** Decides the write policy of a server from how it was started. */
export function writeAccessFor({ host, readOnly, token, hasDataRoot }: WriteAccessInput): WriteAccess {
  if (readOnly) return { type: "off", reason: "the server runs with --read-only" };
  if (!hasDataRoot) return { type: "off", reason: "the server serves a standalone graph file (--graph); use --data" };
  if (token) return { type: "token", token };
  if (isLoopbackHost(host)) return { type: "open" };
  return {
    type: "off",
    reason: `the server listens on ${host}, beyond loopback; restart it with KG_TOKEN or --token-file to allow writes`,
  };
}

/** True for 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost" || h === "::1") return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  return h.startsWith("::ffff:127.");
}

// A token file holds one line; anything much longer is not one (and /dev/zero must not be read for ever).
const MAX_TOKEN_FILE_BYTES = 4096;

/** Reads a token file (first line, trimmed); throws naming the file when it is missing or empty. */
export function readTokenFile(file: string): string {
  let token: string;
  try {
    token = readFileBounded(file, MAX_TOKEN_FILE_BYTES).toString("utf8").split("\n")[0].trim();
  } catch (error) {
    throw new Error(`auth: cannot use the token file ${file}: ${(error as Error).message}`, { cause: error });
  }
  if (token.length < 16)
    throw new Error(`auth: the token in ${file} is shorter than 16 characters; use a long random one`);
  return token;
}

/** Middleware in front of every write endpoint: 403 when writes are off, 401 without the token, 415 unless JSON. */
export function requireWriteAccess(ctx: ServerContext): RequestHandler {
  return (req, _res, next) => {
    const access = ctx.writeAccess ?? { type: "off", reason: "writes are not enabled on this server" };
    if (access.type === "off") throw new HttpError(403, "forbidden", `writes are disabled: ${access.reason}`);
    if (access.type === "token" && !bearerMatches(req.get("authorization"), access.token))
      throw new HttpError(401, "unauthorized", "this endpoint needs the header 'Authorization: Bearer <token>'");
    if (!req.is("application/json"))
      throw new HttpError(415, "unsupported_media_type", "send the body as JSON with 'Content-Type: application/json'");
    next();
  };
}

/** Constant-time comparison (of digests, so the token's length does not leak either). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}
