/**
 * File names of the page's own downloads (the PNG): they say what the file holds — which graph and which view. The
 * server names its exports itself (query/exportName.ts), and a browser takes its name over the link's.
 */

/** Longest slug kept of one name, so that a file name stays readable. */
const MAX_SLUG = 60;

/** `text` as a file-name part: lower-case ASCII letters and digits joined by dashes ("graph" when nothing is left). */
export function slug(text: string): string {
  const plain = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, "");
  return plain || "graph";
}

/** The PNG file name: `<graph>-<what the view shows>.png`, or `<graph>-view.png` when it shows nothing in particular. */
export function pngFileName(graphName: string, shows: string | null): string {
  return `${slug(graphName)}-${shows ? slug(shows) : "view"}.png`;
}
