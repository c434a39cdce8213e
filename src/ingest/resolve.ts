/**
 * Resolution: turns an extractor's result into the records of extracted/<doc>.yaml — each entity joined to an
 * existing node of the same type (by id, label, alias or as a short form of its name) or given a new id, each relation checked against the
 * ontology and the text. Nothing here trusts the extractor: a bad relation is skipped with its reason.
 */
import type { ExtractedEntityRecord, ExtractedFile, ExtractedRelationRecord, Ontology } from "../model/schemas.ts";
import { ENTITY_TYPES, MODALITIES, STANCES, type EntityType, type KnowledgeGraph } from "../model/types.ts";
import { isRelationKind, kindOfPredicate, MAX_RELATION_LABEL_LENGTH } from "../model/relationKind.ts";
import { nameKey, resolutionIndexOf, type ResolutionIndex } from "./resolutionIndex.ts";
import { shortFormSurface, shortFormTarget, withoutTitle } from "./shortForm.ts";
import { storyContext } from "./storyContext.ts";
import type { ExtractedEntity, ExtractionResult, SkippedRelation } from "./types.ts";

/** Longest generated id (before any `-2` suffix). */
const MAX_SLUG_LENGTH = 60;

/** Inputs of {@link resolveExtraction}. */
export interface ResolveInput {
  graph: KnowledgeGraph;
  ontology: Ontology;
  docId: string;
  text: string;
  extraction: ExtractionResult;
  extractedAt?: string;
  /** `graph`'s resolution index, when the caller prepared it (see resolutionIndex.ts); built now otherwise. */
  index?: ResolutionIndex;
}

/** The file to store, and the relations that were left out. */
export interface Resolution {
  file: ExtractedFile;
  skipped: SkippedRelation[];
}

/** Resolves entities and vets relations; see the module comment. */
export function resolveExtraction(input: ResolveInput): Resolution {
  const { graph, ontology, docId, text, extraction } = input;
  const { names, shortForms } = input.index ?? resolutionIndexOf(graph);
  const taken = new Set<string>();
  const byExtractorId = new Map<string, ExtractedEntityRecord>();
  const newByName = new Map<string, string>();
  const entities: ExtractedEntityRecord[] = [];
  for (const entity of extraction.entities) {
    if (!isEntity(entity) || byExtractorId.has(entity.id)) continue;
    let record = resolveEntity(entity, `e${entities.length + 1}`, graph, { names, shortForms }, taken, text);
    // Two entities of one article whose names differ only in accents or punctuation ("Dinamo București" and
    // "Dinamo Bucureşti") are one: the second joins the node the first makes.
    const sameName = `${record.type}:${nameKey(record.label)}`;
    const earlier = record.rule === "new" ? newByName.get(sameName) : undefined;
    if (earlier) record = { ...record, entity: earlier, rule: "label" };
    else if (record.rule === "new") newByName.set(sameName, record.entity);
    byExtractorId.set(entity.id, record);
    entities.push(record);
  }
  confirmShortForms(graph, entities, names, taken);
  const skipped: SkippedRelation[] = [];
  const relations: ExtractedRelationRecord[] = [];
  const seen = new Map<string, ExtractedRelationRecord>();
  for (const relation of extraction.relations) {
    const subject = byExtractorId.get(relation.source);
    const object = byExtractorId.get(relation.target);
    const skip = (reason: string) =>
      skipped.push({ source: relation.source, predicate: relation.predicate, target: relation.target, reason });
    if (!subject || !object) {
      skip("its source or target is not among the extracted entities");
      continue;
    }
    const problem = relationProblem(relation, subject, object, ontology, text);
    if (problem) {
      skip(problem);
      continue;
    }
    const evidence = { doc: docId, ...relation.evidence };
    const kind = kindOf(relation);
    const label = kind === "open" ? phraseOf(relation.label) : null;
    // Open relations share one predicate: each verb phrase between the same two entities is a fact of its own.
    const triple = `${subject.entity}|${relation.predicate}|${object.entity}|${label ?? ""}`;
    const same = seen.get(triple);
    if (same) {
      // One edge per fact and document: a restatement adds evidence.
      if (!same.evidence.some((e) => e.start === evidence.start && e.end === evidence.end))
        same.evidence.push(evidence);
      continue;
    }
    const record: ExtractedRelationRecord = {
      id: `${docId}.r${relations.length + 1}`,
      subject: subject.key,
      predicate: relation.predicate,
      object: object.key,
      kind,
      ...(label ? { label } : {}),
      evidence: [evidence],
      stance: relation.stance,
      modality: relation.modality,
      confidence: Math.round(relation.confidence * 1000) / 1000,
      ...qualifiersOf(relation),
    };
    seen.set(triple, record);
    relations.push(record);
  }
  const extractedAt = input.extractedAt ?? new Date().toISOString();
  const mentionMerges = (extraction.merges ?? []).flatMap((m) => {
    const entity = byExtractorId.get(m.entity);
    const ok = entity && m.surface && Number.isInteger(m.start) && m.end > m.start && m.end <= text.length;
    return ok ? [{ key: entity.key, surface: m.surface, start: m.start, end: m.end, rule: String(m.rule) }] : [];
  });
  const file: ExtractedFile = { document: docId, extractedAt, entities, relations };
  if (mentionMerges.length) file.mentionMerges = mentionMerges;
  return { file, skipped };
}

/**
 * Keeps a short-form merge only when the article gives evidence that it speaks of that entity: it names, by its full
 * name or an alias, a neighbour of the node, or enough of the entities an earlier article that named the node also
 * named (see storyContext.ts). Without it a surname alone picked the wrong person in 9 of the 10 joins made on 526
 * Re-DocRED articles about unrelated subjects ("Shepherd", a lord, → Derek Shepherd), while a news story about the
 * same events names the same people, firms and places around him. Others become new nodes, named as the article
 * names them.
 */
function confirmShortForms(
  graph: KnowledgeGraph,
  entities: ExtractedEntityRecord[],
  names: Map<string, string[]>,
  taken: Set<string>,
): void {
  const named = entities.filter((e) => e.rule !== "new" && e.rule !== "short-form").map((e) => e.entity);
  const context = storyContext(graph, named);
  for (const entity of entities) {
    if (entity.rule !== "short-form" || context(entity.entity)) continue;
    // Unconfirmed, the name still joins the one node of its type labelled with it, as any name does.
    const labelled = (names.get(nameKey(entity.label)) ?? []).filter(
      (n) => n !== entity.entity && sameLabel(graph, n, entity.label, entity.type),
    );
    if (labelled.length === 1) {
      entity.entity = labelled[0];
      entity.rule = "label";
      continue;
    }
    entity.entity = freshId(slugify(entity.label), graph, taken);
    entity.rule = "new";
    taken.add(entity.entity);
  }
}

function sameLabel(graph: KnowledgeGraph, node: string, label: string, type: EntityType): boolean {
  const a = graph.getNodeAttributes(node);
  return a.type === type && nameKey(a.label) === nameKey(label);
}

function resolveEntity(
  entity: ExtractedEntity,
  key: string,
  graph: KnowledgeGraph,
  { names, shortForms }: { names: Map<string, string[]>; shortForms: Map<string, string[]> },
  taken: Set<string>,
  text: string,
): ExtractedEntityRecord {
  const textLength = text.length;
  const base = {
    key,
    label: entity.label.trim(),
    type: entity.type,
    aliases: [...new Set(entity.aliases.map((a) => a.trim()).filter((a) => a && a !== entity.label.trim()))],
    mentions: entity.mentions
      .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end <= textLength)
      .filter((m) => m.end > m.start)
      .map((m) => ({ start: m.start, end: m.end })),
  };
  // Rule "id": the extractor already named an existing node of the same type. When every mention is only a short
  // form of the node's name (a bare surname), the join is vetted like one of ours: the extractor matches a surname
  // against the whole graph, and joined a goalkeeper of a football report to a politician of another story.
  if (graph.hasNode(entity.id) && graph.getNodeAttribute(entity.id, "type") === entity.type) {
    const surfaces = base.mentions.map((m) => text.slice(m.start, m.end));
    const surface = shortFormSurface(graph.getNodeAttributes(entity.id), surfaces);
    if (surface) return { ...base, label: surface, aliases: [], entity: entity.id, rule: "short-form" };
    return { ...base, entity: entity.id, rule: "id" };
  }
  const sameType = (node: string) => graph.getNodeAttribute(node, "type") === entity.type;
  // Rule "label": the extracted label is a node's label or alias (a person's full name also without the title before
  // it: "Judge Eleanor Whitcombe"; "King Charles" is no evidence for a node labelled "Charles"); rule "alias": one of
  // the extracted aliases is.
  const untitled = entity.type === "person" ? withoutTitle(base.label) : base.label;
  const byUntitled = untitled.includes(" ") ? (names.get(nameKey(untitled)) ?? []) : [];
  const byLabel = [...new Set([...(names.get(nameKey(entity.label)) ?? []), ...byUntitled])].filter(sameType);
  // A name that is only an alias kept as a short form (a bare surname) is vetted as a short form.
  if (byLabel.length === 1)
    return {
      ...base,
      entity: byLabel[0],
      rule: shortFormSurface(graph.getNodeAttributes(byLabel[0]), [base.label]) ? "short-form" : "label",
    };
  for (const alias of base.aliases) {
    const byAlias = (names.get(nameKey(alias)) ?? []).filter(sameType);
    if (byAlias.length === 1) return { ...base, entity: byAlias[0], rule: "alias" };
  }
  // Rule "short-form": an earlier article named in full the one entity of the type this name is a surname or first
  // words of ("Putin" after "Vladimir Putin"). Not when several nodes carry the name itself: that is ambiguous.
  const byShortForm = byLabel.length === 0 ? shortFormTarget(shortForms, base.label, entity.type) : null;
  if (byShortForm) return { ...base, entity: byShortForm, rule: "short-form" };
  const id = freshId(slugify(base.label), graph, taken);
  taken.add(id);
  return { ...base, entity: id, rule: "new" };
}

function relationProblem(
  relation: ExtractionResult["relations"][number],
  subject: ExtractedEntityRecord,
  object: ExtractedEntityRecord,
  ontology: Ontology,
  text: string,
): string | null {
  const predicate = ontology.predicates[relation.predicate];
  if (!predicate) return `predicate "${relation.predicate}" is not in the ontology`;
  if (subject.entity === object.entity) return "source and target resolve to the same entity";
  if (!predicate.domain.includes(subject.type))
    return `"${relation.predicate}" does not take a ${subject.type} as subject`;
  if (!predicate.range.includes(object.type)) return `"${relation.predicate}" does not take a ${object.type} as object`;
  if (!STANCES.includes(relation.stance) || !MODALITIES.includes(relation.modality))
    return "its stance or modality is not one of the model's values";
  if (!(relation.confidence >= 0 && relation.confidence <= 1)) return "its confidence is not in [0, 1]";
  const { quote, start, end } = relation.evidence ?? {};
  if (typeof quote !== "string" || !quote || text.slice(start, end) !== quote)
    return "its evidence quote is not verbatim at its offsets";
  return null;
}

/**
 * The relation's kind: the extractor's when it is one of the model's, except that related_to is always open and
 * mentioned_with always a co-occurrence, so the stored kind agrees with the predicate.
 */
function kindOf(relation: ExtractionResult["relations"][number]): ExtractedRelationRecord["kind"] {
  const byPredicate = kindOfPredicate(relation.predicate);
  if (byPredicate !== "typed" || !isRelationKind(relation.kind)) return byPredicate;
  return relation.kind === "open" ? "typed" : relation.kind;
}

/** An open relation's verb phrase on one line, cut at a word to fit the stored label; null when there is none. */
export function phraseOf(label: unknown): string | null {
  if (typeof label !== "string") return null;
  const phrase = label.replace(/\s+/g, " ").trim();
  if (phrase.length <= MAX_RELATION_LABEL_LENGTH) return phrase || null;
  const cut = phrase.slice(0, MAX_RELATION_LABEL_LENGTH - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > 0 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The string qualifiers the model knows (time, duration, role), if any. */
function qualifiersOf(relation: ExtractionResult["relations"][number]): Pick<ExtractedRelationRecord, "qualifiers"> {
  const q = relation.qualifiers ?? {};
  const kept = Object.fromEntries(
    (["time", "duration", "role"] as const).filter((k) => typeof q[k] === "string" && q[k]).map((k) => [k, q[k]]),
  );
  return Object.keys(kept).length ? { qualifiers: kept } : {};
}

function isEntity(entity: ExtractedEntity): boolean {
  return (
    typeof entity.id === "string" &&
    typeof entity.label === "string" &&
    entity.label.trim().length > 0 &&
    (ENTITY_TYPES as readonly string[]).includes(entity.type as EntityType) &&
    Array.isArray(entity.aliases) &&
    Array.isArray(entity.mentions)
  );
}

/** A lower-case id from a label ("Zürich Airport" → "zurich-airport"). */
export function slugify(label: string): string {
  const slug = label
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, "");
  return slug || "entity";
}

function freshId(slug: string, graph: KnowledgeGraph, taken: Set<string>): string {
  let id = slug;
  for (let n = 2; graph.hasNode(id) || taken.has(id); n++) id = `${slug}-${n}`;
  return id;
}
