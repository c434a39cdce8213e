/**
 * Word lists of the search index: the distinct words of all names, sorted, and for each the names containing it — a
 * counting sort into one shared array, whose working memory a later build of the same graph object takes over.
 */
import type { Steps } from "../util/slices.ts";

/** Names handled between two points where a build in slices may pause. */
const STEP = 1024;

/** Room left in an array grown for a graph that writes are changing, so that the next versions fit in it. */
const HEADROOM = 1.125;

/** What a build leaves for the next build of the same graph: word ids that stay, and arrays to write into. */
export interface WordMemory {
  /** Every word met so far and its id; ids never change, so the last build's sorted order can be merged into. */
  wordId: Map<string, number>;
  wordsById: string[];
  /** Ids of the words of the last build, sorted by word. */
  sorted: Int32Array;
  /** Working arrays, longer than needed: word ids per name, name ends, counts and ranks per id, the shared list. */
  occurrences: Int32Array;
  nameEnd: Int32Array;
  counts: Int32Array;
  ranks: Int32Array;
  all: Int32Array;
  /** Each word's names by word id: views into `all`, kept while a word's place in it stays the same. */
  views: Int32Array[];
}

/** The distinct words, sorted, and for each the ascending indices of the names containing it. */
export interface WordLists {
  words: string[];
  wordNames: Int32Array[];
  memory: WordMemory;
}

/**
 * The word lists of `names`. Given `memory` from the previous build of the same graph, the new words are sorted alone
 * and merged into the last sorted order, and `words`/`wordNames` are written into `previous`'s lists, so a small
 * change leaves little garbage. Sorting the distinct words (not every occurrence) keeps a fresh build fast: names
 * share most words.
 */
export function* wordLists(
  names: string[],
  memory: WordMemory | null,
  previous: { words: string[]; wordNames: Int32Array[] } | null,
): Steps<WordLists> {
  // Words no longer used keep their ids; past as many dead as live ones, start afresh.
  const mem =
    memory && memory.wordsById.length <= 2 * Math.max(memory.sorted.length, 1024) ? memory : freshMemory(names.length);
  const known = mem.wordsById.length;
  let occurrences = mem.occurrences;
  const nameEnd = (mem.nameEnd = fit(mem.nameEnd, names.length));
  let used = 0;
  for (let i = 0; i < names.length; i++) {
    const start = used;
    for (const word of names[i].split(" ")) {
      let id = mem.wordId.get(word);
      if (id === undefined) {
        id = mem.wordsById.push(word) - 1;
        mem.wordId.set(word, id);
      }
      if (!includesFrom(occurrences, start, used, id)) {
        if (used === occurrences.length) occurrences = grow(occurrences, used + 1);
        occurrences[used++] = id;
      }
    }
    nameEnd[i] = used;
    if (i % STEP === 0) yield;
  }
  mem.occurrences = occurrences;
  const counts = (mem.counts = fit(mem.counts, mem.wordsById.length));
  counts.fill(0, 0, mem.wordsById.length);
  for (let o = 0; o < used; o++) counts[occurrences[o]]++;
  yield;
  const sorted = (mem.sorted = liveInOrder(mem, known, counts));
  yield;
  return { ...(yield* fill(names.length, used, sorted, mem, previous)), memory: mem };
}

/** Ids of the words counted at least once, sorted by word: the last order kept, the new words sorted and merged in. */
function liveInOrder(mem: WordMemory, known: number, counts: Int32Array): Int32Array {
  const byWord = (a: number, b: number) => (mem.wordsById[a] < mem.wordsById[b] ? -1 : 1);
  const added: number[] = [];
  for (let id = known; id < mem.wordsById.length; id++) if (counts[id] > 0) added.push(id);
  added.sort(byWord);
  let live = added.length;
  for (const id of mem.sorted) if (counts[id] > 0) live++;
  const sorted = new Int32Array(live);
  let [i, j, k] = [0, 0, 0];
  const kept = mem.sorted;
  while (k < live) {
    while (i < kept.length && counts[kept[i]] === 0) i++;
    if (i < kept.length && (j === added.length || byWord(kept[i], added[j]) < 0)) sorted[k++] = kept[i++];
    else sorted[k++] = added[j++];
  }
  return sorted;
}

/** The counting sort's second half: each word's names, in name order, as views into one shared array. */
function* fill(
  nameCount: number,
  used: number,
  sorted: Int32Array,
  mem: WordMemory,
  previous: { words: string[]; wordNames: Int32Array[] } | null,
): Steps<{ words: string[]; wordNames: Int32Array[] }> {
  const { counts, occurrences, nameEnd } = mem;
  const ranks = (mem.ranks = fit(mem.ranks, mem.wordsById.length));
  const words = previous?.words ?? new Array<string>(sorted.length);
  const wordNames = previous?.wordNames ?? new Array<Int32Array>(sorted.length);
  words.length = wordNames.length = sorted.length;
  const all = (mem.all = fit(mem.all, used));
  // Each word's names lie in `all` in word-id order, not sorted order: ids never change and new words come last, so
  // most words keep their place from one version to the next, and their views are kept instead of made again.
  const views = mem.views;
  let offset = 0;
  for (let id = 0; id < mem.wordsById.length; id++) {
    ranks[id] = offset;
    const view = views[id];
    if (!(view?.buffer === all.buffer && view.byteOffset === 4 * offset && view.length === counts[id]))
      views[id] = all.subarray(offset, offset + counts[id]);
    offset += counts[id];
    if (id % STEP === 0) yield;
  }
  for (let r = 0; r < sorted.length; r++) {
    words[r] = mem.wordsById[sorted[r]];
    wordNames[r] = views[sorted[r]];
    if (r % STEP === 0) yield;
  }
  for (let i = 0, o = 0; i < nameCount; i++) {
    for (; o < nameEnd[i]; o++) all[ranks[occurrences[o]]++] = i;
    if (i % STEP === 0) yield;
  }
  return { words, wordNames };
}

function freshMemory(names: number): WordMemory {
  return {
    wordId: new Map(),
    wordsById: [],
    sorted: new Int32Array(0),
    occurrences: new Int32Array(2 * names),
    nameEnd: new Int32Array(names),
    counts: new Int32Array(0),
    ranks: new Int32Array(0),
    all: new Int32Array(0),
    views: [],
  };
}

/** `array` when it holds `length` entries, else a larger one (its contents are not kept). */
function fit(array: Int32Array, length: number): Int32Array {
  return array.length >= length ? array : new Int32Array(Math.ceil(length * HEADROOM));
}

/** A larger copy of `array`, for at least `length` entries. */
function grow(array: Int32Array, length: number): Int32Array {
  const larger = new Int32Array(Math.max(Math.ceil(length * HEADROOM), 2 * array.length, 1024));
  larger.set(array);
  return larger;
}

function includesFrom(list: Int32Array, from: number, to: number, value: number): boolean {
  for (let i = from; i < to; i++) if (list[i] === value) return true;
  return false;
}
