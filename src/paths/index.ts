/**
 * Paths: entity resolution and path queries (k shortest, all simple) over a compact index of the graph.
 */
export { findPaths } from "./findPaths.ts";
export { resolveEntity, DEFAULT_RESOLVE_OPTIONS, type ResolveOptions } from "./resolveEntity.ts";
export { pathIndexOf, buildPathIndex, type PathIndex } from "./pathIndex.ts";
export { pathText, pathNode } from "./describe.ts";
export { egoWalk, type EgoWalk } from "./ego.ts";
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
} from "./types.ts";
