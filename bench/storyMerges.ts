/**
 * Cross-document resolution on running stories: ingests the story corpus (tests/fixtures/corpus/stories, in date
 * order) into a copy of graph-data/ and judges every join of an article's entity to a node an earlier article made
 * against the corpus's hand-written key — right, wrong (another entity of the key) or not judged (a name the key
 * does not list) — and counts the nodes that duplicate an entity of the key; it prints every join by a short form
 * and, up to `--samples`, others at random, to read by hand. Run with
 * `node --import tsx bench/storyMerges.ts [--samples 100]`.
 */
import { parseArgs } from "node:util";
import type { ExtractedEntityRecord } from "../src/model/schemas.ts";
import { loadDataset } from "../src/store/load.ts";
import { mulberry32 } from "../src/util/random.ts";
import { coarseType, readStoryArticles, storyJudge, type Judgement } from "./corpus/storyKey.ts";
import { withIngestedCopy } from "./corpus/ingestCopy.ts";

/** One entity an article's resolution stored, with the key's reading of it. */
interface Named {
  doc: string;
  record: ExtractedEntityRecord;
  gold: Judgement;
}

/** A join of an entity to a node first made by an earlier article (or already in graph-data/). */
interface Join extends Named {
  first: Named | null;
  verdict: "right" | "wrong" | "not judged";
}

function joinsOf(named: Named[]): Join[] {
  const first = new Map<string, Named>();
  const joins: Join[] = [];
  for (const n of named) {
    const earlier = first.get(n.record.entity);
    if (!earlier && n.record.rule === "new") first.set(n.record.entity, n);
    else if (!earlier || earlier.doc !== n.doc)
      joins.push({ ...n, first: earlier ?? null, verdict: verdict(n, earlier) });
  }
  return joins;
}

function verdict(n: Named, earlier: Named | undefined): Join["verdict"] {
  if (!earlier || !("entity" in n.gold) || !("entity" in earlier.gold)) return "not judged";
  return n.gold.entity === earlier.gold.entity ? "right" : "wrong";
}

/**
 * The key's reading of an entity by the names its mentions have in the text, not by its stored label: the extractor
 * labels a bare surname it joined to a node with the node's full name. Mentions read as two entities are ambiguous.
 */
function judgeSurfaces(record: ExtractedEntityRecord, text: string, judge: (name: string) => Judgement): Judgement {
  const surfaces = [...new Set(record.mentions.map((m) => text.slice(m.start, m.end)))];
  const read = surfaces.map(judge).filter((j) => "entity" in j);
  const entities = new Set(read.map((j) => j.entity));
  if (entities.size === 1) return read[0];
  return entities.size > 1 ? { unjudged: "ambiguous" } : judge(record.label);
}

/** Per entity of the key, the nodes its names landed on, when more than one. */
function duplicatesOf(named: Named[]): Map<string, Set<string>> {
  const nodes = new Map<string, Set<string>>();
  for (const n of named)
    if ("entity" in n.gold) nodes.set(n.gold.entity, (nodes.get(n.gold.entity) ?? new Set()).add(n.record.entity));
  return new Map([...nodes].filter(([, ids]) => ids.size > 1));
}

const { values } = parseArgs({ options: { samples: { type: "string", default: "100" } } });
const articles = readStoryArticles();
const judge = storyJudge();
const items = articles.map((a, i) => ({
  line: i + 1,
  id: a.id,
  input: { title: a.title, text: a.text, date: a.date },
}));
await withIngestedCopy(items, (root, outcomes) => {
  const storyOf = new Map<string, string>();
  const textOf = new Map<string, string>();
  outcomes.forEach((o, i) => o.status === "added" && storyOf.set(o.document, articles[i].story));
  outcomes.forEach((o, i) => o.status === "added" && textOf.set(o.document, articles[i].text));
  const files = loadDataset(root).extracted.filter((f) => storyOf.has(f.document));
  const order = [...storyOf.keys()];
  files.sort((a, b) => order.indexOf(a.document) - order.indexOf(b.document));
  const named = files.flatMap((f) =>
    f.entities.map((record) => ({
      doc: f.document,
      record,
      gold: judgeSurfaces(record, textOf.get(f.document)!, (name) =>
        judge(name, record.type, storyOf.get(f.document)!),
      ),
    })),
  );
  const joins = joinsOf(named);
  const byRule: Record<string, Record<Join["verdict"], number>> = {};
  for (const j of joins) {
    const counts = (byRule[j.record.rule] ??= { right: 0, wrong: 0, "not judged": 0 });
    counts[j.verdict]++;
  }
  const duplicates = duplicatesOf(named);
  const extra = [...duplicates.values()].reduce((sum, ids) => sum + ids.size - 1, 0);
  // Resolution never joins across types: a duplicate the extractor typed otherwise than the key is left by design.
  const mistyped = new Set(
    named.filter((n) => "type" in n.gold && n.gold.type !== coarseType(n.record.type)).map((n) => n.record.entity),
  );
  console.log(
    JSON.stringify(
      {
        documents: { given: articles.length, added: storyOf.size },
        entitiesStored: named.length,
        keyEntitiesNamed: new Set(named.flatMap((n) => ("entity" in n.gold ? [n.gold.entity] : []))).size,
        duplicateNodes: extra,
        duplicateNodesTypedOtherwiseThanTheKey: [...duplicates.values()].flatMap((ids) =>
          [...ids].filter((id) => mistyped.has(id)),
        ).length,
        duplicated: [...duplicates].map(([entity, ids]) => `${entity}: ${namesOf(named, entity, ids)}`),
        joinsByRule: byRule,
        wrongJoins: joins.filter((j) => j.verdict === "wrong").map(describe),
      },
      null,
      2,
    ),
  );
  // The sample to read by hand: every join by a short form, then others drawn at random.
  const random = mulberry32(3);
  const shuffled = [...joins].sort(() => random() - 0.5);
  const sample = [
    ...shuffled.filter((j) => j.record.rule === "short-form"),
    ...shuffled.filter((j) => j.record.rule !== "short-form"),
  ];
  for (const j of sample.slice(0, Number(values.samples)))
    console.log(`${j.verdict}\t${j.record.rule}\t${describe(j)}`);
});

function describe(j: Join): string {
  const gold = (n: Named) => ("entity" in n.gold ? n.gold.entity : n.gold.unjudged);
  const first = j.first ? `${j.first.record.label} (${gold(j.first)})` : "a node of graph-data/";
  return `${j.doc} ${j.record.type} "${j.record.label}" (${gold(j)}) → ${j.record.entity}, first named as ${first}`;
}

/** The nodes of one key entity, each with the names (and rules) that landed on it. */
function namesOf(named: Named[], entity: string, ids: Set<string>): string {
  const of = (id: string) =>
    named.filter((n) => n.record.entity === id && "entity" in n.gold && n.gold.entity === entity);
  return [...ids]
    .map((id) => `${id} ← ${[...new Set(of(id).map((n) => `"${n.record.label}" ${n.record.rule}`))].join(", ")}`)
    .join("; ");
}
