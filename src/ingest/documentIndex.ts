/**
 * Document index: content hashes of the stored documents (to refuse duplicates) and the next document id.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { DataLayout } from "../store/layout.ts";

/** sha256 of a document's stored text, as hex. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
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
  readonly #layout: DataLayout;
  #cache = new Map<string, { mtimeMs: number; size: number; hash: string }>();

  constructor(layout: DataLayout) {
    this.#layout = layout;
  }

  /** Current hash → document id map, and the next free sequence number. */
  scan(): { byHash: Map<string, string>; nextSeq: number } {
    const byHash = new Map<string, string>();
    const next = new Map<string, { mtimeMs: number; size: number; hash: string }>();
    let maxSeq = -1;
    for (const name of safeReaddir(this.#layout.documentsDir)) {
      if (!name.endsWith(".txt")) continue;
      const id = name.slice(0, -".txt".length);
      const seq = Number.parseInt(id, 10);
      if (Number.isFinite(seq)) maxSeq = Math.max(maxSeq, seq);
      const file = path.join(this.#layout.documentsDir, name);
      const { mtimeMs, size } = statSync(file);
      const cached = this.#cache.get(name);
      const hash =
        cached && cached.mtimeMs === mtimeMs && cached.size === size
          ? cached.hash
          : contentHash(readFileSync(file, "utf8"));
      next.set(name, { mtimeMs, size, hash });
      byHash.set(hash, id);
    }
    this.#cache = next;
    return { byHash, nextSeq: maxSeq + 1 };
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
