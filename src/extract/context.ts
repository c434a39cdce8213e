/**
 * Extraction context: loads the ontology and curated lexicon from graph-data/ and caches the compiled tables.
 */
import { DataError, type DataIssue } from "../store/issues.ts";
import { dataFilesOf as dataLayout } from "../store/dataFiles.ts";
import { readYamlFile } from "../store/yamlFile.ts";
import { OntologySchema, type Ontology } from "../model/schemas.ts";
import { GrowingContext, type CompiledContext } from "./lexicon/compile.ts";
import { EMPTY_LEXICON, loadLexicon } from "./lexicon/lexiconFile.ts";
import type { ExtractContext } from "./types.ts";
import { ownerMap } from "../util/ownerMaps.ts";

/** Compiled tables by ontology, then lexicon, then graph (a graph that changed since is brought up to date). */
const compiled = new WeakMap<object, WeakMap<object, WeakMap<object, GrowingContext>>>();
const NO_GRAPH = {};
const loaded = new Map<string, Required<Pick<ExtractContext, "ontology" | "lexicon">>>();

/** Reads the ontology and lexicon of a graph-data root (once per root); throws a {@link DataError} when broken. */
export function loadExtractContext(root?: string): Required<Pick<ExtractContext, "ontology" | "lexicon">> {
  const layout = dataLayout(root);
  const cached = loaded.get(layout.root);
  if (cached) return cached;
  const issues: DataIssue[] = [];
  const ontology: Ontology | undefined = readYamlFile(layout.ontology, OntologySchema, issues)?.value;
  if (!ontology) throw new DataError(issues);
  const context = { ontology, lexicon: loadLexicon(layout.root) };
  loaded.set(layout.root, context);
  return context;
}

/**
 * The lookup tables for `context`, compiled once per (ontology, lexicon, graph) and reused across calls, also when
 * the context object itself is new. Missing parts come from the repository's graph-data/.
 */
export function compiledFor(context: ExtractContext = {}): CompiledContext {
  const defaults = context.ontology && context.lexicon ? null : loadExtractContext();
  const ontology = context.ontology ?? defaults!.ontology;
  const lexicon = context.lexicon ?? defaults?.lexicon ?? EMPTY_LEXICON;
  const graphKey = context.graph ?? NO_GRAPH;
  let byLexicon = compiled.get(ontology);
  if (!byLexicon) compiled.set(ontology, (byLexicon = new WeakMap()));
  let byGraph = byLexicon.get(lexicon);
  // By graph in an owner map: a graph the writer recycles is forgotten before it changes (src/util/ownerMaps.ts).
  if (!byGraph) byLexicon.set(lexicon, (byGraph = ownerMap()));
  const hit = byGraph.get(graphKey);
  // A graph's nodes may change without its order or size changing (a merge drops one node, an ingest adds one), so
  // the tables are checked against the graph each time; checking is cheap, only what changed is compiled.
  if (hit) return context.graph ? hit.update() : hit.context;
  const growing = new GrowingContext(ontology, lexicon, context.graph);
  byGraph.set(graphKey, growing);
  return growing.context;
}
