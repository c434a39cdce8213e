/**
 * Safe fetch: gets a web page or feed over http(s) within a time limit, a size limit and a redirect limit, connecting
 * only to addresses the address policy allows — checked after resolution for every hop, and the connection made to
 * the checked address so a second DNS answer cannot swap in another (DNS rebinding).
 */
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { decodePage } from "./decodePage.ts";
import { FetchError } from "./fetchError.ts";
import { ACCEPTED_TYPES, DEFAULT_FETCH_OPTIONS, type FetchOptions, type MediaKind } from "./fetchOptions.ts";
import { readBody } from "./readBody.ts";
import { resolveChecked } from "./resolveHost.ts";

/** A fetched page or feed: the URL it ended at (after redirects), its media type and its decoded text. */
export interface FetchedPage {
  url: string;
  mediaType: string;
  text: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Parses `raw` (relative to `base` for a redirect) as an http or https URL; anything else is refused. */
export function parseHttpUrl(raw: string, requested: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FetchError("invalid_url", requested, `"${raw}" is not a URL; give an http:// or https:// address`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new FetchError("invalid_url", requested, `only http and https URLs are fetched, not ${url.protocol}`);
  return url;
}

/**
 * Fetches `url` as a `kind` (a web page or a feed) under `options`; throws a {@link FetchError} saying why when the
 * address, a redirect, the status, the type, the size, the encoding or the time is not acceptable.
 */
export async function safeFetch(
  url: string,
  kind: MediaKind,
  options: Partial<FetchOptions> = {},
): Promise<FetchedPage> {
  const opts = { ...DEFAULT_FETCH_OPTIONS, ...options };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    return await followRedirects(url, kind, opts, controller.signal);
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    throw new FetchError("timeout", url, `no complete answer within ${opts.timeoutMs / 1000} s; try again later`);
  } finally {
    clearTimeout(timer);
  }
}

async function followRedirects(url: string, kind: MediaKind, opts: FetchOptions, signal: AbortSignal) {
  let current = parseHttpUrl(url, url);
  for (let hop = 0; ; hop++) {
    const address = await abortable(resolveChecked(current, url, opts), signal);
    const response = await get(current, address, kind, opts, signal);
    const location = REDIRECTS.has(response.statusCode ?? 0) ? response.headers.location : undefined;
    if (location === undefined) return readPage(response, current, kind, url, opts);
    response.destroy();
    if (hop >= opts.maxRedirects)
      throw new FetchError("too_many_redirects", url, `more than ${opts.maxRedirects} redirects; give the final URL`);
    current = parseHttpUrl(location, url, current);
  }
}

/** One GET of `url`, connected to `address` (already checked) whatever the resolver would answer now. */
function get(
  url: URL,
  address: { address: string; family: number },
  kind: MediaKind,
  opts: FetchOptions,
  signal: AbortSignal,
) {
  const pinned = ((_host, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [address]);
    else callback(null, address.address, address.family);
  }) as LookupFunction;
  const client = url.protocol === "https:" ? https : http;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const request = client.request(
      url,
      {
        // No shared agent: a pooled connection could have been opened to an address this hop did not check.
        agent: false,
        lookup: pinned,
        signal,
        headers: {
          "user-agent": opts.userAgent,
          accept: `${ACCEPTED_TYPES[kind].join(", ")};q=1, */*;q=0.1`,
          "accept-encoding": "gzip, deflate, br",
        },
      },
      resolve,
    );
    request.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        signal.aborted
          ? error
          : new FetchError("network", url.href, `cannot connect (${error.code ?? error.message}); check the address`),
      ),
    );
    request.end();
  });
}

async function readPage(response: IncomingMessage, url: URL, kind: MediaKind, requested: string, opts: FetchOptions) {
  const status = response.statusCode ?? 0;
  if (status < 200 || status > 299) {
    response.destroy();
    const where = url.href === requested ? "" : ` (at ${url.href})`;
    throw new FetchError(
      "http_status",
      requested,
      `the server answered ${status} ${response.statusMessage ?? ""}${where}`.trim(),
    );
  }
  const contentType = response.headers["content-type"] ?? null;
  const mediaType = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (!ACCEPTED_TYPES[kind].includes(mediaType)) {
    response.destroy();
    const wanted =
      kind === "html"
        ? "a web page (text/html)"
        : "an RSS or Atom feed (application/rss+xml, application/atom+xml, or XML)";
    throw new FetchError(
      "unsupported_type",
      requested,
      `the answer is ${mediaType || "of no declared type"}, not ${wanted}`,
    );
  }
  const bytes = await readBody(response, opts.maxBytes, requested);
  return { url: url.href, mediaType, text: decodePage(bytes, contentType, kind, requested) };
}

/** `promise`, or a rejection as soon as `signal` aborts (DNS lookups take no signal of their own). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error("aborted"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
