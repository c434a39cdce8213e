/**
 * Implicit owners of titles: "Mayor Wayne Brown", "Prime Minister X", "coach X", "Group Chief Executive X" name no
 * body, yet a wire story means its own city, state, club or firm — the one of that kind it names most.
 */
import type { EntityType } from "../../model/types.ts";
import type { View } from "./view.ts";

/** Tunables of {@link implicitOwner}. */
export interface ImplicitOwnerOptions {
  /** Mentions the owner needs at least, unless it is the only entity of its kind. */
  minMentions: number;
}

/** Defaults: an owner named at least twice. */
export const DEFAULT_IMPLICIT_OWNER_OPTIONS: ImplicitOwnerOptions = { minMentions: 2 };

/** Titles of a state's offices (a portfolio minister's title ends with "minister"). */
const STATE_TITLES = new Set(["prime minister", "premier", "chancellor", "king", "queen", "president"]);
/** Titles of a city's offices. */
const CITY_TITLES = new Set(["mayor"]);
/** Titles held in a firm or a club. */
const BODY_TITLES = new Set([
  ...["chief executive", "chief executive officer", "ceo", "chairman", "chairwoman", "managing director"],
  ...["chief financial officer", "cfo", "chief operating officer", "coo", "coach", "head coach", "manager"],
]);

/** The kind of owner a title implies, or null for titles that name no one kind ("director", "head"). */
function ownerType(written: string): EntityType | null {
  // "Deputy Mayor X", "acting chief executive X": the office is the same kind.
  const title = written.replace(/^(?:deputy|vice|acting|interim)[ -]/, "");
  if (STATE_TITLES.has(title) || /(?:^| )minister$/.test(title)) return "country";
  if (CITY_TITLES.has(title)) return "location";
  if (BODY_TITLES.has(title)) return "organization";
  return null;
}

/**
 * The entity a title with no owner beside it belongs to: the one of the title's kind the text names most often, if
 * no other of that kind is named as often; -1 when the title implies no kind or the text has no clear one. A
 * president belongs to the state only when no organisation is named more often ("President X" of a club or firm).
 */
export function implicitOwner(
  v: View,
  title: string,
  holder: number,
  options: Partial<ImplicitOwnerOptions> = {},
): number {
  const { minMentions } = { ...DEFAULT_IMPLICIT_OWNER_OPTIONS, ...options };
  const type = ownerType(title);
  if (!type) return -1;
  const named = (i: number) => v.clusters[i].mentions.filter((m) => !m.nested).length;
  const most = (t: EntityType) => {
    let best = -1;
    let tie = false;
    let kinds = 0;
    for (let i = 0; i < v.clusters.length; i++) {
      if (i === holder || v.clusters[i].type !== t) continue;
      kinds++;
      if (best < 0 || named(i) > named(best)) [best, tie] = [i, false];
      else if (named(i) === named(best)) tie = true;
    }
    return tie || best < 0 || (kinds > 1 && named(best) < minMentions) ? -1 : best;
  };
  const owner = most(type);
  if (owner >= 0 && title === "president") {
    const body = most("organization");
    if (body >= 0 && named(body) > named(owner)) return -1;
  }
  return owner;
}
