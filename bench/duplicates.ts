/**
 * Cross-document duplicates: ingests a corpus of real articles (the first Re-DocRED development documents,
 * detokenised, and the news fixtures of tests/fixtures/extract) into a copy of graph-data/ and counts the nodes that
 * name one entity twice — (a) the same normalised name and type, (b) a name that is a short form (surname, first
 * words) of exactly one other node of its type — and lists the joins made by a short form (resolution's rule, or the
 * extractor's own join of a bare surname), to be judged by hand. Run with
 * `node --import tsx bench/duplicates.ts [--docs 200] [--samples 100]`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildGraph } from "../src/graph/build.ts";
import { detokenize, readRedocred } from "../src/extract/eval/redocred.ts";
import type { BatchItem } from "../src/ingest/batchInput.ts";
import { shortFormIndex, shortFormSurface, shortFormTarget } from "../src/ingest/shortForm.ts";
import type { ExtractedEntityRecord } from "../src/model/schemas.ts";
import type { EntityType, KnowledgeGraph } from "../src/model/types.ts";
import { normalizeName } from "../src/search/normalize.ts";
import { loadDataset } from "../src/store/load.ts";
import { mulberry32 } from "../src/util/random.ts";
import { withIngestedCopy } from "./corpus/ingestCopy.ts";
import { REPO_ROOT } from "./util/child.ts";

const REDOCRED = path.resolve(REPO_ROOT, "../shared/redocred/dev.json");
const NEWS_FOLDERS = ["news", "devnews"].map((f) => path.join(REPO_ROOT, "tests", "fixtures", "extract", f));

/** The corpus: Re-DocRED documents (when the file is there) then the news fixtures. */
function corpus(docs: number): BatchItem[] {
  const items: BatchItem[] = [];
  if (existsSync(REDOCRED))
    readRedocred(REDOCRED)
      .slice(0, docs)
      .forEach((d, i) => items.push({ line: i + 1, input: { title: d.title, text: detokenize(d.sents).text } }));
  else process.stderr.write(`duplicates: ${REDOCRED} is missing; measuring the news fixtures alone\n`);
  for (const folder of NEWS_FOLDERS)
    for (const name of readdirSync(folder)
      .filter((n) => n.endsWith(".txt"))
      .sort()) {
      const text = readFileSync(path.join(folder, name), "utf8");
      items.push({ file: name, input: { title: text.split("\n")[0].slice(0, 120) || name, text } });
    }
  return items;
}

interface NodeName {
  id: string;
  label: string;
  type: EntityType;
}

/** Duplicates by (a) equal normalised name and type and (b) short form of exactly one other node of the type. */
function duplicates(graph: KnowledgeGraph) {
  const nodes: NodeName[] = graph.mapNodes((id, a) => ({ id, label: a.label, type: a.type }));
  const byName = new Map<string, string[]>();
  for (const n of nodes) {
    const key = `${n.type}:${normalizeName(n.label).replace(/^the /, "")}`;
    byName.set(key, [...(byName.get(key) ?? []), n.id]);
  }
  const sameName = [...byName.values()].filter((ids) => ids.length > 1);
  const pairs = (target: (n: NodeName) => string | null) =>
    nodes.flatMap((n) => {
      const long = target(n);
      return long && long !== n.id ? [{ short: n, long: graph.getNodeAttribute(long, "label") }] : [];
    });
  const rule = shortFormIndex(nodes);
  const broad = broadIndex(nodes);
  return {
    nodes: nodes.length,
    sameName: {
      groups: sameName.length,
      extraNodes: sameName.reduce((n, ids) => n + ids.length - 1, 0),
      names: sameName.map((ids) => ids.map((id) => `${id} (${graph.getNodeAttribute(id, "label")})`).join(" = ")),
    },
    broad: pairs((n) => {
      const key = normalizeName(n.label).replace(/^the /, "");
      const ids = n.type === "person" && key.includes(" ") ? [] : (broad.get(`${n.type}:${key}`) ?? []);
      return ids.length === 1 ? ids[0] : null;
    }),
    byRule: pairs((n) => shortFormTarget(rule, n.label, n.type)),
  };
}

/**
 * Wider than the resolution rule, to count what it leaves: a person's last word, and every proper run of first words
 * of an organisation's name (normalised, so "Bernheimer-Haus" gives "bernheimer").
 */
function broadIndex(nodes: NodeName[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const n of nodes) {
    const words = normalizeName(n.label).replace(/^the /, "").split(" ");
    if (words.length < 2) continue;
    const forms =
      n.type === "person"
        ? [words[words.length - 1]]
        : n.type === "organization"
          ? words.slice(1).map((_, i) => words.slice(0, i + 1).join(" "))
          : [];
    for (const form of forms.filter((f) => f.length >= 3))
      index.set(`${n.type}:${form}`, [...new Set([...(index.get(`${n.type}:${form}`) ?? []), n.id])]);
  }
  return index;
}

const { values } = parseArgs({
  options: { docs: { type: "string", default: "200" }, samples: { type: "string", default: "100" } },
});
const items = corpus(Number(values.docs));
await withIngestedCopy(items, (root, outcomes) => {
  const added = outcomes.filter((o) => o.status === "added").length;
  const graph = buildGraph({ root }).graph;
  const found = duplicates(graph);
  const textOf = new Map<string, string>();
  outcomes.forEach(
    (o, i) => o.status === "added" && "input" in items[i] && textOf.set(o.document, items[i].input.text),
  );
  // Joins by a short form whatever their rule: the extractor's own ("id") count when every mention is a bare short
  // form of the node's name, as resolution now vets them.
  const byShortForm = (document: string, e: ExtractedEntityRecord) =>
    e.rule === "short-form" ||
    (e.rule === "id" &&
      shortFormSurface(
        graph.getNodeAttributes(e.entity),
        e.mentions.map((m) => textOf.get(document)!.slice(m.start, m.end)),
      ) !== null);
  const merges = loadDataset(root).extracted.flatMap((file) =>
    file.entities
      .filter((e) => byShortForm(file.document, e))
      .map((e) => ({
        merge: `${file.document}.${e.key}`,
        label: e.mentions.map((m) => textOf.get(file.document)!.slice(m.start, m.end)).join(" / "),
        type: e.type,
        joined: graph.getNodeAttribute(e.entity, "label"),
      })),
  );
  const random = mulberry32(3);
  const sample = [...merges].sort(() => random() - 0.5).slice(0, Number(values.samples));
  console.log(
    JSON.stringify(
      {
        documents: { given: items.length, added },
        nodes: found.nodes,
        sameNameAndType: found.sameName,
        surnameOrFirstWordsOfExactlyOneNode: found.broad.length,
        byTheShortFormRule: found.byRule.length,
        left: [...found.broad, ...found.byRule].map((d) => `${d.short.type}: ${d.short.label} → ${d.long}`),
        shortFormMerges: merges.length,
      },
      null,
      2,
    ),
  );
  for (const m of sample) console.log(`${m.merge}\t${m.type}\t${m.label}\t→ ${m.joined}`);
});
