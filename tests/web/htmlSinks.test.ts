/**
 * The page's sources never hand a string to an HTML parser: every text from the data goes through textContent.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const WEB_ROOT = path.resolve("web");
const HTML_SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser)\b/;
const INLINE_HANDLERS = /\son[a-z]+\s*=|\sstyle\s*=|<script>(?!\s*<\/script>)/i;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "dist" ? [] : sources(full);
    return /\.(ts|html)$/.test(entry.name) ? [full] : [];
  });
}

describe("web sources", () => {
  const files = sources(WEB_ROOT);

  it("are found", () => {
    expect(files.map((f) => path.relative(WEB_ROOT, f))).toEqual(expect.arrayContaining(["main.ts", "index.html"]));
  });

  it("never use an HTML-parsing DOM API", () => {
    const offenders = files.filter((file) => HTML_SINKS.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("keep index.html free of inline scripts, event handlers and style attributes (the CSP forbids them)", () => {
    const html = readFileSync(path.join(WEB_ROOT, "index.html"), "utf8");
    expect(html).not.toMatch(INLINE_HANDLERS);
  });
});
