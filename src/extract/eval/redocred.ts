/**
 * Re-DocRED: the public document-level relation benchmark — its documents as text, the fixed train/eval split, and
 * the reference scorer's rule for which extracted entity stands for which gold entity.
 */
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import type { TextSpan } from "../types.ts";

const MentionSchema = z.object({
  name: z.string(),
  sent_id: z.number().int().nonnegative(),
  pos: z.tuple([z.number().int().nonnegative(), z.number().int().positive()]),
  type: z.string(),
});

const DocumentSchema = z.object({
  title: z.string(),
  sents: z.array(z.array(z.string())),
  vertexSet: z.array(z.array(MentionSchema).min(1)),
  labels: z.array(z.object({ h: z.number().int(), t: z.number().int(), r: z.string() })).default([]),
});

/** One Re-DocRED document as the data set writes it. */
export type RedocredDocument = z.infer<typeof DocumentSchema>;

/** Which part of the data set a document belongs to. */
export type RedocredSplit = "train" | "eval";

/** A document as plain text with its gold entities as character spans. */
export interface PreparedDocument {
  /** Position in the data file: the split is a function of it. */
  index: number;
  title: string;
  text: string;
  /** Per gold entity: its mentions' `[start, end)` spans. */
  goldSpans: [number, number][][];
  /** Per gold entity: PER, ORG, LOC, TIME, NUM or MISC. */
  goldTypes: string[];
  labels: RedocredDocument["labels"];
}

/** Every fifth document (index 4, 9, ...) is held back for evaluation; the other four fifths are for learning. */
export function splitOf(index: number): RedocredSplit {
  return index % 5 === 4 ? "eval" : "train";
}

/** Reads and checks a Re-DocRED JSON file; the error names the document that does not fit the format. */
export function readRedocred(file: string): RedocredDocument[] {
  if (!existsSync(file))
    throw new Error(
      `redocred: ${file} does not exist; it comes with the shared/ folder beside the checkout, or give --data FILE`,
    );
  const raw: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (!Array.isArray(raw)) throw new Error(`redocred: ${file} is not a JSON array of documents`);
  return raw.map((d, i) => {
    const parsed = DocumentSchema.safeParse(d);
    if (!parsed.success)
      throw new Error(`redocred: document ${i} of ${file} does not fit the format: ${parsed.error.issues[0].message}`);
    return parsed.data;
  });
}

// The reference scorer's joining rules (shared/redocred/score.mjs), kept identical so spans agree with its gold.
const NO_SPACE_BEFORE = new Set([",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'", "'re", "'ve", "'ll", "'d", "'m"]); // prettier-ignore
const NO_SPACE_AFTER = new Set(["(", "[", "{", "$", "US$"]);

/** Joins token lists into text exactly as the reference scorer does, keeping each token's span. */
export function detokenize(sents: string[][]): { text: string; spans: [number, number][][] } {
  let text = "";
  let prev = "";
  let quoteOpen = false;
  const spans = sents.map((s) =>
    s.map((tok): [number, number] => {
      let space =
        text.length > 0 && !NO_SPACE_BEFORE.has(tok) && tok !== "-" && prev !== "-" && !NO_SPACE_AFTER.has(prev);
      if (tok === '"') {
        if (quoteOpen) space = false;
        quoteOpen = !quoteOpen;
      } else if (prev === '"' && quoteOpen) space = false;
      if (space) text += " ";
      const span: [number, number] = [text.length, text.length + tok.length];
      text += tok;
      prev = tok;
      return span;
    }),
  );
  return { text, spans };
}

/** The document's text with its gold entities as character spans. */
export function prepareDocument(doc: RedocredDocument, index: number): PreparedDocument {
  const { text, spans } = detokenize(doc.sents);
  return {
    index,
    title: doc.title,
    text,
    goldSpans: doc.vertexSet.map((ms) =>
      ms.map((m): [number, number] => [spans[m.sent_id][m.pos[0]][0], spans[m.sent_id][m.pos[1] - 1][1]]),
    ),
    goldTypes: doc.vertexSet.map((ms) => ms[0].type),
    labels: doc.labels,
  };
}

/**
 * The gold entity an extracted entity stands for: the one whose mention its mentions overlap most, with an overlap
 * of at least half the longer span (the reference scorer's rule); -1 when none.
 */
export function goldEntityOf(mentions: TextSpan[], goldSpans: [number, number][][]): number {
  let best = -1;
  let bestOverlap = 0;
  for (const m of mentions)
    for (let g = 0; g < goldSpans.length; g++)
      for (const [a, b] of goldSpans[g]) {
        const overlap = Math.min(b, m.end) - Math.max(a, m.start);
        if (overlap > 0 && overlap / Math.max(b - a, m.end - m.start) >= 0.5 && overlap > bestOverlap) {
          best = g;
          bestOverlap = overlap;
        }
      }
  return best;
}
