/**
 * Security fixtures: small graphs built inline — a quiet one, one whose path search space explodes, and one whose
 * every text is an HTML or script payload — and an app serving a graph on a throw-away web root.
 */
import { MultiDirectedGraph } from "graphology";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { EntityAttributes, EntityType, KnowledgeGraph, RelationAttributes } from "../../src/model/types.ts";
import { createApp } from "../../src/server/app.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { entityAttributes, relationAttributes } from "../helpers/attributes.ts";

/** Payloads that would run if any of them reached the DOM as HTML; each sets a flag or opens a dialog. */
export const PAYLOADS = {
  img: "<img src=x onerror=\"window.__xss='img';alert('img')\">",
  script: "<script>window.__xss='script';alert('script')</script>",
  link: "<a href=\"javascript:window.__xss='link';alert('link')\">click me</a>",
  svg: "<svg onload=\"window.__xss='svg';alert('svg')\"></svg>",
  iframe: "<iframe src=\"javascript:window.__xss='iframe'\"></iframe>",
  js: "javascript:alert('bare')",
} as const;

function entity(label: string, type: EntityType, extra: Partial<EntityAttributes> = {}): EntityAttributes {
  return entityAttributes(label, type, { size: 5, color: "#4e79a7", ...extra });
}

function relation(predicate: string, extra: Partial<RelationAttributes> = {}): RelationAttributes {
  return relationAttributes(predicate, {
    evidence: [{ doc: "doc", quote: "q", start: 0, end: 1 }],
    confidence: 0.9,
    ...extra,
  });
}

/** Two people and one relation between them. */
export function tinyGraph(): KnowledgeGraph {
  const graph = new MultiDirectedGraph() as KnowledgeGraph;
  graph.addNode("alice", entity("Alice", "person"));
  graph.addNode("bob", entity("Bob", "person"));
  graph.addEdgeWithKey("alice-supports-bob", "alice", "bob", relation("supports"));
  return graph;
}

/**
 * `s – h – t` plus a clique of `cliqueSize` nodes all tied to the hub `h`. Every clique node looks two hops from `t`,
 * but only through `h`, which a path from `s` has already used: an exhaustive simple-path search from `s` to `t`
 * walks about cliqueSize^6 dead ends to find the single real path, so only a time budget can stop it.
 */
export function explodingGraph(cliqueSize = 30): KnowledgeGraph {
  const graph = new MultiDirectedGraph() as KnowledgeGraph;
  for (const id of ["s", "h", "t"]) graph.addNode(id, entity(id, "person"));
  graph.addEdgeWithKey("s-h", "s", "h", relation("negotiates_with"));
  graph.addEdgeWithKey("h-t", "h", "t", relation("negotiates_with"));
  for (let i = 0; i < cliqueSize; i++) {
    graph.addNode(`k${i}`, entity(`k${i}`, "person"));
    graph.addEdgeWithKey(`h-k${i}`, "h", `k${i}`, relation("negotiates_with"));
    for (let j = 0; j < i; j++) graph.addEdgeWithKey(`k${j}-k${i}`, `k${j}`, `k${i}`, relation("negotiates_with"));
  }
  return graph;
}

/** A star: one hub tied to `leaves` people (an ego-graph query on the hub must stop at its limit). */
export function starGraph(leaves: number): KnowledgeGraph {
  const graph = new MultiDirectedGraph() as KnowledgeGraph;
  graph.addNode("hub", entity("Hub", "organization"));
  for (let i = 0; i < leaves; i++) {
    graph.addNode(`p${i}`, entity(`Person ${i}`, "person"));
    graph.addEdgeWithKey(`hub-p${i}`, "hub", `p${i}`, relation("supports"));
  }
  return graph;
}

/** A web root holding a minimal page, so the static-file middleware (and its headers) are exercised. */
export function tinyWebRoot(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kg-sec-web-"));
  writeFileSync(
    path.join(dir, "index.html"),
    '<!doctype html><html><head><script type="module" src="/app.js"></script></head><body></body></html>',
  );
  writeFileSync(path.join(dir, "app.js"), "export {};\n");
  return dir;
}

/** The app over `graph`, read-only, without documents, with `webRoot` as its page. */
export function appFor(graph: KnowledgeGraph, webRoot = "/nonexistent") {
  return createApp({ served: new ServedGraph(graph), dataRoot: null, readOnly: true }, { requestLogs: false, webRoot });
}

/** Texts that break naive XML and CSV writers: markup, quotes, entities, CDATA ends, separators, line breaks. */
export const HOSTILE_TEXTS = [
  ...Object.values(PAYLOADS),
  `quote " apostrophe ' ampersand & lt < gt > entity &amp; &#60; ]]> --> <!-- <![CDATA[x]]>`,
  'comma, "quoted", semicolon; tab\tnewline\nreturn\r\nend',
  '=HYPERLINK("http://example.org","x") +1 -1 @SUM(A1)',
  "  leading and trailing spaces  ",
  "é 日本語 😀 \u202eevil",
];

/** One person per hostile text (as label, alias and description) and relations quoting the same texts. */
export function hostileGraph(): KnowledgeGraph {
  const graph = new MultiDirectedGraph() as KnowledgeGraph;
  graph.addNode("target", entity("Plainland", "country"));
  HOSTILE_TEXTS.forEach((text, i) => {
    graph.addNode(`p${i}`, entity(text, "person", { aliases: [text, `alias ${text}`], description: text }));
    graph.addEdgeWithKey(
      `r${i}`,
      `p${i}`,
      "target",
      relation("supports", { label: text, evidence: [{ doc: "doc", quote: text, start: 0, end: text.length }] }),
    );
  });
  return graph;
}
