/**
 * Latin letters with marks folded to plain ones, one UTF-16 unit for one, so the tagger reads "Şanlıurfa" as it reads
 * "Sanliurfa" while every offset into the text stays the same.
 */

/** Letters whose decomposition does not start with a plain letter ("ı", "ł", "ø") and their plain form. */
const PLAIN: Record<string, string> = {
  ı: "i",
  ł: "l",
  Ł: "L",
  ø: "o",
  Ø: "O",
  đ: "d",
  Đ: "D",
  ħ: "h",
  Ħ: "H",
  ß: "s",
  æ: "a",
  Æ: "A",
  œ: "o",
  Œ: "O",
  þ: "t",
  Þ: "T",
  ð: "d",
  Ð: "D",
};

/** The Latin-1 Supplement, Latin Extended-A and B, and Latin Extended Additional blocks. */
const RANGES: [number, number][] = [
  [0xc0, 0x24f],
  [0x1e00, 0x1eff],
];

const PLAIN_LETTER = /^[A-Za-z]$/;

/** Built once: per code unit of the Latin blocks, its plain letter, or undefined when it is not a letter with one. */
const FOLDED: (string | undefined)[] = (() => {
  const table: (string | undefined)[] = [];
  for (const [from, to] of RANGES)
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      const base = PLAIN[ch] ?? ch.normalize("NFD")[0];
      if (PLAIN_LETTER.test(base)) table[c] = base;
    }
  return table;
})();

const MARKED_LATIN = /[\u00c0-\u024f\u1e00-\u1eff]/;

/** `text` with each marked Latin letter replaced by its plain letter; the same length, the same offsets. */
export function foldLatin(text: string): string {
  // Most English text has no such letter: a test is cheaper than a copy that changes nothing.
  if (!MARKED_LATIN.test(text)) return text;
  let out = "";
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const plain = FOLDED[text.charCodeAt(i)];
    if (plain === undefined) continue;
    out += text.slice(last, i) + plain;
    last = i + 1;
  }
  return out + text.slice(last);
}
