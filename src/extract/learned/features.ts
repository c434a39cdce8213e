/**
 * Pair features: what the learned relation model sees of an ordered pair of entities in a document — their types,
 * how far apart the text names them, the words between and around their closest mentions, and the rules' verdict.
 */
import type { ExtractedRelation } from "../types.ts";
import type { View } from "../relations/view.ts";
import { placeLookup } from "../geo/places.ts";
import { featureHash } from "../../util/featureHash.ts";

/** Entity types the model never links (no predicate takes them as an end it could learn). */
const UNLINKED_TYPES = new Set(["date", "quantity"]);
/** Between-words of a longer gap are taken from both ends only: the middle of a long clause says little. */
const MAX_BETWEEN_EACH_SIDE = 6;
/** A gap this short is also kept whole, as one feature ("born in", ", a town in"). */
const MAX_WHOLE_GAP = 4;

/** A mention reduced to what the features read. */
interface Place {
  from: number;
  to: number;
  sentence: number;
}

/** One entity of the document as the features see it. */
export interface PairEntity {
  /** Index into `view.clusters`. */
  cluster: number;
  type: string;
  places: Place[];
  /** The entity named first in the document (in an encyclopaedia entry, its subject; in news, its lead actor). */
  first: boolean;
  /** Last word of the entity's name, lower case ("river", "university", "fc"). */
  head: string;
  /** How many entities of the same type the document names before this one (0, 1, 2 = more). */
  rank: number;
  /** How many entities of this type the document names (1, 2, 3 = more). */
  ofType: number;
  /** For places: the region and country codes a place of this name lies in (empty when unknown). */
  within: string[];
  /** For countries and first-level regions: their own codes ("US", "US.CA"). */
  codes: string[];
  /** The head word's feature hashes by the other end's type, made on first use (see pairFeatures). */
  headHashes?: { hh: Map<string, number>; th: Map<string, number> };
}

/** How many tokens before a mention its content words are read from. */
const CONTEXT_WINDOW = 6;
const CONTENT_POS = new Set(["VERB", "NOUN", "ADJ"]);

/** Types whose names are looked up in the place index. */
const PLACE_TYPES = new Set(["location", "country", "organization", "event"]);

/** Same-sentence mention pairs whose gaps are read, per entity pair: more add little but cost time. */
const MAX_SHARED_SENTENCES = 4;

/** The closest mentions of a pair: the quote of a learned relation runs over their sentences. */
export interface Closest {
  h: Place;
  t: Place;
  sentences: number;
  /** Other mention pairs of the two that share a sentence (at most one per sentence). */
  shared: [Place, Place][];
}

/** The document's linkable entities, each with its mentions in text order. */
export function pairEntities(v: View): PairEntity[] {
  const out: PairEntity[] = [];
  let firstFrom = Infinity;
  let firstIndex = -1;
  v.clusters.forEach((c, i) => {
    if (UNLINKED_TYPES.has(c.type) || c.mentions.length === 0) return;
    const places = c.mentions
      .map((m) => ({ from: m.from, to: m.to, sentence: v.tokens[m.from].sentence }))
      .sort((a, b) => a.from - b.from);
    if (places[0].from < firstFrom) [firstFrom, firstIndex] = [places[0].from, out.length];
    const head = c.label.toLowerCase().split(/\s+/).pop() ?? "";
    const geo = PLACE_TYPES.has(c.type) ? placeCodes(c.label, c.type) : { within: [], codes: [] };
    out.push({ cluster: i, type: c.type, places, first: false, head, rank: 0, ofType: 0, ...geo });
  });
  if (firstIndex >= 0) out[firstIndex].first = true;
  const byType = new Map<string, PairEntity[]>();
  for (const e of out) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);
  for (const list of byType.values()) {
    list.sort((a, b) => a.places[0].from - b.places[0].from);
    list.forEach((e, i) => {
      e.rank = Math.min(i, 2);
      e.ofType = Math.min(list.length, 3);
    });
  }
  return out;
}

/** Where a named place lies, and the codes of a named country or region. */
function placeCodes(label: string, type: string): { within: string[]; codes: string[] } {
  const places = placeLookup();
  const country = type === "country" ? places.countryCode(label) : null;
  return {
    within: type === "location" || type === "organization" ? places.within(label) : [],
    codes: country ? [country] : type === "location" ? places.regionCodes(label) : [],
  };
}

/** Whether the place index puts `h` inside `t`: "in", "out" (both known, never inside) or null (unknown). */
function geoVerdict(h: PairEntity, t: PairEntity): "in" | "out" | null {
  if (h.within.length === 0 || t.codes.length === 0) return null;
  for (const w of h.within) for (const c of t.codes) if (w === c || w.startsWith(`${c}.`)) return "in";
  return "out";
}

/** The pair of mentions of `h` and `t` fewest sentences, then fewest tokens, apart. */
export function closestMentions(h: PairEntity, t: PairEntity): Closest {
  // Indices of the best pair so far, not a new object each time it improves: this runs for every ordered pair.
  let bestA = 0;
  let bestB = 0;
  let bestGap = Infinity;
  const shared: [Place, Place][] = [];
  for (let i = 0; i < h.places.length; i++) {
    const a = h.places[i];
    for (let j = 0; j < t.places.length; j++) {
      const b = t.places[j];
      const sentences = Math.abs(a.sentence - b.sentence);
      const gap = sentences * 1_000_000 + (a.from < b.from ? b.from - a.to : a.from - b.to);
      if (gap < bestGap) {
        bestA = i;
        bestB = j;
        bestGap = gap;
      }
      if (sentences === 0 && shared.length < MAX_SHARED_SENTENCES && !shared.some(([x]) => x.sentence === a.sentence))
        shared.push([a, b]);
    }
  }
  const a = h.places[bestA];
  const b = t.places[bestB];
  return { h: a, t: b, sentences: Math.abs(a.sentence - b.sentence), shared };
}

/** The rules' relations between two clusters, by predicate and direction, for use as features. */
export function ruleVerdicts(v: View, relations: ExtractedRelation[]): Map<string, number[]> {
  const idOf = new Map(v.clusters.map((c, i) => [c.id, i]));
  const out = new Map<string, number[]>();
  for (const r of relations) {
    const s = idOf.get(r.source);
    const t = idOf.get(r.target);
    if (s === undefined || t === undefined) continue;
    push(out, `${s}>${t}`, featureHash("r=", r.predicate));
    push(out, `${t}>${s}`, featureHash("ri=", r.predicate));
  }
  return out;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const DIGITS = ["0", "1", "2", "3"];
const BIAS = featureHash("bias");
const MENTIONS_H = DIGITS.map((n) => featureHash("mh", n));
const MENTIONS_T = DIGITS.map((n) => featureHash("mt", n));
const GEO = ["in", "out"] as const;

/**
 * The hashes of the features that depend on the type pair and small counts alone, made once per type pair: every
 * ordered pair of a document would otherwise hash the same strings again.
 */
interface TypePairHashes {
  tp: number;
  /** By sentence distance digit. */
  d: number[];
  /** By `(h first) * 8 + (t first) * 4 + distance digit`. */
  fd: number[];
  /** By `(h rank * 3 + t rank) * 9 + (h ofType - 1) * 3 + (t ofType - 1)`. */
  rk: number[];
  /** By verdict (in, out), then by verdict and distance digit, then the reverse verdict. */
  geo: number[];
  geoD: number[];
  geoi: number[];
  /** By shared-sentence count digit. */
  sh: number[];
}

const typePairHashes = new Map<string, TypePairHashes>();

function hashesOf(tp: string): TypePairHashes {
  const hit = typePairHashes.get(tp);
  if (hit) return hit;
  const made: TypePairHashes = {
    tp: featureHash("tp", tp),
    d: DIGITS.map((d) => featureHash("d", d, tp)),
    fd: Array.from({ length: 16 }, (_, i) =>
      featureHash("fd", String(i >> 3), String((i >> 2) & 1), `${DIGITS[i & 3]}${tp}`),
    ),
    rk: Array.from({ length: 81 }, (_, i) => {
      const ranks = Math.floor(i / 9);
      const counts = i % 9;
      return featureHash(
        "rk",
        `${Math.floor(ranks / 3)}${ranks % 3}`,
        `${Math.floor(counts / 3) + 1}${(counts % 3) + 1}`,
        tp,
      );
    }),
    geo: GEO.map((g) => featureHash("geo", g, tp)),
    geoD: GEO.flatMap((g) => DIGITS.map((d) => featureHash("geo", g, tp, d))),
    geoi: GEO.map((g) => featureHash("geoi", g, tp)),
    sh: DIGITS.map((n) => featureHash("sh", n, tp)),
  };
  typePairHashes.set(tp, made);
  return made;
}

/** The hash of an entity's head word with the other end's type ("hh" as subject, "th" as object), made once each. */
function headHash(e: PairEntity, side: "hh" | "th", otherType: string): number {
  const byType = (e.headHashes ??= { hh: new Map(), th: new Map() })[side];
  let hash = byType.get(otherType);
  if (hash === undefined) byType.set(otherType, (hash = featureHash(side, e.head, otherType)));
  return hash;
}

/** The features of the ordered pair (h, t), as feature hashes. */
export function pairFeatures(
  v: View,
  h: PairEntity,
  t: PairEntity,
  closest: Closest,
  verdicts: Map<string, number[]>,
  cache: ContextCache = new Map(),
): number[] {
  const tp = typePair(h.type, t.type);
  const hashes = hashesOf(tp);
  const d = closest.sentences > 3 ? 3 : closest.sentences;
  const f = [BIAS, hashes.tp, hashes.d[d]];
  f.push(MENTIONS_H[Math.min(h.places.length, 3)], MENTIONS_T[Math.min(t.places.length, 3)]);
  f.push(hashes.fd[(h.first ? 8 : 0) + (t.first ? 4 : 0) + d]);
  f.push(headHash(h, "hh", t.type), headHash(t, "th", h.type));
  f.push(hashes.rk[(h.rank * 3 + t.rank) * 9 + (h.ofType - 1) * 3 + (t.ofType - 1)]);
  const geo = geoVerdict(h, t);
  if (geo) f.push(hashes.geo[geo === "in" ? 0 : 1], hashes.geoD[(geo === "in" ? 0 : 4) + d]);
  const back = geoVerdict(t, h);
  if (back) f.push(hashes.geoi[back === "in" ? 0 : 1]);
  f.push(...context(v, "h", closest.h, tp, cache), ...context(v, "t", closest.t, tp, cache));
  f.push(hashes.sh[Math.min(closest.shared.length, 3)]);
  for (const [a, b] of closest.shared) between(v, a, b, tp, f);
  for (const r of verdicts.get(`${h.cluster}>${t.cluster}`) ?? []) f.push(r);
  return f;
}

/**
 * Per document: the context features of a mention for a side and type pair, which every pair through that mention
 * shares (computed once instead of once per pair). Keyed by type pair, then by the mention's first token and side.
 */
export type ContextCache = Map<string, Map<number, number[]>>;

const typePairs = new Map<string, Map<string, string>>();

/** "person>location": one string per pair of types, so that it is not built and hashed again for every pair. */
function typePair(h: string, t: string): string {
  let byTarget = typePairs.get(h);
  if (!byTarget) typePairs.set(h, (byTarget = new Map()));
  let tp = byTarget.get(t);
  if (tp === undefined) byTarget.set(t, (tp = `${h}>${t}`));
  return tp;
}

/** Words just before and after a mention ("born in X", "X-based", "X County"). */
function context(v: View, side: "h" | "t", p: Place, tp: string, cache: ContextCache): number[] {
  let byMention = cache.get(tp);
  if (!byMention) cache.set(tp, (byMention = new Map()));
  const key = p.from * 2 + (side === "h" ? 0 : 1);
  const hit = byMention.get(key);
  if (hit) return hit;
  const f: number[] = [];
  byMention.set(key, f);
  const before = word(v, p.from - 1, p.sentence);
  f.push(featureHash(side, "-1", before), featureHash(side, "-1", before, tp));
  f.push(featureHash(side, "-2", word(v, p.from - 2, p.sentence)), featureHash(side, "+1", word(v, p.to, p.sentence)));
  // Content words shortly before the mention, without position: "was born in the town of X", "played for X".
  for (let k = Math.max(p.from - CONTEXT_WINDOW, 0); k < p.from; k++) {
    const t = v.tokens[k];
    if (t.sentence === p.sentence && CONTENT_POS.has(t.pos)) f.push(featureHash(side, "w", t.lemma, tp));
  }
  return f;
}

/** Words between two mentions of one sentence, in order, with which of the two comes first. */
function between(v: View, h: Place, t: Place, tp: string, f: number[]): void {
  const hFirst = h.from < t.from;
  const o = hFirst ? "ht" : "th";
  const from = hFirst ? h.to : t.to;
  const to = hFirst ? t.from : h.from;
  const gap = to - from;
  f.push(featureHash("n", bucket(gap), o, tp));
  if (gap <= 0) return;
  const words: string[] = [];
  for (let k = from; k < to; k++) {
    if (k - from >= MAX_BETWEEN_EACH_SIDE && to - k > MAX_BETWEEN_EACH_SIDE) continue;
    words.push(v.tokens[k].lemma.toLowerCase());
  }
  if (gap <= MAX_WHOLE_GAP) {
    const seq = words.join(" ");
    f.push(featureHash("bs", seq, o), featureHash("bst", seq, o, tp));
  }
  f.push(featureHash("bf", words[0], o), featureHash("bl", words[words.length - 1], o));
  for (const w of words) f.push(featureHash("bw", w, o), featureHash("bwt", w, o, tp));
  let others = 0;
  for (let k = from; k < to; k++) {
    const m = v.mentionAt[k];
    if (m && m.from === k) others++;
  }
  f.push(featureHash("e", DIGITS[Math.min(others, 3)], o));
}

function word(v: View, k: number, sentence: number): string {
  const t = v.tokens[k];
  return t && t.sentence === sentence ? t.lower : "<s>";
}

function bucket(n: number): string {
  if (n <= 3) return String(Math.max(n, 0));
  if (n <= 6) return "4-6";
  if (n <= 10) return "7-10";
  return "11+";
}
