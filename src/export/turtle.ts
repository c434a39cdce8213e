/**
 * Turtle writer: streams the RDF triples of a graph (see rdfTriples.ts) as Turtle with n3's writer, a chunk at a time.
 */
import { DataFactory, Writer, type Quad_Object } from "n3";
import type { KnowledgeGraph } from "../model/types.ts";
import { rdfTriples, type RdfObject, type RdfOptions } from "./rdfTriples.ts";
import { PREFIXES } from "./rdfVocab.ts";
import { yieldToEventLoop } from "../util/yieldToEventLoop.ts";

/** Tunables of {@link writeTurtle} beyond the RDF mapping's. */
export interface TurtleOptions extends RdfOptions {
  chunkSize: number;
  yieldEvery: number;
}

/** Defaults: 64 KB chunks; a yield to the event loop every 50 relations (each is about 25 triples with its evidence). */
export const DEFAULT_TURTLE_OPTIONS: Pick<TurtleOptions, "chunkSize" | "yieldEvery"> = {
  chunkSize: 64 * 1024,
  yieldEvery: 50,
};

const { namedNode, literal } = DataFactory;

/** Streams `graph` as Turtle; concatenating the chunks gives the file. */
export async function* writeTurtle(
  graph: KnowledgeGraph,
  options: Partial<TurtleOptions> = {},
): AsyncGenerator<string> {
  const { chunkSize, yieldEvery, ...rdf } = { ...DEFAULT_TURTLE_OPTIONS, ...options };
  let buffer = "";
  // n3 writes to anything with write/end; this sink keeps the text until the next chunk is yielded.
  const sink = {
    write(text: string, _encoding?: string, done?: () => void) {
      buffer += text;
      done?.();
    },
    end(done?: () => void) {
      done?.();
    },
  };
  const writer = new Writer(sink as unknown as NodeJS.WritableStream, { prefixes: PREFIXES, end: false });
  const term = (o: RdfObject): Quad_Object =>
    "iri" in o
      ? namedNode(o.iri)
      : "list" in o
        ? (writer.list(o.list.map(term)) as unknown as Quad_Object)
        : literal(o.value, o.datatype ? namedNode(o.datatype) : undefined);
  let count = 0;
  for (const triples of rdfTriples(graph, rdf)) {
    for (const [s, p, o] of triples) writer.addQuad(namedNode(s), namedNode(p), term(o));
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = "";
    }
    if (++count % yieldEvery === 0) await yieldToEventLoop();
  }
  await new Promise<void>((resolve, reject) => writer.end((error) => (error ? reject(error) : resolve())));
  yield buffer;
}
