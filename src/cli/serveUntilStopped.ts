/**
 * Serving until stopped: what `kg serve` runs once its flags are checked — the page built if stale, the server
 * started, the "serving" line printed, then a graceful shutdown on SIGTERM/SIGINT.
 */
import { answerViewOf } from "../server/answerView.ts";
import { readTokenFile } from "../server/auth.ts";
import { startServer, type ServeOptions } from "../server/start.ts";
import { ensureWebBuild } from "../server/webBuild.ts";
import { logger } from "../util/logger.ts";
import type { CommandIO } from "./types.ts";

/**
 * Starts the server with `options` and the write token of `tokenFile` (else KG_TOKEN, already in `options`); resolves
 * to the exit code once a signal has stopped it.
 */
export async function serveUntilStopped(
  options: Partial<ServeOptions>,
  tokenFile: string | undefined,
  io: CommandIO,
): Promise<number> {
  // Required for writes beyond loopback; never printed or logged.
  const token = tokenFile ? readTokenFile(tokenFile) : (options.token ?? null);
  // The page is built here rather than in startServer so API tests and embedders never pay for a Vite build.
  await ensureWebBuild();
  const running = await startServer({ ...options, token });
  // Counted on the snapshot while the graph is built.
  const { order, size } = answerViewOf(running.context);
  io.out(`serving ${order} nodes, ${size} edges at ${running.url}`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, "shutting down");
      void running.close().then(resolve);
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
  return 0;
}
