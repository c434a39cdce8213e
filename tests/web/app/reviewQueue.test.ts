/**
 * Review queue: the candidates in the order the reviewer asks for, stable between renders.
 */
import { describe, expect, it } from "vitest";
import type { Triple } from "../../../web/app/api.ts";
import { quotedDocuments, sortQueue, type QueueItem } from "../../../web/app/reviewQueue.ts";

function item(id: string, subject: string, object: string, confidence: number, doc: string, start: number): QueueItem {
  const ref = (label: string) => ({ id: label.toLowerCase(), label, type: "person" as const });
  const triple: Triple = {
    id,
    subject: ref(subject),
    predicate: "mentioned_with",
    label: "is mentioned with",
    object: ref(object),
    confidence,
    status: "candidate",
    evidence: [{ doc, quote: `quote ${id}`, start, end: start + 5 }],
  };
  return { triple, document: doc.toUpperCase() };
}

const ITEMS = [
  item("e1", "Zed", "Amy", 0.5, "b", 10),
  item("e2", "Amy", "Zed", 0.3, "a", 40),
  item("e3", "Amy", "Bob", 0.9, "a", 5),
  item("e4", "Bob", "Amy", 0.3, "b", 1),
];
const ids = (items: QueueItem[]) => items.map((i) => i.triple.id);

describe("web review queue", () => {
  describe("sortQueue", () => {
    it("orders by document, then by where the quote is in it", () => {
      expect(ids(sortQueue(ITEMS, "document"))).toEqual(["e3", "e2", "e4", "e1"]);
    });

    it("puts the least confident first, ties in id order", () => {
      expect(ids(sortQueue(ITEMS, "confidence"))).toEqual(["e2", "e4", "e1", "e3"]);
    });

    it("orders by subject, then object", () => {
      expect(ids(sortQueue(ITEMS, "entity"))).toEqual(["e3", "e2", "e4", "e1"]);
    });

    it("leaves its input alone", () => {
      sortQueue(ITEMS, "confidence");
      expect(ids(ITEMS)).toEqual(["e1", "e2", "e3", "e4"]);
    });
  });

  describe("quotedDocuments", () => {
    it("lists each quoted document once", () => {
      expect(quotedDocuments(ITEMS.map((i) => i.triple))).toEqual(["b", "a"]);
    });
  });
});
