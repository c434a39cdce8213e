/**
 * CLI commands: the registry `kg` dispatches to, with each command's help text; a command's module is imported only
 * when it runs, so `kg help` loads none of them. Adding a command means adding its file and its entry here.
 */
import { DEFAULT_LINE_SPLIT_OPTIONS } from "../../extract/batchLines.ts";
import { MAX_TEXT_BYTES } from "../../extract/input.ts";
import type { Command } from "../types.ts";

const bytes = (n: number) => n.toLocaleString("en-US");

const INGEST_USAGE = `npx kg ingest FILE [--title T] [--author A] [--date YYYY-MM-DD] [--outlet O] [--url U] [--data DIR] [--json]
       npx kg ingest FOLDER|FILE.jsonl|- [--jsonl] [--step N] [--allow-private] [--data DIR] [--json]
       npx kg ingest URL... | --feed URL [--allow-private] [--data DIR] [--json]

A folder adds every .txt, .md and .html file inside it; a .jsonl or .ndjson file (or any file with --jsonl, or - for
standard input) one {"id"?, "title"?, "text", "date"?, "author"?, "outlet"?, "url"?} object per line, with "html"
(a page) instead of "text", or "url" alone (the page is fetched). URL... fetches each page and adds its article;
--feed adds every item of an RSS or Atom feed. Fetches refuse private and local addresses unless --allow-private.
Documents already stored (also with other whitespace, line endings or quotes) are skipped, so a run can be repeated
to resume. --step N stores N documents per step (default 50): one hold of the write lock and one update of the graph;
each document is reported once its step is stored. --json prints one JSON line per document. Exits 1 when any
document failed.`;

const EXTRACT_USAGE = `npx kg extract FILE [--format text|json] [--data DIR] [--graph FILE] [--cold]
       npx kg extract --jsonl FILE|- [--data DIR] [--graph FILE] [--cold]

--jsonl reads JSON Lines from FILE (- for standard input), one {"id": ..., "text": ...} object per line, id a string
or number. It prints one JSON line per input line, in input order: {"id", "entities", "relations", "merges"} (the
--format json shape), or {"id", "error", "line"} for a line it cannot use (id null when unreadable, line counted
from 1). Blank lines are skipped and print nothing. Texts are limited to ${bytes(MAX_TEXT_BYTES)} bytes as for a file; a line over
${bytes(DEFAULT_LINE_SPLIT_OPTIONS.maxLineBytes)} bytes (room for JSON escaping) is an error line read no further, and ${bytes(DEFAULT_LINE_SPLIT_OPTIONS.maxSkipBytes)} bytes without a line
break end the run. Exits 1 when any line failed. --jsonl prints JSON lines only: no FILE argument, no --format text.`;

/** Every `kg` sub-command, in help order. */
export const COMMANDS: Command[] = [
  {
    name: "validate",
    summary:
      "Check graph-data/: schema, references, predicate domain/range and that every quote is verbatim at its offsets.",
    usage: "npx kg validate [--data DIR]",
    load: () => import("./validate.ts"),
  },
  {
    name: "build",
    summary:
      "Validate graph-data/ and write the graph (graphology JSON) to graph-data/build/graph.json or --out FILE; " +
      "--from converts a GEXF, GraphML or JSON file instead.",
    usage: "npx kg build [--out FILE] [--data DIR] | npx kg build --from FILE.gexf [--out FILE]",
    load: () => import("./build.ts"),
  },
  {
    name: "serve",
    summary: "Serve the graph, the HTTP API and the web page (127.0.0.1:3000 by default; PORT and HOST also work).",
    usage:
      "npx kg serve [--port N] [--host H] [--allowed-hosts A,B] [--graph FILE] [--data DIR] [--read-only] [--token-file FILE] [--allow-private-fetch] [--path-workers N] [--full-draw-nodes N] [--full-draw-edges N] [--eager-graph] [--read-only --snapshot FILE]",
    load: () => import("./serve.ts"),
  },
  {
    name: "ingest",
    summary: "Add an article (UTF-8 text) to graph-data/: extract, resolve and merge its facts as candidates.",
    usage: INGEST_USAGE,
    load: () => import("./ingest.ts"),
  },
  {
    name: "path",
    summary: "Show how two entities are connected: the k shortest paths, every hop with its evidence.",
    usage:
      "npx kg path FROM TO [--k N] [--max-hops N] [--predicates a,b] [--exclude id,id] [--min-confidence X] " +
      "[--directed] [--all [--limit N]] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--min-support N] [--json] " +
      "[--graph FILE] [--data DIR]",
    load: () => import("./path.ts"),
  },
  {
    // Read-only: prints what `kg ingest` would add, for checking the pipeline on a text.
    name: "extract",
    summary:
      "Extract candidate entities and relations (with verbatim evidence) from a text file, or from each document of " +
      "a JSON Lines stream with --jsonl; changes nothing.",
    usage: EXTRACT_USAGE,
    load: () => import("./extract.ts"),
  },
  {
    name: "export",
    summary:
      "Export the graph or a subset (types, predicates, ego graph, paths) as GEXF, GraphML, JSON, CSV, Neo4j, Turtle or JSON-LD.",
    usage:
      "npx kg export --format gexf|graphml|json|csv|neo4j|turtle|jsonld [--out FILE|DIR] [--part zip|nodes|edges] [--types a,b] " +
      "[--predicates a,b] [--node ENTITY [--depth N]] [--from ENTITY --to ENTITY [--k N]] [--base IRI] [--dynamic] " +
      "[--since YYYY-MM-DD] [--until YYYY-MM-DD] [--min-support N] [--graph FILE] [--data DIR]",
    load: () => import("./export.ts"),
  },
  {
    name: "stream",
    summary: "Push the graph to Gephi's Graph Streaming master, then each change of a running server as it happens.",
    usage:
      "npx kg stream --gephi URL [--server URL [--interval MS] [--once]] | npx kg stream --gephi URL [--graph FILE] [--data DIR]",
    load: () => import("./stream.ts"),
  },
];
