/**
 * Child: the load test's server — the graph file served as `kg serve --graph-file` serves it (read-only, no request
 * logs), on 127.0.0.1, driven over IPC (util/servedChild.ts).
 */
import { startServer } from "../../src/server/start.ts";
import { serveDriver } from "../util/servedChild.ts";

const t0 = performance.now();
const server = await startServer({
  port: 0,
  host: "127.0.0.1",
  graphFile: process.argv[2],
  readOnly: true,
  watch: false,
  app: { requestLogs: false },
});
serveDriver(server.url, Math.round(performance.now() - t0), server.close);
