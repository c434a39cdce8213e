/**
 * Feature hashing for the learned parts of extraction: a feature's name parts to a small integer id.
 */

/**
 * A feature's id: FNV-1a over its name's parts joined by "|", computed without building the name — the model scores
 * hundreds of pairs a document, and building and hashing name strings was most of its time. Kept to 30 bits so the
 * id is a small integer for V8 (map lookups with larger numbers are several times slower).
 */
export function featureHash(a: string, b = "", c = "", d = ""): number {
  let h = 0x811c9dc5;
  h = mix(h, a);
  h = Math.imul(h ^ 0x7c, 0x01000193);
  h = mix(h, b);
  h = Math.imul(h ^ 0x7c, 0x01000193);
  h = mix(h, c);
  h = Math.imul(h ^ 0x7c, 0x01000193);
  h = mix(h, d);
  return (h >>> 0) & 0x3fffffff;
}

function mix(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
