/**
 * Answer view: what the routes answered without the graphology graph read — the graph's view once it is built, the
 * snapshot's until then — and the wait for the graph of a query the snapshot cannot answer.
 */
import { HttpError } from "../query/errors.ts";
import { graphView, type ServedView } from "../query/servedView.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import type { ServerContext } from "./context.ts";

/** The view to answer on now: the served graph's when it is there, else the snapshot's the server started on. */
export function answerViewOf(ctx: ServerContext): ServedView {
  if (ctx.served.ready || !ctx.snapshotView) return graphView(ctx.served.graph);
  return ctx.snapshotView;
}

/**
 * The served graph, once built: resolves at once when it is there, else when its background build ends (the event
 * loop runs meanwhile). Rejects with a 503 when the build failed.
 */
export function graphOf(ctx: ServerContext): Promise<KnowledgeGraph> {
  return ctx.served.whenReady().catch((error: Error) => {
    throw new HttpError(
      503,
      "unavailable",
      `the graph could not be built (${error.message}); path, search and entity queries still answer; restart the server to try again`,
    );
  });
}
