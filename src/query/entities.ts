/**
 * Entity references in requests: resolves what a client wrote to one entity or answers 409/404 with the choices.
 */
import { resolveInIndex } from "../paths/index.ts";
import { rankInIndex, suggestInIndex } from "../search/index.ts";
import { HttpError } from "./errors.ts";
import type { ServedView } from "./servedView.ts";

/** What names are resolved against: the ids and the search index of a served view. */
export type EntityNames = Pick<ServedView, "hasNode" | "searchIndex">;

/** The entity `text` names, or a 409 listing the equally good candidates, or a 404 with suggestions. */
export function resolveOrThrow(names: EntityNames, text: string, param: string): string {
  const match = resolveInIndex(names.searchIndex, names.hasNode, text);
  if (match.type === "found") return match.id;
  if (match.type === "ambiguous") {
    const names = match.candidates.map((c) => `"${c.label}" (${c.id})`).join(", ");
    throw new HttpError(
      409,
      "ambiguous",
      `${param}: "${text}" matches several entities equally well: ${names}; use an id or a fuller name`,
      { param, candidates: match.candidates },
    );
  }
  throw unknownEntity(param, text, match.suggestions);
}

/** 404 for an entity id that is not in the graph, with the closest names as suggestions. */
export function requireEntityId(names: EntityNames, id: string, param: string): string {
  if (names.hasNode(id)) return id;
  const index = names.searchIndex;
  const hits = rankInIndex(index, id, { limit: 5 }).map(({ id, label, type, score }) => ({ id, label, type, score }));
  throw unknownEntity(param, id, hits.length > 0 ? hits : suggestInIndex(index, id));
}

function unknownEntity(param: string, text: string, suggestions: { id: string; label: string }[]): HttpError {
  const hint =
    suggestions.length > 0
      ? ` — did you mean ${suggestions.map((s) => `"${s.label}" (${s.id})`).join(", ")}?`
      : "; search for it with /api/search?q=";
  return new HttpError(404, "not_found", `${param}: unknown entity "${text}"${hint}`, { param, suggestions });
}
