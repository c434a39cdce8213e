/**
 * Demonyms as states: "a German skeleton racer", "the Canadian province of Alberta" name a country by its
 * adjective. The country becomes an entity of the text (mentioned at the adjective) when the text did not name it.
 */
import type { LexiconEntry } from "../lexicon/types.ts";
import type { View } from "./view.ts";
import { startsUpper } from "../nlp/letters.ts";

/**
 * The country whose demonym adjective is the word at `k` ("German", "American"), or null; inside a name too
 * ("Royal Canadian Air Force") when `insideNames`.
 */
export function demonymAt(v: View, k: number, insideNames = false): LexiconEntry | null {
  const t = v.tokens[k];
  if (!t || (v.mentionAt[k] && !insideNames) || !startsUpper(t.text)) return null;
  for (const p of v.ctx.names.get(t.lower) ?? [])
    if (p.tokens.length === 1 && p.name.kind === "demonym-adjective" && p.name.entry.type === "country")
      return p.name.entry;
  return null;
}

/**
 * The entity index of `entry` in the text, added with a mention at token `k` when the text does not name it. A state
 * the text names is not given the adjective as a mention: "Swedish" is no name of Sweden.
 */
export function stateEntity(v: View, entry: LexiconEntry, k: number): number {
  const found = v.clusters.findIndex((c) => c.entry === entry || c.id === entry.id);
  if (found >= 0) return found;
  v.clusters.push({ id: entry.id, label: entry.label, type: entry.type, entry, mentions: [] });
  v.clusters[v.clusters.length - 1].mentions.push(demonymMention(v, k, v.clusters.length - 1));
  return v.clusters.length - 1;
}

function demonymMention(v: View, k: number, entity: number) {
  const t = v.tokens[k];
  return { from: k, to: k + 1, start: t.start, end: t.end, surface: t.text, type: "country" as const, entity };
}
