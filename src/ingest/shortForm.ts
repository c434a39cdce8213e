/**
 * Short forms across documents: the names by which a later article may call an entity of the graph — a person by
 * the surname ("Putin" for "Vladimir Putin"), an organisation without its designator ("Microsoft" for "Microsoft
 * Corp.", "Volkswagen" for "Volkswagen Group").
 */
import type { EntityType } from "../model/types.ts";
import { normalizeName } from "../search/normalize.ts";

/**
 * Words that follow a firm's own name ("Corp.", "Inc", "Group"), normalised. Only these make a short form of an
 * organisation: on 226 real articles, first words alone ("Harvard" for "Harvard University", but also "Atlantic" for
 * "Atlantic Council", "Apple" for "Apple TV") joined wrongly about two times in three.
 */
const DESIGNATORS = new Set([
  ...["corp", "corporation", "inc", "incorporated", "ltd", "limited", "plc", "llc", "co", "company", "group"],
  ...["holdings", "ag", "sa", "gmbh", "nv", "se"],
]);
/** Shortest short form: one- and two-letter words are initials or particles far more often than names. */
const MIN_SHORT_LENGTH = 3;

/**
 * The normalised short forms of a node named `label` of `type` (none for other types): a person's last word (words
 * split at spaces only, so "Jean-Luc" stays one word); an organisation's name without its designator.
 */
export function shortFormsOf(label: string, type: EntityType): string[] {
  const words = label.trim().split(/\s+/);
  if (words.length < 2) return [];
  let form = "";
  if (type === "person") form = normalizeName(words[words.length - 1]);
  else if (type === "organization" && DESIGNATORS.has(normalizeName(words[words.length - 1])))
    form = nameKey(words.slice(0, -1).join(" "));
  return form.length >= MIN_SHORT_LENGTH ? [form] : [];
}

/** Whether `name` (of `type`) can be a short form at all: one word for a person, fewer words for an organisation. */
export function mayBeShortForm(name: string, type: EntityType): boolean {
  const key = nameKey(name);
  if (key.length < MIN_SHORT_LENGTH) return false;
  if (type === "person") return !key.includes(" ");
  return type === "organization";
}

/** `type:short form` → the ids of the nodes of that type it may stand for, built from `nodes` (id, label, type). */
export function shortFormIndex(
  nodes: Iterable<{ id: string; label: string; type: EntityType }>,
): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const { id, label, type } of nodes)
    for (const form of shortFormsOf(label, type)) {
      const list = index.get(`${type}:${form}`);
      if (!list) index.set(`${type}:${form}`, [id]);
      else if (!list.includes(id)) list.push(id);
    }
  return index;
}

/** The one node of `index` that `name` is a short form of, or null when none or several are. */
export function shortFormTarget(index: Map<string, string[]>, name: string, type: EntityType): string | null {
  if (!mayBeShortForm(name, type)) return null;
  const nodes = index.get(`${type}:${nameKey(name)}`) ?? [];
  return nodes.length === 1 ? nodes[0] : null;
}

/** The normalised name without a leading "the", as resolution compares names. */
function nameKey(name: string): string {
  return normalizeName(name).replace(/^the /, "");
}
