/**
 * News corpus: a seeded generator of short invented news articles whose people, organisations and places recur
 * across documents (a few often, most rarely), written as JSON Lines for `kg ingest`.
 */
import { writeFileSync } from "node:fs";
import { mulberry32 } from "../../src/util/random.ts";

/** Tunables of {@link generateNewsCorpus}. */
export interface NewsCorpusOptions {
  documents: number;
  /** Words per document, about (a document ends with the sentence that reaches it). */
  words: number;
  /** How many invented people, organisations and places the articles draw from. */
  people: number;
  organisations: number;
  places: number;
  seed: number;
}

export const DEFAULT_NEWS_CORPUS_OPTIONS: NewsCorpusOptions = {
  documents: 1000,
  words: 200,
  people: 400,
  organisations: 120,
  places: 80,
  seed: 11,
};

/** One article of the corpus, as a JSON Lines object for `kg ingest`. */
export interface CorpusDocument {
  id: string;
  title: string;
  text: string;
  date: string;
}

const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ra",
  "ven",
  "dor",
  "sil",
  "ta",
  "bri",
  "nu",
  "zel",
  "pe",
  "os",
  "gar",
  "li",
  "mar",
];
const ORG_KINDS = ["Holdings", "Institute", "Bank", "Group", "Party", "Foundation", "Energy", "Airlines"];
const ROLES = ["chief executive", "chair", "spokesperson", "director", "minister", "founder"];
const FILLER = [
  "The talks lasted most of the afternoon and ended without a joint statement.",
  "Officials declined to give further details about the timetable.",
  "Analysts said the move had been expected for several months.",
  "The announcement came after a week of negotiations behind closed doors.",
  "Critics argued that the plan would raise costs for smaller firms.",
  "A final decision is expected before the end of the year.",
  "Local residents gathered outside the building as the meeting went on.",
];

/** The documents of the corpus `options` describes; the same options give the same documents. */
export function generateNewsCorpus(options: Partial<NewsCorpusOptions> = {}): CorpusDocument[] {
  const opts = { ...DEFAULT_NEWS_CORPUS_OPTIONS, ...options };
  const random = mulberry32(opts.seed);
  const word = () => {
    const w = Array.from({ length: 2 + Math.floor(random() * 2) }, () => SYLLABLES[Math.floor(random() * 16)]).join("");
    return w[0].toUpperCase() + w.slice(1);
  };
  const people = unique(opts.people, () => `${word()} ${word()}`);
  const organisations = unique(opts.organisations, () => `${word()} ${ORG_KINDS[Math.floor(random() * 8)]}`);
  const places = unique(opts.places, () => word());
  // Squaring a uniform draw favours the start of each list: some names recur in many articles, most in few.
  const pick = <T>(list: T[]) => list[Math.floor(random() * random() * list.length)];
  const one = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const sentence = (): string => {
    const [p, q, o, o2, t] = [pick(people), pick(people), pick(organisations), pick(organisations), pick(places)];
    const surname = p.split(" ")[1];
    switch (Math.floor(random() * 6)) {
      case 0:
        return `${p} met ${q} in ${t} on ${one(["Monday", "Tuesday", "Friday"])}.`;
      case 1:
        return `${p}, the ${one(ROLES)} of ${o}, said the company would expand in ${t}. ${surname} gave no figures.`;
      case 2:
        return `${o} signed an agreement with ${o2} in ${t}.`;
      case 3:
        return `${p} criticised ${q} over the budget, and ${surname} called for a vote in ${t}.`;
      case 4:
        return `${o} is based in ${t}, where ${p} works as its ${one(ROLES)}.`;
      default:
        return one(FILLER);
    }
  };
  return Array.from({ length: opts.documents }, (_, i) => {
    const lines: string[] = [];
    let words = 0;
    while (words < opts.words) {
      const s = sentence();
      lines.push(s);
      words += s.split(" ").length;
    }
    const day = `2024-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    const title = `Report ${i + 1}: ${lines[0].split(" ").slice(0, 6).join(" ")}`;
    return { id: `bench-${i + 1}`, title, text: `${title}\n\n${lines.join(" ")}\n`, date: day };
  });
}

/** Writes the corpus to `file` as JSON Lines. */
export function writeNewsCorpus(file: string, documents: CorpusDocument[]): void {
  writeFileSync(file, documents.map((d) => JSON.stringify(d)).join("\n") + "\n");
}

function unique(count: number, make: () => string): string[] {
  const names = new Set<string>();
  while (names.size < count) names.add(make());
  return [...names];
}
