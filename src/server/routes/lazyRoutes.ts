/**
 * Lazy routes: a route module imported on the first request that reaches it, so a server listens without loading what
 * only writes, exports, documents or the API description need.
 */
import { Router } from "express";
import type { ServerContext } from "../context.ts";
import { HttpError } from "../../query/errors.ts";
import { lazyImport } from "../../util/lazyImport.ts";

/**
 * A module's routes, mounted under /api. A lazy module's factory also has `load`, which imports the module's own
 * factory (for what reads the routers' tables, like the route fuzzer).
 */
export type RouteFactory = ((ctx: ServerContext) => Router) & { load?: () => Promise<RouteFactory> };

/**
 * The routes `load` resolves to, in the same place among the /api routes, imported and built for `ctx` on the first
 * request that reaches them. A module that cannot be imported answers 503 (and is tried again on the next request).
 */
export function lazyRoutes(name: string, load: () => Promise<RouteFactory>): RouteFactory {
  const routes = lazyImport(load, (error) => unavailable(name, error));
  const factory = (ctx: ServerContext) => {
    let router: Promise<Router> | null = null;
    return Router().use((req, res, next) => {
      router ??= routes().then((factory) => factory(ctx));
      router.then(
        (built) => built(req, res, next),
        (error: unknown) => {
          router = null;
          next(error);
        },
      );
    });
  };
  return Object.assign(factory, { load: routes });
}

function unavailable(name: string, error: Error): HttpError {
  return new HttpError(
    503,
    "unavailable",
    `the ${name} routes cannot be loaded (${error.message}); check the server's install ("npm install") and restart it`,
  );
}
