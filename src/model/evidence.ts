/**
 * Evidence checks: whether a quote stands verbatim at its offsets in its document — one rule for curated relations
 * (build) and extracted ones (ingest).
 */

/** Returns why a quote is not verbatim at its offsets, or null when it is. */
export function checkEvidence(
  dataset: { documents: ReadonlyMap<string, { text: string }> },
  evidence: { doc: string; quote: string; start: number; end: number },
): string | null {
  const doc = dataset.documents.get(evidence.doc);
  if (!doc)
    return `document "${evidence.doc}" does not exist; add graph-data/documents/${evidence.doc}.txt or fix the id`;
  if (evidence.end <= evidence.start) return `end (${evidence.end}) must be greater than start (${evidence.start})`;
  const actual = doc.text.slice(evidence.start, evidence.end);
  if (actual === evidence.quote) return null;
  const found = doc.text.indexOf(evidence.quote);
  if (found < 0)
    return `quote not found in "${evidence.doc}"; copy it verbatim from the document (typographic quotes and apostrophes included)`;
  return `quote is not at [${evidence.start}, ${evidence.end}) (found "${truncate(actual)}" there); it occurs at start: ${found}, end: ${found + evidence.quote.length}`;
}

function truncate(text: string): string {
  return text.length > 40 ? text.slice(0, 37) + "..." : text;
}
