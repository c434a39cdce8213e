/**
 * Time qualifiers: the time a sentence gives for what it states — "since 2010", "in March 2014", "from 2010 to 2014",
 * "on 2022-03-15", "in 2014" — kept verbatim as a relation's `time` qualifier.
 *
 * A few patterns rather than a date parser (chrono, compromise's dates): a qualifier is the text as written, not a
 * normalised date, and only these explicit forms are asked for; relative times ("last week") are left alone because
 * they need the document's date to mean anything.
 */
import type { Sentence } from "./nlp/types.ts";
import type { ExtractedRelation } from "./types.ts";

const MONTH =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|" +
  "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
const YEAR = "(?:1[89]\\d{2}|20\\d{2})";
const PREPOSITION = "(?:[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Ii]n|[Oo]n|[Dd]uring|[Bb]efore|[Aa]fter|[Aa]s of)";

/**
 * Alternatives from the most to the least specific, so at one position the fullest reading wins: a year range, an
 * ISO day, a day or month with its year, a year.
 */
const TIME = new RegExp(
  `(?<![\\w-])(?:(?<range>(?:[Ff]rom|[Bb]etween)\\s+${YEAR}\\s+(?:to|and|until)\\s+${YEAR})|` +
    `(?:(?<prep>${PREPOSITION})\\s+)?(?:(?<iso>\\d{4}-\\d{2}-\\d{2})|` +
    `(?<dated>(?:\\d{1,2}\\s+${MONTH}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?|${MONTH})\\s+${YEAR})|(?<year>${YEAR})))` +
    `(?![\\w-]*\\d)(?!-\\d)`,
  "g",
);

/** Whether `YYYY-MM-DD` has a month 1–12 and a day 1–31 (a loose check: the text is kept as written anyway). */
function plausibleDay(iso: string): boolean {
  const [month, day] = [Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/**
 * The first time qualifier written in `text`, verbatim ("since 2010", "in March 2014", "2022-03-15"); null when there
 * is none. A year on its own counts after a preposition ("in 2014") or when no lower-case word follows it: "2000
 * soldiers" is a count, not a year.
 */
export function findTimeQualifier(text: string): string | null {
  for (const match of text.matchAll(TIME)) {
    const { range, prep, iso, year } = match.groups ?? {};
    if (range) return range;
    if (iso && !plausibleDay(iso)) continue;
    if (year && !prep && /^\s+[a-z]/.test(text.slice(match.index + match[0].length))) continue;
    return match[0];
  }
  return null;
}

/**
 * Gives each relation the time qualifier of its evidence (the quote first, else the rest of the sentence the quote
 * starts in) unless it has one. Co-occurrences are left alone: the text states no relation for a time to qualify.
 */
export function addTimeQualifiers(text: string, sentences: Sentence[], relations: ExtractedRelation[]): void {
  for (const relation of relations) {
    if (relation.kind === "cooccurrence" || relation.qualifiers?.time) continue;
    const { quote, start } = relation.evidence;
    const sentence = sentenceAt(sentences, start);
    const time =
      findTimeQualifier(quote) ?? (sentence ? findTimeQualifier(text.slice(sentence.start, sentence.end)) : null);
    if (time) relation.qualifiers = { ...relation.qualifiers, time };
  }
}

/** The sentence holding offset `at` (sentences are in text order, so a binary search: long texts have thousands). */
function sentenceAt(sentences: Sentence[], at: number): Sentence | null {
  let [lo, hi] = [0, sentences.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= at) lo = mid + 1;
    else if (sentences[mid].start > at) hi = mid - 1;
    else return sentences[mid];
  }
  return null;
}
