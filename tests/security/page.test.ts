/**
 * The page under its CSP: neither the source page nor the built one needs inline script, inline event handlers,
 * inline styles or javascript: URLs — everything the CSP (script-src 'self', no 'unsafe-inline') would block.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SOURCE_PAGE = path.resolve("web/index.html");
const BUILT_PAGE = path.resolve("web/dist/index.html");

/** One start tag: its name, its attributes and, for <script>/<style>, the text up to the closing tag. */
interface Tag {
  name: string;
  attributes: Map<string, string>;
  content: string;
}

const TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

/**
 * The start tags of an HTML file. A lexer is enough here: the page is ours and plain (no templates, no CDATA), and
 * the browser test checks the same property in Chromium by listening for CSP violations.
 */
function startTags(html: string): Tag[] {
  const text = html.replace(/<!--[\s\S]*?-->/g, "");
  const tags: Tag[] = [];
  for (const match of text.matchAll(TAG)) {
    const attributes = new Map<string, string>();
    for (const a of match[2].matchAll(ATTRIBUTE))
      attributes.set(a[1].toLowerCase(), (a[2] ?? "").replace(/^["']|["']$/g, ""));
    const name = match[1].toLowerCase();
    let content = "";
    if (name === "script" || name === "style") {
      const end = text.indexOf(`</${name}`, match.index + match[0].length);
      content = end < 0 ? "" : text.slice(match.index + match[0].length, end);
    }
    tags.push({ name, attributes, content });
  }
  return tags;
}

/** Everything in `html` that a strict CSP would refuse to run or apply. */
function cspProblems(html: string): string[] {
  const problems: string[] = [];
  for (const tag of startTags(html)) {
    if (tag.name === "script" && !tag.attributes.has("src")) problems.push("an inline <script>");
    if (tag.name === "script" && tag.content.trim()) problems.push("a <script> with a body");
    if (tag.name === "style") problems.push("an inline <style>");
    for (const [name, value] of tag.attributes) {
      if (name.startsWith("on")) problems.push(`an inline handler ${name} on <${tag.name}>`);
      if (name === "style") problems.push(`an inline style on <${tag.name}>`);
      if (/^\s*javascript:/i.test(value)) problems.push(`a javascript: URL in ${name} of <${tag.name}>`);
      if (name === "src" && /^(https?:)?\/\//i.test(value))
        problems.push(`a script or asset from another host: ${value}`);
    }
  }
  return problems;
}

describe("the page needs no inline script", () => {
  describe("the lexer the checks rely on", () => {
    it("finds an inline script, a handler, an inline style and a javascript: link in a bad page", () => {
      const bad =
        '<script>alert(1)</script><img src=x onerror="alert(1)"><p style="color:red"></p><a href="javascript:x()">x</a>';
      expect(cspProblems(bad)).toEqual([
        "an inline <script>",
        "a <script> with a body",
        "an inline handler onerror on <img>",
        "an inline style on <p>",
        "a javascript: URL in href of <a>",
      ]);
    });
  });

  it("the source page web/index.html loads its script from a file and has nothing inline", () => {
    const tags = startTags(readFileSync(SOURCE_PAGE, "utf8"));
    expect(tags.filter((t) => t.name === "script").map((t) => t.attributes.has("src"))).toEqual([true]);
    expect(cspProblems(readFileSync(SOURCE_PAGE, "utf8"))).toEqual([]);
  });

  const built = existsSync(BUILT_PAGE);
  if (!built)
    console.warn(`tests/security/page: built page skipped — ${BUILT_PAGE} is missing; run "npm run build" first`);
  it.skipIf(!built)(
    "the built page web/dist/index.html loads only its own bundled files and has nothing inline",
    () => {
      const html = readFileSync(BUILT_PAGE, "utf8");
      const scripts = startTags(html).filter((t) => t.name === "script");
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) expect(s.attributes.get("src")).toMatch(/^\/?(assets\/)?[\w.-]+\.js$/);
      expect(cspProblems(html)).toEqual([]);
    },
  );
});
