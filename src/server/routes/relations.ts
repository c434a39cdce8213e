/**
 * Review routes: POST /api/relations/:id/accept|reject record a decision on an extracted relation, and
 * POST /api/merges/:id/revert undoes an entity merge; each is saved in graph-data/decisions.yaml and survives rebuilds.
 * GET /api/merges lists the merges to review (answered in query/merges.ts).
 */
import { Router } from "express";
import { z } from "zod";
import { IdSchema } from "../../model/schemas.ts";
import { requireWriteAccess } from "../auth.ts";
import type { ServerContext } from "../context.ts";
import { parseOr400 } from "../../query/errors.ts";
import { answerMerges } from "../../query/merges.ts";
import type { DecisionResponseSchema, RevertMergeResponseSchema } from "../../query/schemas.ts";
import { toHttpError, writerOf } from "./writeErrors.ts";

// The writer's results are checked against the documented bodies here, so the two cannot drift apart.
type DecisionResponse = z.infer<typeof DecisionResponseSchema>;
type RevertMergeResponse = z.infer<typeof RevertMergeResponseSchema>;

const ParamsSchema = z.strictObject({ id: IdSchema.max(200) });
// Decisions carry no fields today; an empty JSON object (or nothing) is the body.
const EmptyBodySchema = z.strictObject({}).optional();

/** Routes: POST /api/relations/:id/accept, /api/relations/:id/reject, GET /api/merges, POST /api/merges/:id/revert. */
export function relationsRoutes(ctx: ServerContext): Router {
  const router = Router();
  const guard = requireWriteAccess(ctx);
  for (const [action, decision] of [
    ["accept", "accepted"],
    ["reject", "rejected"],
  ] as const) {
    router.post(`/relations/:id/${action}`, guard, async (req, res) => {
      const { id } = parseOr400(ParamsSchema, req.params, "params");
      parseOr400(EmptyBodySchema, req.body, "body");
      try {
        res.json((await writerOf(ctx).decide(id, decision)) satisfies DecisionResponse);
      } catch (error) {
        throw toHttpError(error);
      }
    });
  }
  router.get("/merges", (req, res) => {
    res.json(answerMerges(ctx.served.graph, ctx.dataRoot, req.query, ctx.writeAccess?.type ?? "off"));
  });
  router.post("/merges/:id/revert", guard, async (req, res) => {
    const { id } = parseOr400(ParamsSchema, req.params, "params");
    parseOr400(EmptyBodySchema, req.body, "body");
    try {
      res.json((await writerOf(ctx).revertMerge(id)) satisfies RevertMergeResponse);
    } catch (error) {
      throw toHttpError(error);
    }
  });
  return router;
}
