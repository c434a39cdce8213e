/**
 * Fetch errors: why a page or feed could not be fetched, with a reason code a route or a report can act on.
 */

/** Why a fetch was refused or failed. */
export type FetchErrorReason =
  | "invalid_url"
  | "blocked_address"
  | "dns"
  | "network"
  | "timeout"
  | "too_large"
  | "too_many_redirects"
  | "http_status"
  | "unsupported_type";

/** A fetch that changed nothing; the message names the URL and says what to do. */
export class FetchError extends Error {
  readonly reason: FetchErrorReason;
  readonly url: string;

  constructor(reason: FetchErrorReason, url: string, message: string) {
    super(`fetch: ${url}: ${message}`);
    this.name = "FetchError";
    this.reason = reason;
    this.url = url;
  }
}
