/**
 * Event-loop delay control: a tiny HTTP handler a served bench child runs beside its server, so the driver can start
 * and read a monitorEventLoopDelay histogram of the child over exactly the span it measures.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { sendJson } from "./sendJson.ts";

/** What `?action=stop` answers: the longest delay and the 99th percentile since `?action=start`, in ms. */
export interface LoopDelay {
  maxMs: number;
  p99Ms: number;
}

/** A handler: `?action=start` starts a fresh histogram (5 ms resolution); any other action stops it and answers it. */
export function loopDelayControl(): (req: IncomingMessage, res: ServerResponse) => void {
  let histogram: ReturnType<typeof monitorEventLoopDelay> | null = null;
  return (req, res) => {
    const action = new URL(req.url ?? "/", "http://localhost").searchParams.get("action");
    if (action === "start") {
      histogram = monitorEventLoopDelay({ resolution: 5 });
      histogram.enable();
      return sendJson(res, 200, { ok: true });
    }
    histogram?.disable();
    const ms = (ns: number) => (histogram ? ns / 1e6 : NaN);
    sendJson(res, 200, {
      maxMs: ms(histogram?.max ?? 0),
      p99Ms: ms(histogram?.percentile(99) ?? 0),
    } satisfies LoopDelay);
  };
}

/** Listens on 127.0.0.1 on a free port; resolves with the server's base URL. */
export function listenLocal(server: ReturnType<typeof createServer>): Promise<string> {
  return new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}
