/**
 * Fetch options: the limits every fetch of a page or feed runs under, shared by `kg ingest` and the server.
 */
import { lookup } from "node:dns/promises";

/** What a fetch is for: an article's web page, or an RSS/Atom feed. */
export type MediaKind = "html" | "feed";

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Limits and switches of a fetch. */
export interface FetchOptions {
  // Limits
  /** The whole fetch — every redirect hop and the body — must finish within this. */
  timeoutMs: number;
  /** Largest body, in bytes after decompression; the download stops at the first byte past it. */
  maxBytes: number;
  /** Redirects followed; one more is refused. */
  maxRedirects: number;
  // Safety
  /** Fetch from loopback, private, link-local, unique-local and CGNAT addresses too (for a trusted network only). */
  allowPrivate: boolean;
  // Plumbing
  userAgent: string;
  /** Resolves a host name to every address it has; a test may answer without DNS. */
  resolve: (hostname: string) => Promise<ResolvedAddress[]>;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivate: false,
  userAgent: "evidence-graph/0.1 (article ingest)",
  resolve: (hostname) => lookup(hostname, { all: true, verbatim: true }),
};

/** The media types accepted for each kind, as `Content-Type` gives them (without parameters). */
export const ACCEPTED_TYPES: Record<MediaKind, readonly string[]> = {
  html: ["text/html", "application/xhtml+xml"],
  feed: [
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+xml",
  ],
};
