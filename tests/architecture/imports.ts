/**
 * Import graph checker: reads the relative imports of a source tree and reports upward imports and file cycles.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** One relative import: the importing file, its 1-based line and the file it names (all relative to the root). */
export interface ImportEdge {
  from: string;
  line: number;
  to: string;
}

/** Layers bottom to top; each entry lists folder prefixes (relative to the root) that share a rank. */
export type LayerTable = readonly (readonly string[])[];

const IMPORT_PATTERN =
  /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']|\bimport\(\s*(?:new URL\(\s*)?["']([^"']+)["']/g;

/** The .ts files under dir (declaration files and build output left out). */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "dist" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Every relative import (static, re-export, side-effect or dynamic) of the .ts files under root. */
export function readImports(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, "utf8");
    const from = path.relative(root, file).split(path.sep).join("/");
    for (const match of text.matchAll(IMPORT_PATTERN)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (!specifier?.startsWith(".")) continue;
      const offset = match.index + match[0].search(/\S/);
      const to = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
      edges.push({ from, line: lineOf(text, offset), to });
    }
  }
  return edges;
}

/** The rank of a file in the layer table (longest matching prefix wins), or null when no layer names it. */
export function layerOf(file: string, layers: LayerTable): number | null {
  let best: { rank: number; length: number } | null = null;
  layers.forEach((prefixes, rank) => {
    for (const prefix of prefixes) {
      const matches = file === prefix || file.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`);
      if (matches && (!best || prefix.length > best.length)) best = { rank, length: prefix.length };
    }
  });
  return best === null ? null : (best as { rank: number }).rank;
}

/** "file:line imports target" for every import that reaches a higher layer or a file no layer names. */
export function upwardImports(edges: readonly ImportEdge[], layers: LayerTable): string[] {
  const problems: string[] = [];
  for (const edge of edges) {
    const from = layerOf(edge.from, layers);
    const to = layerOf(edge.to, layers);
    if (from === null) problems.push(`${edge.from}:${edge.line} is in no layer`);
    else if (to === null) problems.push(`${edge.from}:${edge.line} imports ${edge.to}, which is in no layer`);
    else if (to > from) problems.push(`${edge.from}:${edge.line} imports ${edge.to} from a higher layer`);
  }
  return [...new Set(problems)];
}

/** Every cycle between files, each as "a:line → b:line → … → a", found as strongly connected components. */
export function importCycles(edges: readonly ImportEdge[]): string[] {
  const next = new Map<string, ImportEdge[]>();
  for (const edge of edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const { to } of next.get(file) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, index.get(to)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    const selfLoop = (next.get(file) ?? []).some((edge) => edge.to === file);
    if (component.length > 1 || selfLoop) cycles.push(describeCycle(component, next));
  };
  for (const file of next.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

/** The shortest loop through the component's first file (by name), written as "a:line → b:line → … → a". */
function describeCycle(component: string[], next: Map<string, ImportEdge[]>): string {
  const members = new Set(component);
  const start = [...members].sort()[0]!;
  const via = new Map<string, ImportEdge>();
  const queue = [start];
  for (let i = 0; i < queue.length && !via.has(start); i++) {
    for (const edge of next.get(queue[i]!) ?? []) {
      if (!members.has(edge.to) || via.has(edge.to)) continue;
      via.set(edge.to, edge);
      queue.push(edge.to);
    }
  }
  const steps: string[] = [];
  let file = start;
  do {
    const edge = via.get(file)!;
    steps.unshift(`${edge.from}:${edge.line}`);
    file = edge.from;
  } while (file !== start);
  return `${steps.join(" → ")} → ${start} (${members.size} files in the cycle's component)`;
}

/** What importing a module loads: the files (relative to the root) and the packages (by name, `node:` left out). */
export interface LoadedModules {
  files: Set<string>;
  packages: Set<string>;
}

const LOADING_IMPORT =
  /^\s*(?:import|export)\s+(type\s+)?((?:[\w$]+\s*,\s*)?(?:\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?|[\w$]+))\s+from\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm;

/** True for `{ type A, type B }`, which TypeScript erases like `import type`. */
function onlyTypes(clause: string): boolean {
  const names = /^\{([^}]*)\}$/
    .exec(clause.trim())?.[1]
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  return names !== undefined && names.length > 0 && names.every((name) => name.startsWith("type "));
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`, `name/sub` → `name`). */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/**
 * Everything importing `entry` (relative to root) loads before any of its code runs: the files and packages reached
 * through static imports and re-exports, leaving out type-only imports (erased) and `import()` (loaded when called).
 */
export function loadedByImporting(root: string, entry: string): LoadedModules {
  const loaded: LoadedModules = { files: new Set([entry]), packages: new Set() };
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const text = readFileSync(path.join(root, file), "utf8");
    for (const [, typeOnly, clause, from, sideEffect] of text.matchAll(LOADING_IMPORT)) {
      const specifier = (from ?? sideEffect)!;
      if (typeOnly || (clause && onlyTypes(clause)) || specifier.startsWith("node:")) continue;
      if (!specifier.startsWith(".")) {
        loaded.packages.add(packageOf(specifier));
        continue;
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      if (loaded.files.has(target)) continue;
      loaded.files.add(target);
      queue.push(target);
    }
  }
  return loaded;
}
