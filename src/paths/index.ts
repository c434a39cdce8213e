/**
 * Paths: entity resolution and path queries (k shortest, all simple) over a compact index of the graph.
 */
export { findPaths, planPaths, graphPlanFacts, searchPlan, describeSearch, type PathPlan } from "./findPaths.ts";
export { resolveEntity, resolveInIndex, DEFAULT_RESOLVE_OPTIONS, type ResolveOptions } from "./resolveEntity.ts";
export {
  pathIndexOf,
  cachedPathIndex,
  seedPathIndex,
  buildPathIndex,
  pathIndexSteps,
  pathIndexParts,
  pathIndexFromParts,
  type PathIndex,
  type PathIndexParts,
} from "./pathIndex.ts";
export { pathText, pathNode, graphAttributes, type AttributeSource } from "./describe.ts";
export type { RawPathSearch } from "./kShortest.ts";
export { egoWalk, type EgoWalk } from "./ego.ts";
export { selfLoopsOf } from "./selfLoops.ts";
export {
  DEFAULT_PATH_OPTIONS,
  PATH_LIMITS,
  type EntityMatch,
  type HopDirection,
  type PathEdge,
  type PathMode,
  type PathNode,
  type PathOptions,
  type PathResult,
  type PathSearch,
  type PlanFacts,
} from "./types.ts";
