/**
 * Extraction: text -> candidate entities and relations with verbatim evidence, resolved against the graph.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { compiledFor } from "./context.ts";
import { findMentions } from "./mentions/find.ts";
import { analyse } from "./nlp/analyse.ts";
import { cooccurrences } from "./relations/cooccurrence.ts";
import { finalizeRelations } from "./relations/finalize.ts";
import { clauseRelations } from "./relations/clauses.ts";
import { closePlaces } from "./relations/closure.ts";
import { copularRelations } from "./relations/copula.ts";
import { kinshipRelations } from "./relations/kinship.ts";
import { originRelations } from "./relations/origin.ts";
import { nominalRelations } from "./relations/nominal.ts";
import { roleRelations } from "./relations/roles.ts";
import { makeView, type Candidate, type View } from "./relations/view.ts";
import { addTimeQualifiers } from "./timeQualifier.ts";
import { resolveMentions, type Cluster } from "./resolve/resolve.ts";
import { loadPairModel, type PairModel } from "./learned/model.ts";
import { withLearnedRelations } from "./learned/predict.ts";
import type { Mention } from "./mentions/types.ts";
import { learnedNameTyper } from "./nameType/guess.ts";
import {
  DEFAULT_EXTRACT_OPTIONS,
  type ExtractContext,
  type ExtractedEntity,
  type Extraction,
  type ExtractOptions,
  type ExtractedRelation,
  type MergeRecord,
} from "./types.ts";

const EMPTY_CONTEXT: ExtractContext = {};

/** The pipeline up to the rules' relations: the analysed text with its entities, and what the rules found. */
export interface RuleStage {
  view: View;
  /** Typed and open relations of the rules, before the learned stage and co-occurrence. */
  relations: ExtractedRelation[];
  merges: MergeRecord[];
}

/**
 * Extracts entities and relations from `text`. With `context.graph`, names resolve to the graph's nodes (ids,
 * labels, aliases) first. Deterministic: the same text and context give the same output. `model` replaces the
 * committed pair model (training compares candidate settings with it).
 */
export function extractDocument(
  text: string,
  context: ExtractContext = EMPTY_CONTEXT,
  options: Partial<ExtractOptions> = {},
  model?: PairModel,
): Extraction {
  const o = { ...DEFAULT_EXTRACT_OPTIONS, ...options };
  const { view: v, relations: rules, merges } = runRules(text, context, o);
  const typed = o.learned ? withLearnedRelations(v, rules, model ?? loadPairModel()) : rules;
  addTimeQualifiers(text, v.a.sentences, typed);
  const relations = o.cooccurrence ? [...typed, ...cooccurrences(v, typed, o.cooccurrenceConfidence)] : typed;
  return { entities: v.clusters.map((c) => toEntity(c, context.graph)), relations, merges };
}

/** Runs the rules: mentions, entities, and the relations clause, role and nominal rules find. */
export function runRules(text: string, context: ExtractContext, o: ExtractOptions): RuleStage {
  const ctx = compiledFor(context);
  const a = analyse(text);
  const mentions = findMentions(a, ctx, o.numericEntities);
  const { clusters, merges } = resolveMentions(a, mentions, learnedNameTyper(a, mentions, context.nameTypes));
  const v = makeView(a, ctx, clusters, mentions);
  const candidates: Candidate[] = [];
  for (const s of a.sentences) {
    const appositions = new Map<number, number>();
    candidates.push(
      ...roleRelations(v, s, appositions),
      ...clauseRelations(v, s, appositions),
      ...nominalRelations(v, s),
      ...copularRelations(v, s),
      ...kinshipRelations(v, s),
      ...originRelations(v, s),
    );
  }
  candidates.push(...groupAffiliations(v), ...eponyms(mentions));
  const relations = closePlaces(v, finalizeRelations(v, candidates, { minConfidence: o.minConfidence }));
  return { view: v, relations, merges };
}

/** "Russian forces" is affiliated with Russia (the state is added when the text names it only by the demonym). */
function groupAffiliations(v: View): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < v.clusters.length; i++) {
    const group = v.clusters[i];
    if (!group.state) continue;
    let state = v.clusters.findIndex((c) => c.entry === group.state);
    const first = group.mentions[0];
    if (state < 0) {
      v.clusters.push({
        id: uniqueStateId(v, group.state.id),
        label: group.state.label,
        type: group.state.type,
        entry: group.state,
        mentions: [{ ...first, to: first.from + 1, end: v.tokens[first.from].end, surface: v.tokens[first.from].text }],
      });
      state = v.clusters.length - 1;
    }
    out.push({
      source: i,
      target: state,
      predicates: ["affiliated_with"],
      rule: "demonym-group",
      confidence: 0.9,
      from: first.from,
      to: first.to,
    });
  }
  return out;
}

/** "the Zelensky administration": the person leads the organisation named after them. */
function eponyms(mentions: Mention[]): Candidate[] {
  return mentions
    .filter((m) => m.inner && m.inner.entity >= 0)
    .map((m) => ({
      source: m.inner!.entity,
      target: m.entity,
      predicates: ["leads"],
      rule: "eponym",
      confidence: 0.7,
      from: m.from,
      to: m.to,
    }));
}

function uniqueStateId(v: View, id: string): string {
  return v.clusters.some((c) => c.id === id) ? `${id}-country` : id;
}

function toEntity(c: Cluster, graph?: KnowledgeGraph): ExtractedEntity {
  const aliases = new Set<string>();
  for (const m of c.mentions) if (m.surface !== c.label) aliases.add(m.surface);
  const entity: ExtractedEntity = {
    id: c.id,
    label: c.label,
    type: c.type,
    aliases: [...aliases],
    mentions: c.mentions.map((m) => ({ start: m.start, end: m.end })).sort((x, y) => x.start - y.start),
  };
  if (c.entry) entity.known = graph && c.entry.origin === "graph" ? "graph" : c.entry.origin;
  return entity;
}
