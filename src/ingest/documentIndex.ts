/**
 * Document index: content hashes of the stored documents (to refuse duplicates and near-duplicates) and the next
 * document id.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { DataFiles } from "../store/dataFiles.ts";

/** sha256 of a document's stored text, as hex. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

// Typographic characters a copy of the same article may carry instead of the plain ones, and their plain form.
const TYPOGRAPHIC: [RegExp, string][] = [
  [/[\u2018\u2019\u201a\u201b\u2032\u00b4\u0060]/g, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, "-"],
];
// Characters that render as nothing; a copy-paste may add or drop them.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * A document's text reduced to what a reader sees: Unicode-compatibility form (NFKC), plain quotes and dashes for
 * typographic ones, no invisible characters, and every run of whitespace (line endings included) as one space.
 * Two texts that agree here are the same article.
 */
export function normalisedText(text: string): string {
  let plain = text.normalize("NFKC").replace(INVISIBLE, "");
  for (const [pattern, replacement] of TYPOGRAPHIC) plain = plain.replace(pattern, replacement);
  return plain.replace(/\s+/g, " ").trim();
}

/** sha256 of {@link normalisedText}, as hex: equal for copies differing only in whitespace, quotes or dashes. */
export function normalisedHash(text: string): string {
  return contentHash(normalisedText(text));
}

/** `<seq>_<first 16 hex digits of the content hash>`, e.g. `001_3f2a…`; `seq` keeps documents in ingest order. */
export function documentId(seq: number, hash: string): string {
  return `${String(seq).padStart(3, "0")}_${hash.slice(0, 16)}`;
}

/**
 * Hashes of every stored document, re-reading only files that changed since the last call (a server ingests many
 * documents; hashing all of them each time would grow with the corpus).
 */
export class DocumentIndex {
  readonly #dataFiles: DataFiles;
  #cache = new Map<string, IndexEntry>();

  constructor(dataFiles: DataFiles) {
    this.#dataFiles = dataFiles;
  }

  /** Current hash → document id and normalised hash → document id maps, and the next free sequence number. */
  scan(): { byHash: Map<string, string>; byNormalised: Map<string, string>; nextSeq: number } {
    const byHash = new Map<string, string>();
    const byNormalised = new Map<string, string>();
    const next = new Map<string, IndexEntry>();
    let maxSeq = -1;
    for (const name of safeReaddir(this.#dataFiles.documentsDir)) {
      if (!name.endsWith(".txt")) continue;
      const id = name.slice(0, -".txt".length);
      const seq = Number.parseInt(id, 10);
      if (Number.isFinite(seq)) maxSeq = Math.max(maxSeq, seq);
      const file = path.join(this.#dataFiles.documentsDir, name);
      const { mtimeMs, size } = statSync(file);
      const cached = this.#cache.get(name);
      const entry =
        cached && cached.mtimeMs === mtimeMs && cached.size === size ? cached : indexEntry(file, mtimeMs, size);
      next.set(name, entry);
      byHash.set(entry.hash, id);
      // The first stored copy keeps the name: it is the one a duplicate is reported against.
      if (!byNormalised.has(entry.normalised)) byNormalised.set(entry.normalised, id);
    }
    this.#cache = next;
    return { byHash, byNormalised, nextSeq: maxSeq + 1 };
  }
}

interface IndexEntry {
  mtimeMs: number;
  size: number;
  hash: string;
  normalised: string;
}

function indexEntry(file: string, mtimeMs: number, size: number): IndexEntry {
  const text = readFileSync(file, "utf8");
  return { mtimeMs, size, hash: contentHash(text), normalised: normalisedHash(text) };
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
