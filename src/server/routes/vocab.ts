/**
 * GET /api/vocab and /api/vocab/context.jsonld: the vocabulary of the RDF exports as Turtle, and their JSON-LD @context.
 */
import { Router } from "express";
import { jsonLdContext, vocabularyTurtle } from "../../export/rdfVocab.ts";
import type { ServerContext } from "../context.ts";

/** Routes: GET /api/vocab (Turtle), GET /api/vocab/context.jsonld. */
export function vocabRoutes(_ctx: ServerContext): Router {
  const router = Router();
  const turtle = vocabularyTurtle();
  const context = JSON.stringify({ "@context": jsonLdContext() });
  router.get("/vocab", (_req, res) => {
    res.status(200).type("text/turtle; charset=utf-8").send(turtle);
  });
  router.get("/vocab/context.jsonld", (_req, res) => {
    res.status(200).type("application/ld+json; charset=utf-8").send(context);
  });
  return router;
}
