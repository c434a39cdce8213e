/**
 * Claims: a relation read as the text states it, so a proposal never reads as a fact. Every place that names a
 * relation (path list, panels, hover, review queue) words it here: modality in the phrase, stance and review state as
 * tags beside it.
 */
import { el } from "./dom.ts";
import { describeRelation } from "./relationKind.ts";

/** What the page knows about a relation's commitment; every field is optional (foreign graphs may not say). */
export interface ClaimAttributes {
  label: string;
  kind?: string;
  modality?: string;
  stance?: string;
  status?: string;
}

/** What a co-occurrence link is called: two names in one sentence, not a relation the text states. */
export const COOCCURRENCE_PHRASE = "is mentioned with (co-occurrence, not a stated relation)";

/** The review state of a relation extracted from a document and not yet accepted. */
export const CANDIDATE_STATUS = "candidate";

/** What the candidate tag says when pointed at. */
export const CANDIDATE_NOTE = "candidate: extracted from a document, not yet reviewed";

/** True when the relation still awaits review. */
export function isCandidate(attributes: { status?: string }): boolean {
  return attributes.status === CANDIDATE_STATUS;
}

/** The relation's stance when it takes one (anything but neutral). */
function takenStance(attributes: { stance?: string }): string | undefined {
  return attributes.stance && attributes.stance !== "neutral" ? attributes.stance : undefined;
}

/** "is a security guarantor for" → "proposed as a security guarantor for"; other verbs say "proposed:" first. */
function proposed(label: string): string {
  if (/^is (a|an|the) /.test(label)) return label.replace(/^is /, "proposed as ");
  if (/^is /.test(label)) return label.replace(/^is /, "proposed to be ");
  return `proposed: ${label}`;
}

/**
 * The relation's wording with its modality: "proposed as a security guarantor for", "reportedly negotiates for",
 * "hypothetically includes"; an asserted relation keeps the predicate's own words; a co-occurrence says it is one.
 */
export function claimPhrase(attributes: ClaimAttributes): string {
  if (attributes.kind === "cooccurrence") return COOCCURRENCE_PHRASE;
  const label = describeRelation(attributes);
  switch (attributes.modality) {
    case "proposed":
      return proposed(label);
    case "reported":
      return `reportedly ${label}`;
    case "hypothetical":
      return `hypothetically ${label}`;
    default:
      return label;
  }
}

/** A tag: its text, its class and what it says when pointed at. */
export interface ClaimTag {
  text: string;
  className: string;
  title: string;
}

/** The tags of a relation: its modality, its stance (unless neutral), co-occurrence and candidate. */
export function claimTags(attributes: ClaimAttributes): ClaimTag[] {
  const tags: ClaimTag[] = [];
  if (attributes.kind === "cooccurrence") {
    tags.push({ text: "co-occurrence", className: "tag-cooccurrence", title: "named in one sentence, nothing more" });
  } else if (attributes.modality) {
    tags.push({ text: attributes.modality, className: `tag-${attributes.modality}`, title: "how the text commits" });
  }
  const stance = takenStance(attributes);
  if (stance) tags.push({ text: stance, className: `tag-${stance}`, title: "the subject's stance" });
  if (isCandidate(attributes)) tags.push({ text: "candidate", className: "tag-candidate", title: CANDIDATE_NOTE });
  return tags;
}

/** The tags as a `span.tags` element (text only). */
export function claimTagsElement(attributes: ClaimAttributes, extra: string[] = []): HTMLSpanElement {
  return el(
    "span",
    { class: "tags" },
    ...claimTags(attributes).map((tag) => el("span", { class: `tag ${tag.className}`, title: tag.title }, tag.text)),
    ...extra.map((text) => el("span", { class: "tag" }, text)),
  );
}

/** One line for a tooltip: "proposed as a security guarantor for · supports · candidate: …". */
export function claimTitle(attributes: ClaimAttributes): string {
  const stance = takenStance(attributes);
  const stanceNote = stance ? [`stance: ${stance}`] : [];
  const candidate = isCandidate(attributes) ? [CANDIDATE_NOTE] : [];
  return [claimPhrase(attributes), ...stanceNote, ...candidate].join(" · ");
}
