/**
 * Implicit owners of titles: "Mayor Wayne Brown", "Prime Minister X", "coach X", "Group Chief Executive X", "Governor
 * X" name no body, yet a wire story means its own city, state, club, firm or bank — the one of that kind it names most.
 */
import type { EntityType } from "../../model/types.ts";
import type { View } from "./view.ts";

/** Tunables of {@link implicitOwner}. */
export interface ImplicitOwnerOptions {
  /** Mentions the owner needs at least, unless it is the only entity of its kind. */
  minMentions: number;
  /** Mentions counted in addition for the first entity of the kind the text names (its headline's, its lede's). */
  topicBonus: number;
}

/** Defaults: an owner named at least twice; the story's first body of a kind counts as named twice more. */
export const DEFAULT_IMPLICIT_OWNER_OPTIONS: ImplicitOwnerOptions = { minMentions: 2, topicBonus: 2 };

/** Titles of a state's offices (a portfolio minister's title ends with "minister"). */
const STATE_TITLES = new Set(["prime minister", "premier", "chancellor", "king", "queen", "president"]);
/** Titles of a city's offices. */
const CITY_TITLES = new Set(["mayor"]);
/** Titles held in a firm or a club. */
const BODY_TITLES = new Set([
  ...["chief executive", "chief executive officer", "ceo", "chairman", "chairwoman", "managing director"],
  ...["chief financial officer", "cfo", "chief operating officer", "coo", "coach", "head coach", "manager"],
  // "finance chief X said": a firm's head of a field.
  ...["finance chief", "technology chief", "operations chief", "marketing chief", "risk chief", "compliance chief"],
  ...["executive vice president", "senior vice president"],
]);

/** Titles of a court's judges, and of a council's members: their body's name holds its head word. */
const BENCH_TITLES = new Set(["justice", "chief justice", "judge", "magistrate"]);
const COUNCIL_TITLES = new Set(["councillor", "councilor"]);
const COURT_HEADS = new Set(["court", "tribunal"]);
/** A governor with no body or place beside the title: a story about a central bank means its governor. */
const GOVERNOR_TITLES = new Set(["governor"]);
const BANK_HEADS = new Set(["bank"]);
const COUNCIL_HEADS = new Set(["council"]);

/** Whether `word` (lower case) is a judge's title before one name or several ("Justice", "Justices"). */
export function isBenchTitle(word: string): boolean {
  return BENCH_TITLES.has(word.endsWith("s") ? word.slice(0, -1) : word);
}

/** The kind of owner a title implies: a type, and for some the head word its name ends with. */
interface OwnerKind {
  type: EntityType;
  heads?: ReadonlySet<string>;
}

/** The kind of owner a title implies, or null for titles that name no one kind ("director", "head"). */
function ownerKind(written: string): OwnerKind | null {
  // "Deputy Mayor X", "acting chief executive X": the office is the same kind.
  const title = written.replace(/^(?:deputy|vice|acting|interim)[ -]/, "");
  if (STATE_TITLES.has(title) || /(?:^| )minister$/.test(title)) return { type: "country" };
  if (CITY_TITLES.has(title)) return { type: "location" };
  if (BODY_TITLES.has(title)) return { type: "organization" };
  if (BENCH_TITLES.has(title)) return { type: "organization", heads: COURT_HEADS };
  if (COUNCIL_TITLES.has(title)) return { type: "organization", heads: COUNCIL_HEADS };
  if (GOVERNOR_TITLES.has(title)) return { type: "organization", heads: BANK_HEADS };
  return null;
}

/**
 * The entity a title with no owner beside it belongs to: the one of the title's kind the text names most often, the
 * first of them counting {@link ImplicitOwnerOptions.topicBonus} mentions more, when no other scores as much; -1 when
 * the title implies no kind or the text has no clear one. A president belongs to the state only when no organisation
 * is named more often ("President X" of a club or firm).
 */
export function implicitOwner(
  v: View,
  title: string,
  holder: number,
  options: Partial<ImplicitOwnerOptions> = {},
): number {
  const { minMentions, topicBonus } = { ...DEFAULT_IMPLICIT_OWNER_OPTIONS, ...options };
  const kindOf = ownerKind(title);
  if (!kindOf) return -1;
  // "Supreme Court", "Court of Appeal", "Supreme Court of Canada", "Bank of Thailand": the head word is in the name.
  const headed = (i: number) =>
    !kindOf.heads ||
    v.clusters[i].label
      .toLowerCase()
      .split(" ")
      .some((w) => kindOf.heads!.has(w));
  const named = (i: number) => v.clusters[i].mentions.filter((m) => !m.nested).length;
  const first = (i: number) => Math.min(...v.clusters[i].mentions.map((m) => m.start));
  const most = (t: EntityType) => {
    const kind = v.clusters.flatMap((c, i) =>
      i !== holder && c.type === t && c.mentions.length > 0 && headed(i) ? [i] : [],
    );
    if (kind.length === 0) return -1;
    // "Atlético Madrid have signed X from Sporting CP ... Sporting ... Sporting": the story is the first one's.
    const topic = kind.reduce((x, y) => (first(y) < first(x) ? y : x));
    const score = (i: number) => named(i) + (i === topic ? topicBonus : 0);
    const ranked = [...kind].sort((x, y) => score(y) - score(x));
    const [best, second] = ranked;
    if (second !== undefined && score(second) === score(best)) return -1;
    return kind.length > 1 && named(best) < minMentions ? -1 : best;
  };
  const owner = most(kindOf.type);
  if (owner >= 0 && title === "president") {
    const body = most("organization");
    if (body >= 0 && named(body) > named(owner)) return -1;
  }
  return owner;
}
