/**
 * Host guard: refuses requests addressed to a name the server does not answer to (DNS rebinding), and writes sent
 * from a page whose origin is not one of those names, before any route — hot or Express — runs.
 *
 * A page on another site can rebind its own name to 127.0.0.1; the reader's browser then sends that name in `Host`
 * (and `Origin`), so checking both against the names the server is reached by shuts the page out. IP literals are
 * always accepted: a browser only sends one when the page itself was loaded from that address, which no other site
 * can arrange.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isIP } from "node:net";
import type { ErrorCode } from "../query/errors.ts";

/** Tunables of {@link createHostGuard}. */
export interface HostGuardOptions {
  /** The address or name the server listens on (`--host`); accepted as a Host name unless it is a wildcard. */
  boundHost: string;
  /** More names the server is reached by (`--allowed-hosts`, KG_ALLOWED_HOSTS); `.example.org` takes subdomains. */
  allowedHosts: string[];
}

export const DEFAULT_HOST_GUARD_OPTIONS: HostGuardOptions = {
  boundHost: "127.0.0.1",
  allowedHosts: [],
};

/** Answers a refused request and returns true, or returns false (having touched nothing) to let it through. */
export type HostGuard = (req: IncomingMessage, res: ServerResponse) => boolean;

// Names every local server answers to, whatever it is bound to.
const LOCAL_NAMES = ["localhost", "127.0.0.1", "[::1]"];
// Bind addresses meaning "every interface": they name no host a client would send.
const WILDCARD_BINDS = new Set(["0.0.0.0", "::", "[::]", ""]);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Splits a comma list of host names (`--allowed-hosts a,b`), lower-cased, without blanks or a trailing dot. */
export function parseHostList(list: string): string[] {
  return list
    .split(",")
    .map((name) => name.trim().toLowerCase().replace(/\.$/, ""))
    .filter((name) => name !== "");
}

/**
 * The host name of a `Host` header value (`name`, `name:port`, `[v6]:port`), lower-cased without a trailing dot, or
 * null when the value is malformed.
 */
export function hostNameOf(host: string): string | null {
  let name: string;
  let rest: string;
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    if (end === -1) return null;
    name = host.slice(0, end + 1);
    rest = host.slice(end + 1);
  } else {
    const colon = host.indexOf(":");
    name = colon === -1 ? host : host.slice(0, colon);
    rest = colon === -1 ? "" : host.slice(colon);
  }
  if (rest !== "" && !/^:\d{1,5}$/.test(rest)) return null;
  if (name === "" || /[\s/\\@?#]/.test(name)) return null;
  return name.toLowerCase().replace(/\.$/, "");
}

/** Builds the predicate saying whether a host name (from {@link hostNameOf}) is one the server answers to. */
export function hostNameMatcher(options: Partial<HostGuardOptions> = {}): (name: string) => boolean {
  const { boundHost, allowedHosts } = { ...DEFAULT_HOST_GUARD_OPTIONS, ...options };
  const exact = new Set(LOCAL_NAMES);
  const bound = boundHost.toLowerCase();
  if (!WILDCARD_BINDS.has(bound)) exact.add(isIP(bound) === 6 ? `[${bound}]` : bound);
  const suffixes: string[] = [];
  for (const name of allowedHosts) {
    if (name.startsWith(".")) suffixes.push(name);
    else exact.add(name);
  }
  return (name) => {
    if (exact.has(name)) return true;
    if (isIP(name.startsWith("[") ? name.slice(1, -1) : name) !== 0) return true;
    return suffixes.some((suffix) => name.endsWith(suffix) || name === suffix.slice(1));
  };
}

/** Builds the guard: 421 for a Host the server does not answer to, 403 for a write from a foreign Origin. */
export function createHostGuard(options: Partial<HostGuardOptions> = {}): HostGuard {
  const allowed = hostNameMatcher(options);
  return (req, res) => {
    const host = req.headers.host;
    // HTTP/1.0 clients may omit Host; a browser never does, so a missing one is no rebinding.
    if (host !== undefined) {
      const name = hostNameOf(host);
      if (name === null || !allowed(name)) {
        refuse(res, req.method, 421, "misdirected", hostMessage(host));
        return true;
      }
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !SAFE_METHODS.has(req.method ?? "")) {
      const name = originHostName(origin);
      if (name === null || !allowed(name)) {
        refuse(res, req.method, 403, "forbidden", originMessage(origin));
        return true;
      }
    }
    return false;
  };
}

/** The host name of an `Origin` header value, or null for `null` and malformed values. */
function originHostName(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? hostNameOf(url.host) : null;
  } catch {
    return null;
  }
}

function hostMessage(host: string): string {
  return (
    `this server does not answer to the host "${host.slice(0, 200)}"; reach it by localhost, 127.0.0.1 or the name ` +
    "it listens on, or start it with --allowed-hosts NAME (or KG_ALLOWED_HOSTS) to add a name"
  );
}

function originMessage(origin: string): string {
  return (
    `writes from the origin "${origin.slice(0, 200)}" are refused; send them from a page served by this server, ` +
    "or start it with --allowed-hosts NAME (or KG_ALLOWED_HOSTS) to add a name"
  );
}

/** Writes the JSON error (no body for HEAD) and closes the connection, which may belong to a rebound page. */
function refuse(res: ServerResponse, method: string | undefined, status: number, code: ErrorCode, message: string) {
  const text = method === "HEAD" ? "" : JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(text)),
    "Cache-Control": "no-store",
    Connection: "close",
  });
  res.end(text);
}
