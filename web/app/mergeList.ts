/**
 * Merge list: how the page words a merge entity resolution recorded — the rule that joined the names, and the names
 * merged away.
 */
import type { RecordedMerge } from "./api.ts";

/** Each rule as the list names it. */
export const MERGE_RULE_LABELS: Record<RecordedMerge["rule"], string> = {
  id: "same id",
  label: "same name",
  alias: "known alias",
  "short-form": "short form",
};

/** The names merged away: the name read in the document, then its other names there ("Blinken (also Mr Blinken)"). */
export function mergedNames({ merged }: RecordedMerge): string {
  return merged.aliases.length > 0 ? `${merged.label} (also ${merged.aliases.join(", ")})` : merged.label;
}

/** The merges still in effect first (they are the ones to review), each group in the server's document order. */
export function sortMerges(merges: readonly RecordedMerge[]): RecordedMerge[] {
  return [...merges].sort((a, b) => Number(a.reverted) - Number(b.reverted));
}
