/**
 * Selection: which scored (pair, property) decisions become relations — those at the threshold, except that a
 * property most subjects have once (country, citizenship, continent) keeps only its best object unless another is
 * nearly certain too — and which pairs nothing links become associations.
 */

/** A scored pair: its subject's key, and per class the probability and whether the ontology admits it (1 or 0). */
export interface ScoredPair {
  subject: number;
  probabilities: Float64Array;
  allowed: ArrayLike<number>;
}

/** Tunables of selection. */
export interface SelectOptions {
  threshold: number;
  /** Per class: a higher bar for properties the model gets wrong more often (0: the threshold alone). */
  floors: number[];
  /** A second object of a single-valued property needs this probability. */
  secondObject: number;
}

/** Defaults: a second country of the same place needs 0.8. */
export const DEFAULT_SELECT_OPTIONS: SelectOptions = { threshold: 0.5, floors: [], secondObject: 0.8 };

/** The (pair index, class index) decisions kept, in pair order. */
export function selectRelations(
  pairs: ScoredPair[],
  singleValued: boolean[],
  options: Partial<SelectOptions> = {},
): [number, number][] {
  const o = { ...DEFAULT_SELECT_OPTIONS, ...options };
  const bar = (c: number) => Math.max(o.threshold, o.floors[c] ?? 0);
  const best = new Map<string, number>();
  pairs.forEach((p, i) =>
    p.probabilities.forEach((x, c) => {
      if (!singleValued[c] || x < bar(c) || !p.allowed[c]) return;
      const key = `${p.subject}|${c}`;
      const current = best.get(key);
      if (current === undefined || x > pairs[current].probabilities[c]) best.set(key, i);
    }),
  );
  const out: [number, number][] = [];
  pairs.forEach((p, i) =>
    p.probabilities.forEach((x, c) => {
      if (x < bar(c) || !p.allowed[c]) return;
      if (singleValued[c] && best.get(`${p.subject}|${c}`) !== i && x < o.secondObject) return;
      out.push([i, c]);
    }),
  );
  return out;
}

/**
 * Associations: for each unordered pair (by `keyOf`) that `linked` does not hold, the ordered pair with the highest
 * relatedness, when that reaches `threshold`. Indices into `pairs`, in the order their keys were first seen.
 */
export function selectAssociations<T>(
  pairs: T[],
  keyOf: (pair: T) => string,
  relatednessOf: (pair: T) => number,
  threshold: number,
  linked: Set<string>,
): number[] {
  const best = new Map<string, number>();
  pairs.forEach((p, i) => {
    const x = relatednessOf(p);
    if (x < threshold) return;
    const key = keyOf(p);
    if (linked.has(key)) return;
    const current = best.get(key);
    if (current === undefined || x > relatednessOf(pairs[current])) best.set(key, i);
  });
  return [...best.values()];
}
