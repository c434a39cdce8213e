/**
 * Work titles: titles of books, films, albums, songs, games and product lines, kept whole ("The Lord of the Rings",
 * not "Rings") when the text marks them as titles: quotes, a work noun before or a "(2019 film)" after.
 */
import type { Analysis, Token } from "../nlp/types.ts";
import { isCalendarWord } from "./calendar.ts";
import { isPersonWord } from "./typing.ts";
import { startsUpper } from "../nlp/letters.ts";

/** Tunables of title finding. */
export interface WorkOptions {
  /** The longest title, in tokens. */
  maxTokens: number;
  /** How many tokens may stand between "is a" and the work noun ("is a 1969 American depression-era film"). */
  maxDescriptors: number;
}

/** Default title finding. */
export const DEFAULT_WORK_OPTIONS: WorkOptions = { maxTokens: 12, maxDescriptors: 6 };

/** Nouns for creative works and product lines. */
const WORK_NOUNS = new Set([
  ...["film", "movie", "documentary", "novel", "novella", "book", "memoir", "album", "song", "single", "ep"],
  ...["game", "videogame", "series", "sitcom", "show", "programme", "program", "opera", "musical", "play", "poem"],
  ...["painting", "sculpture", "franchise", "trilogy", "saga", "comic", "manga", "anime", "soundtrack", "mixtape"],
  ...["symphony", "ballad", "hymn", "anthem", "track", "console", "smartphone", "miniseries", "telenovela"],
  // Vessels are named like works: "the tanker Seri Kenanga", "the container ship Nordic Aurora".
  ...["ship", "tanker", "vessel", "freighter", "ferry", "yacht", "liner", "trawler", "tug", "frigate", "destroyer"],
  ...["icebreaker", "cruiser", "submarine"],
]);
/** "the maker of X", "the author of X": the X of these is a work. */
const MAKERS = new Set(["maker", "makers", "creator", "creators", "author", "developer", "publisher", "composer"]);
/** Verbs that introduce a title: "a film titled X". */
const TITLING = new Set(["titled", "entitled"]);
/** Words before a quoted nickname. */
const NAMING = new Set(["nicknamed", "dubbed", "called", "as", "nickname", "named", "renamed", "styled"]);
/** Lower-case words that may stand inside a title between capitalised words. */
const GLUE = new Set([
  ...["of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "from", "with", "or", "vs.", "vs", "&", "de"],
  ...["la", "le", "del", "is", "my", "your", "it", "as", "but", "by", "into", "not", "no"],
]);
/** Punctuation that may stand inside a title ("Star Wars: A New Hope", "Rock 'n' Roll"). */
const INNER_PUNCT = new Set([":", "'", "’", "-", "!", "?", ","]);
const OPEN_QUOTES = new Set(['"', "“", "‘"]);
const CLOSE_QUOTES = new Set(['"', "”", "’"]);
/** A test on a word in lower case: does it take "of" in names ("Bank of England"), or end names of bodies and places? */
export type HeadTest = (lower: string) => boolean;

/** A work title's token range `[from, to)`. */
export interface TitleSpan {
  from: number;
  to: number;
  /** The index the mention finder continues from (after a closing quote). */
  next: number;
}

/**
 * The work title that starts at token `i` (an opening quote or the first word of the title), or null. `to` is the end
 * of the sentence; `ofHead` says which words take "of" inside organisation names, `nameHead` which words end the
 * names of organisations, places and events.
 */
export function workTitle(
  tokens: Token[],
  i: number,
  to: number,
  ofHead: HeadTest,
  nameHead: HeadTest,
  options: Partial<WorkOptions> = {},
): TitleSpan | null {
  const o = { ...DEFAULT_WORK_OPTIONS, ...options };
  const t = tokens[i];
  if (OPEN_QUOTES.has(t.text)) return quoted(tokens, i, to, o, nameHead);
  if (!isTitleWord(t) || isCalendarWord(t.lower, tokens[i + 1]?.lower)) return null;
  let end = titleEnd(tokens, i, to, o.maxTokens);
  if (end <= i) return null;
  let cued = cuedBefore(tokens, i) || cuedAfter(tokens, end, to, o.maxDescriptors, i);
  // "Silent Harbour is a 2004 Polish drama film": the Title Case run took in "is a 2004 Polish"; the title ends at the
  // verb that describes it.
  for (let k = i + 1; !cued && k < end; k++)
    if (/^(?:is|was)$/.test(tokens[k].lower) && cuedAfter(tokens, k, to, o.maxDescriptors, i)) [end, cued] = [k, true];
  // "The Lord of the Rings" inside a sentence: a capitalised "The" and inner "of the" mark a title, unless the "of"
  // follows an organisation or place word ("The Bank of England").
  const inner = tokens.slice(i + 1, end - 1).some((x) => x.lower === "of" || x.lower === "the");
  const prev = tokens[i - 1];
  // A paragraph's first "The" is capitalised for opening it, though the line break before it is in its sentence.
  const bareTitle =
    t.text === "The" && !!prev && prev.sentence === t.sentence && prev.pos !== "PUNCT" && prev.pos !== "SPACE" && inner;
  if (!cued && !bareTitle) return null;
  if (inner && ofHeaded(tokens, i, end, ofHead)) return null;
  // "the album Taylor Swift released": a person's name that a verb follows is the subject of a clause, not a title.
  const verb = tokens[end]?.pos === "VERB" || tokens[end]?.pos === "AUX";
  if (verb && isPersonWord(t.lower) && !cuedAfter(tokens, end, to, 0, i)) return null;
  return { from: i, to: end, next: end };
}

/** A quoted title: Title Case words between quotes ("Lose Control"); one word needs a work noun before it. */
function quoted(tokens: Token[], i: number, to: number, o: WorkOptions, nameHead: HeadTest): TitleSpan | null {
  let k = i + 1;
  while (k < to && k - i <= o.maxTokens && !CLOSE_QUOTES.has(tokens[k].text)) k++;
  if (k >= to || k === i + 1 || !CLOSE_QUOTES.has(tokens[k].text)) return null;
  let words = 0;
  for (let j = i + 1; j < k; j++) {
    const x = tokens[j];
    if (/^\p{Lu}|^\d/u.test(x.text)) words++;
    else if (
      !GLUE.has(x.lower) &&
      !INNER_PUNCT.has(x.text) &&
      !/^['’]/.test(x.text) &&
      x.text !== "(" &&
      x.text !== ")"
    )
      return null;
  }
  if (words === 0 || !/^\p{Lu}|^\d/u.test(tokens[i + 1].text) || GLUE.has(tokens[k - 1].lower)) return null;
  // "nicknamed "Iron Tigran"", "dubbed the "Old Whigs"": a quoted nickname is a name, not a title.
  const before = tokens[i - 1]?.lower === "the" ? tokens[i - 2] : tokens[i - 1];
  if (before && NAMING.has(before.lower)) return null;
  const cued = cuedBefore(tokens, i);
  if (k - i === 2 && !cued) return null;
  // "the "Great Belt Bridge"", "the "Old Whigs"": a quoted name of a place, body or faction is not a title.
  if (!cued && nameHead(tokens[k - 1].lower)) return null;
  // A quoted sentence in Title Case ends with its own full stop; a title does not.
  if (/[.]$/.test(tokens[k - 1].text) && tokens[k - 1].text.length === 1) return null;
  return { from: i + 1, to: k, next: k + 1 };
}

/** The end of a Title Case run from `i`: capitalised words, with glue words and inner punctuation between them. */
function titleEnd(tokens: Token[], i: number, to: number, max: number): number {
  let end = i + 1;
  let and = -1;
  for (let j = i + 1; j < to && j - i < max; j++) {
    const x = tokens[j];
    if (isTitleWord(x) || (/^\d/.test(x.text) && x.pos === "NUM")) end = j + 1;
    else if (!GLUE.has(x.lower) && !(INNER_PUNCT.has(x.text) && x.text !== ",")) break;
    else if (x.lower === "and") and = j;
  }
  // "The Balcony and James Joyce's Ulysses": a name that owns what follows is not the end of the title.
  return and > i && and < end && tokens[end]?.pos === "PART" ? and : end;
}

/** A work noun, a maker's "of" or "titled" right before the title: "the film X", "the maker of X", "titled X". */
function cuedBefore(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev || prev.sentence !== tokens[i].sentence) return false;
  if (WORK_NOUNS.has(prev.lower) && prev.pos === "NOUN") return true;
  if (TITLING.has(prev.lower)) return true;
  // "the Liberian-flagged Nordic Aurora": only vessels fly a flag.
  if (/-flagged$/.test(prev.lower)) return true;
  return prev.lower === "of" && MAKERS.has(tokens[i - 2]?.lower ?? "");
}

/**
 * A work noun after the title: "X (2019 film)", "X (album)", or, for a title that opens its sentence, "X is a 1969
 * American film".
 */
function cuedAfter(tokens: Token[], end: number, to: number, maxDescriptors: number, from: number): boolean {
  if (tokens[end]?.text === "(") {
    for (let k = end + 1; k < Math.min(to, end + 5) && tokens[k].text !== ")"; k++)
      if (WORK_NOUNS.has(tokens[k].lower) && tokens[k + 1]?.text === ")") return true;
    return false;
  }
  const opens = from === 0 || tokens[from - 1].sentence !== tokens[from].sentence;
  if (!opens || !/^(?:is|was|are|were)$/.test(tokens[end]?.lower ?? "")) return false;
  if (!/^(?:a|an|the)$/.test(tokens[end + 1]?.lower ?? "")) return false;
  for (let k = end + 2; k < Math.min(to, end + 3 + maxDescriptors); k++) {
    if (WORK_NOUNS.has(tokens[k].lower) && tokens[k].pos === "NOUN") return tokens[k + 1]?.pos !== "NOUN";
    // "is the main protagonist of the X series": the noun after "of" is not the head. A name before the noun still
    // describes the work ("is a 2004 Polish drama film", "is a Pixar film").
    if ((tokens[k].pos === "PUNCT" && tokens[k].text !== "-") || tokens[k].pos === "ADP") return false;
  }
  return false;
}

/** Whether the run `[from, to)` holds a head word and its "of" ("Federation of Ski", "Court of Arbitration"). */
export function ofHeaded(tokens: Token[], from: number, to: number, ofHead: HeadTest): boolean {
  for (let k = from + 1; k < to; k++) if (tokens[k].lower === "of" && ofHead(tokens[k - 1].lower)) return true;
  return false;
}

function isTitleWord(t: Token): boolean {
  return startsUpper(t.text) && t.pos !== "PUNCT";
}

/**
 * A document's work titles: where quotes or work nouns mark them, and again wherever the same words of a title of two
 * or more words stand unmarked ("the maker of Call of Duty ... keep Call of Duty on its platform").
 */
export class DocumentTitles {
  private readonly at = new Map<number, TitleSpan>();
  private readonly again = new Map<string, string[][]>();

  constructor(a: Analysis, ofHead: HeadTest, nameHead: HeadTest, options: Partial<WorkOptions> = {}) {
    for (const s of a.sentences)
      for (let i = s.from; i < s.to;) {
        const title = workTitle(a.tokens, i, s.to, ofHead, nameHead, options);
        if (!title) {
          i++;
          continue;
        }
        this.at.set(i, title);
        if (title.to - title.from >= 2) this.remember(a.tokens.slice(title.from, title.to).map((t) => t.lower));
        i = title.next;
      }
  }

  /** The title starting at token `i` (before `to`), marked or repeated, or null. */
  titleAt(tokens: Token[], i: number, to: number): TitleSpan | null {
    const marked = this.at.get(i);
    if (marked) return marked;
    if (!isTitleWord(tokens[i])) return null;
    for (const words of this.again.get(tokens[i].lower) ?? []) {
      if (i + words.length > to) continue;
      let k = 1;
      while (k < words.length && tokens[i + k].lower === words[k]) k++;
      if (k === words.length) return { from: i, to: i + k, next: i + k };
    }
    return null;
  }

  private remember(words: string[]): void {
    const list = this.again.get(words[0]) ?? [];
    list.push(words);
    list.sort((x, y) => y.length - x.length);
    this.again.set(words[0], list);
  }
}
