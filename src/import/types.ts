/**
 * Import types: options and errors shared by the GEXF, GraphML, CSV and JSON readers.
 */
import type { EntityType } from "../model/types.ts";
import { DEFAULT_COMMUNITY_OPTIONS } from "../graph/communities.ts";
import type { LayoutOptions } from "../graph/layout.ts";

/** Tunables of the import readers. */
export interface ImportOptions {
  /** Entity type given to nodes whose `type` is missing or not one of the model's types. */
  defaultType: EntityType;
  /** Colour per entity type for nodes without a colour; null reads them from graph-data/ontology.yaml. */
  typeColors: Record<string, string> | null;
  /** Colour when neither the node nor its type has one. */
  fallbackColor: string;
  /** Smallest and largest size given to nodes without a size (scaled by degree, as the builder does). */
  minSize: number;
  maxSize: number;
  /** Layout of files in which no node has a position. */
  layout: Partial<LayoutOptions>;
  /**
   * Largest such file that is laid out (ForceAtlas2, noverlap); a larger one only gets seeded positions. The page
   * opens a graph past its full-drawing limit on an overview that spreads the groups apart itself, and the layout
   * would take minutes at 100k nodes (noverlap's pair set then overflows).
   */
  layoutMaxNodes: number;
  /**
   * Largest file without communities whose communities come from graphology's Louvain (on the directed graph); a
   * larger one gets the bounded undirected Louvain of `compactLouvain`, linear in the edges. The directed Louvain's
   * moves can cycle without end on a large graph.
   */
  louvainMaxNodes: number;
}

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = {
  defaultType: "concept",
  typeColors: null,
  fallbackColor: "#999999",
  minSize: 4,
  maxSize: 18,
  layout: {},
  layoutMaxNodes: 10_000,
  louvainMaxNodes: DEFAULT_COMMUNITY_OPTIONS.louvainMaxNodes,
};

/** What a reader learned from the file's declarations, beyond what the graphology parsers return. */
export interface ImportHints {
  /** Attribute keys whose values are JSON text (declared "(JSON)" by our writers, or known model keys). */
  jsonKeys: Set<string>;
}

/** A file that cannot be imported: the message names the file and says how to fix it. */
export class ImportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ImportError";
  }
}
