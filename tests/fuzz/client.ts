/**
 * Fuzz client: sends a request exactly as built (no URL normalisation, any method, any bytes) over a keep-alive
 * agent, with a per-request timeout so a hanging endpoint shows up as a failure instead of stalling the suite.
 */
import http from "node:http";

/** What came back: a response, or the transport error (timeout, reset) that replaced it. */
export type FuzzOutcome =
  | { type: "response"; status: number; contentType: string; body: Buffer; ms: number }
  | { type: "error"; code: string; ms: number };

/** Tunables of {@link FuzzClient}. */
export interface FuzzClientOptions {
  /** A request with no complete answer after this long counts as a hang. */
  timeoutMs: number;
  /** Sockets kept open to the server (the suite's concurrency). */
  sockets: number;
  /** Bytes of a response body kept for checking; the rest is drained. */
  maxBodyBytes: number;
}

export const DEFAULT_FUZZ_CLIENT_OPTIONS: FuzzClientOptions = {
  timeoutMs: 10_000,
  sockets: 6,
  maxBodyBytes: 1_000_000,
};

/** A raw HTTP client bound to one loopback server. */
export class FuzzClient {
  readonly #base: URL;
  readonly #agent: http.Agent;
  readonly #options: FuzzClientOptions;

  constructor(baseUrl: string, options: Partial<FuzzClientOptions> = {}) {
    this.#base = new URL(baseUrl);
    this.#options = { ...DEFAULT_FUZZ_CLIENT_OPTIONS, ...options };
    this.#agent = new http.Agent({ keepAlive: true, maxSockets: this.#options.sockets });
  }

  /** Sends one request; never rejects. */
  send(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer): Promise<FuzzOutcome> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    return new Promise((resolve) => {
      let settled = false;
      const finish = (outcome: FuzzOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const req = http.request(
        {
          host: this.#base.hostname,
          port: this.#base.port,
          method,
          path,
          agent: this.#agent,
          headers: body ? { ...headers, "content-length": String(body.length) } : headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            if (size < this.#options.maxBodyBytes) chunks.push(chunk);
            size += chunk.length;
          });
          res.on("end", () =>
            finish({
              type: "response",
              status: res.statusCode ?? 0,
              contentType: String(res.headers["content-type"] ?? ""),
              body: Buffer.concat(chunks),
              ms: ms(),
            }),
          );
          res.on("error", (error: NodeJS.ErrnoException) =>
            finish({ type: "error", code: error.code ?? "EIO", ms: ms() }),
          );
        },
      );
      const timer = setTimeout(() => {
        finish({ type: "error", code: "TIMEOUT", ms: ms() });
        req.destroy();
      }, this.#options.timeoutMs);
      req.on("error", (error: NodeJS.ErrnoException) =>
        finish({ type: "error", code: error.code ?? error.message, ms: ms() }),
      );
      req.end(body);
    });
  }

  /** Closes the kept-alive sockets. */
  close(): void {
    this.#agent.destroy();
  }
}
