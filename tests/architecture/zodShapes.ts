/**
 * zod shape checker: finds the object schemas a source tree writes itself, and lists the fields a schema names, so a
 * schema derived from another can be compared with it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { sourceFiles } from "./imports.ts";

/** zod's constructors of an object shape. */
const OBJECT_CONSTRUCTORS = ["object", "looseObject", "strictObject"];

/** `import … from "zod"` (or a zod subpath); type-only imports build nothing and are left out. */
const ZOD_IMPORT = /\bimport\s+(?!type\b)(?:\*\s*as\s+(\w+)|(\w+)|\{([^}]*)\})\s*from\s*["']zod(?:\/[\w/-]+)?["']/g;

/** The text with its comments blanked out (line breaks kept, so offsets still give the right line). */
function withoutComments(text: string): string {
  const blank = (comment: string) => comment.replace(/[^\n]/g, " ");
  return text.replace(/\/\*[\s\S]*?\*\//g, blank).replace(/(^|[^:\\])(\/\/.*)/gm, (_m, before, c) => before + blank(c));
}

/** The local names under which a file calls zod's namespace (`z`) and its object constructors directly. */
function zodBindings(text: string): { namespaces: string[]; constructors: string[] } {
  const namespaces: string[] = [];
  const constructors: string[] = [];
  for (const [, star, name, braces] of text.matchAll(ZOD_IMPORT)) {
    if (star ?? name) namespaces.push((star ?? name)!);
    for (const specifier of braces?.split(",") ?? []) {
      const [imported, local = imported] = specifier
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/);
      if (!imported || specifier.trim().startsWith("type ")) continue;
      if (imported === "z") namespaces.push(local!);
      else if (OBJECT_CONSTRUCTORS.includes(imported)) constructors.push(local!);
    }
  }
  return { namespaces, constructors };
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

/** "file:line builds a zod object (z.object)" for every object schema written in the .ts files under root. */
export function ownObjectSchemas(root: string): string[] {
  const problems: string[] = [];
  for (const file of sourceFiles(root)) {
    const text = withoutComments(readFileSync(file, "utf8"));
    const { namespaces, constructors } = zodBindings(text);
    const calls = [
      ...namespaces.map((ns) => `\\b${ns}\\s*\\.\\s*(?:${OBJECT_CONSTRUCTORS.join("|")})`),
      ...constructors.map((local) => `\\b${local}`),
    ];
    if (calls.length === 0) continue;
    const from = path.relative(root, file).split(path.sep).join("/");
    for (const match of text.matchAll(new RegExp(`(?<![.\\w])(?:${calls.join("|")})\\s*\\(`, "g"))) {
      const call = match[0].replace(/\s+/g, "").slice(0, -1);
      problems.push(`${from}:${lineOf(text, match.index)} builds a zod object (${call})`);
    }
  }
  return problems;
}

/** Wrappers that change how a field is read (optional, forgiving, defaulted), not what it holds. */
const WRAPPERS = new Set(["optional", "nullable", "catch", "default", "prefault", "readonly", "nonoptional"]);

/**
 * Every field `schema` names, as dotted paths ("attributes", "attributes.evidence[].quote"), with the wrappers that
 * change only how a field is read unwrapped; what a leaf holds (a string, a custom check) is not part of the path.
 */
export function fieldPaths(schema: z.ZodType, prefix = ""): string[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  if (WRAPPERS.has(def.type)) return fieldPaths(def.innerType as z.ZodType, prefix);
  if (def.type === "array") return fieldPaths(def.element as z.ZodType, `${prefix}[]`);
  if (def.type !== "object") return [];
  return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, field]) => {
    const at = prefix ? `${prefix}.${key}` : key;
    return [at, ...fieldPaths(field, at)];
  });
}
