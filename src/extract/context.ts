/**
 * Extraction context: loads the ontology and curated lexicon from graph-data/ and caches the compiled tables.
 */
import { DataError, type DataIssue } from "../store/issues.ts";
import { dataFilesOf as dataLayout } from "../store/dataFiles.ts";
import { readYamlFile } from "../store/yamlFile.ts";
import { OntologySchema, type Ontology } from "../model/schemas.ts";
import { compileContext, type CompiledContext } from "./lexicon/compile.ts";
import { EMPTY_LEXICON, loadLexicon } from "./lexicon/lexiconFile.ts";
import type { ExtractContext } from "./types.ts";

/** Compiled tables by ontology, then lexicon, then graph (a graph that grew since is recompiled). */
const compiled = new WeakMap<object, WeakMap<object, WeakMap<object, { order: number; result: CompiledContext }>>>();
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
  const order = context.graph ? context.graph.order * 1_000_003 + context.graph.size : 0;
  let byLexicon = compiled.get(ontology);
  if (!byLexicon) compiled.set(ontology, (byLexicon = new WeakMap()));
  let byGraph = byLexicon.get(lexicon);
  if (!byGraph) byLexicon.set(lexicon, (byGraph = new WeakMap()));
  const hit = byGraph.get(graphKey);
  if (hit && hit.order === order) return hit.result;
  const result = compileContext(ontology, lexicon, context.graph);
  byGraph.set(graphKey, { order, result });
  return result;
}
