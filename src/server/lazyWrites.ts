/**
 * The write set-up on demand: ./writes.ts and the ingest writer under it are imported once a graph is to be served,
 * not with the server, so that a server started on a snapshot listens without them.
 */
import { lazyImport } from "../util/lazyImport.ts";
import type { ServerContext } from "./context.ts";
import type { WriteSetupOptions } from "./writes.ts";

type WritesModule = typeof import("./writes.ts");

const writesModule = lazyImport(
  () => import("./writes.ts"),
  (error) => new Error(`server: the write set-up cannot be loaded (${error.message}); run "npm install" and restart`),
);
let loaded: WritesModule | null = null;

/** Imports the write set-up; {@link setupWrites} may be called once this has resolved. */
export async function loadWrites(): Promise<void> {
  loaded = await writesModule();
}

/**
 * ./writes.ts's `setupWrites` (the writer, the write policy and the watch on graph-data/), called synchronously so that
 * no request finds the graph served without them; {@link loadWrites} must have resolved first.
 */
export function setupWrites(ctx: ServerContext, options: Partial<WriteSetupOptions> = {}): () => Promise<void> {
  if (!loaded) throw new Error("server: setupWrites was called before loadWrites() resolved; await loadWrites() first");
  return loaded.setupWrites(ctx, options);
}
