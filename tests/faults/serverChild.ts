/**
 * Test fixture: starts the real server (startServer) on 127.0.0.1, port 0, over the graph-data root given as the
 * first argument, with the article fixture's extractor; prints `{"url": …}` once listening. Used by the crash tests,
 * which SIGKILL it mid-write.
 */
import { startServer } from "../../src/server/start.ts";
import { acmeExtractor } from "../ingest/fixtureExtractor.ts";

const running = await startServer({
  dataRoot: process.argv[2],
  port: 0,
  host: "127.0.0.1",
  extractor: acmeExtractor,
  // The token test sets KG_TOKEN, which only `kg serve` reads: pass it on the way the command does.
  token: process.env.KG_TOKEN || null,
  // KG_TEST_REQUEST_LOGS=1 turns the request log on (the token test reads it); off otherwise to keep output small.
  app: { requestLogs: process.env.KG_TEST_REQUEST_LOGS === "1" },
});
process.stdout.write(JSON.stringify({ url: running.url }) + "\n");
process.on("SIGTERM", () => {
  void running.close().then(() => process.exit(0));
});
