/**
 * Co-occurrence: the weak "mentioned in the same sentence" link between entities no typed relation connects.
 */
import type { ExtractedRelation } from "../types.ts";
import { quote } from "./finalize.ts";
import type { View } from "./view.ts";

const SKIPPED_TYPES = new Set(["date", "quantity"]);

/** One `mentioned_with` link per unordered pair of entities sharing a sentence (the first such sentence is quoted). */
export function cooccurrences(v: View, typed: ExtractedRelation[], confidence: number): ExtractedRelation[] {
  const linked = new Set(typed.flatMap((r) => [`${r.source}\u0000${r.target}`, `${r.target}\u0000${r.source}`]));
  const seen = new Set<string>();
  const out: ExtractedRelation[] = [];
  for (const s of v.a.sentences) {
    const ids: number[] = [];
    for (let k = s.from; k < s.to; k++) {
      const m = v.mentionAt[k];
      if (m && m.from === k && !ids.includes(m.entity) && !SKIPPED_TYPES.has(v.clusters[m.entity].type))
        ids.push(m.entity);
    }
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const [a, b] = [v.clusters[ids[i]].id, v.clusters[ids[j]].id].sort();
        const key = `${a}\u0000${b}`;
        if (linked.has(key) || seen.has(key)) continue;
        seen.add(key);
        out.push({
          source: a,
          target: b,
          predicate: "mentioned_with",
          kind: "cooccurrence",
          confidence,
          stance: "neutral",
          modality: "asserted",
          rule: "same-sentence",
          evidence: quote(v.a, s.from, s.to),
        });
      }
  }
  return out;
}
