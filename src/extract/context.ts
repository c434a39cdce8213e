/**
 * Extraction context: loads the ontology and curated lexicon from graph-data/ and caches the compiled tables.
 */
import { DataError, type DataIssue } from "../store/issues.ts";
import { dataLayout } from "../store/layout.ts";
import { readYamlFile } from "../store/yamlFile.ts";
import { OntologySchema, type Ontology } from "../model/schemas.ts";
import { compileContext, type CompiledContext } from "./lexicon/compile.ts";
import { EMPTY_LEXICON, loadLexicon } from "./lexicon/lexiconFile.ts";
import type { ExtractContext } from "./types.ts";

const compiled = new WeakMap<object, CompiledContext>();
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
 * The lookup tables for `context`, compiled once per context object (reuse the object across calls: compiling
 * tokenises every known name). Missing parts come from the repository's graph-data/.
 */
export function compiledFor(context: ExtractContext = {}): CompiledContext {
  const hit = compiled.get(context);
  if (hit) return hit;
  const defaults = context.ontology && context.lexicon ? null : loadExtractContext();
  const result = compileContext(
    context.ontology ?? defaults!.ontology,
    context.lexicon ?? defaults?.lexicon ?? EMPTY_LEXICON,
    context.graph,
  );
  compiled.set(context, result);
  return result;
}
