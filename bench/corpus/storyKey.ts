/**
 * The story corpus's key: which surface names of which stories denote one entity (tests/fixtures/corpus/stories),
 * and the judge that tells, for a name an article's extraction gave, which entity of the key it is.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { EntityType } from "../../src/model/types.ts";
import { normalizeName } from "../../src/search/normalize.ts";
import { REPO_ROOT } from "../util/child.ts";

/** The corpus folder: articles.jsonl (one dated article a line, its id `<story>-<n>`) and key.json. */
export const STORY_CORPUS = path.join(REPO_ROOT, "tests", "fixtures", "corpus", "stories");

const KeySchema = z.object({
  entities: z.array(
    z.object({
      id: z.string(),
      type: z.enum(["person", "organization", "place"]),
      stories: z.array(z.string()).optional(),
      names: z.array(z.string()).min(1),
    }),
  ),
});
const ArticleSchema = z.object({ id: z.string(), date: z.string(), title: z.string(), text: z.string() });

/** One article of the corpus. */
export type StoryArticle = z.infer<typeof ArticleSchema> & { story: string };

/** The articles in date order (then by id), each with its story (its id without the trailing number). */
export function readStoryArticles(folder = STORY_CORPUS): StoryArticle[] {
  return readFileSync(path.join(folder, "articles.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => ArticleSchema.parse(JSON.parse(line)))
    .map((a) => ({ ...a, story: a.id.replace(/-\d+$/, "") }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** The key entity a name stands for, or why it cannot be told. */
export type Judgement = { entity: string; type: string } | { unjudged: "not in the key" | "ambiguous" };

/**
 * A judge over the key: the entity that `label` (extracted as `type`) denotes in an article of `story` — among the
 * entities of that story or of none carrying the name, the one of the type when several do.
 */
export function storyJudge(folder = STORY_CORPUS): (label: string, type: EntityType, story: string) => Judgement {
  const key = KeySchema.parse(JSON.parse(readFileSync(path.join(folder, "key.json"), "utf8")));
  const byName = new Map<string, typeof key.entities>();
  for (const entity of key.entities)
    for (const name of entity.names) byName.set(nameKey(name), [...(byName.get(nameKey(name)) ?? []), entity]);
  return (label, type, story) => {
    const named = (byName.get(nameKey(label)) ?? []).filter((e) => !e.stories || e.stories.includes(story));
    const typed = named.length > 1 ? named.filter((e) => e.type === coarseType(type)) : named;
    if (typed.length === 1) return { entity: typed[0].id, type: typed[0].type };
    return { unjudged: named.length ? "ambiguous" : "not in the key" };
  };
}

/** The key's type for an entity type: person, organization, or place for a country or location. */
export function coarseType(type: EntityType): string {
  return type === "country" || type === "location" ? "place" : type;
}

function nameKey(name: string): string {
  return normalizeName(name).replace(/^the /, "");
}
