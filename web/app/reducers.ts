/**
 * Reducers: turn the UI state into what sigma draws (hidden, faded, highlighted, labelled) without touching the graph.
 */
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import type { UiStateHolder } from "./uiState.ts";
import type { EdgeAttributes, NodeAttributes, WebGraph } from "./types.ts";
import { isOpenRelation } from "./relationKind.ts";
import { claimPhrase } from "./claim.ts";
import type { Visibility } from "./visibility.ts";

/** Colours of the reducers' states. */
export interface ReducerOptions {
  fadedNodeColor: string;
  fadedEdgeColor: string;
  edgeColor: string;
  strongEdgeColor: string;
  pathEdgeSize: number;
  /** Label the selected node's edges only up to this degree: past it, the labels pile up and the panel reads better. */
  maxLabelledEdges: number;
  // Review: sigma 3 has no dashed edge program, so candidates are drawn lighter and thinner instead
  candidateEdgeColor: string;
  candidateEdgeSize: number;
  /** A candidate hop of the shown path: the candidates' hue, at full strength. */
  candidatePathEdgeColor: string;
  // Open relations (a verb that maps to no predicate): drawn like typed ones, in their own colour
  openEdgeColor: string;
  // Highlight of what an added article brought in
  highlightEdgeColor: string;
  highlightEdgeSize: number;
  /**
   * sigma edge type of emphasised edges (selection, path, highlight), or null to keep the default. A large graph draws
   * its edges as one-pixel lines (see main.ts): the few emphasised ones go to a program that has thickness.
   */
  emphasisEdgeType: string | null;
}

export const DEFAULT_REDUCER_OPTIONS: ReducerOptions = {
  fadedNodeColor: "#e4e4e0",
  fadedEdgeColor: "#f0f0ec",
  edgeColor: "#c9c9c4",
  strongEdgeColor: "#3d3d3a",
  pathEdgeSize: 4,
  maxLabelledEdges: 12,
  candidateEdgeColor: "rgba(201, 135, 40, 0.45)",
  candidateEdgeSize: 0.6,
  candidatePathEdgeColor: "#c9872a",
  openEdgeColor: "#a9bcd6",
  highlightEdgeColor: "#d9480f",
  highlightEdgeSize: 2.5,
  emphasisEdgeType: null,
};

type NodeOut = Partial<NodeDisplayData>;
type EdgeOut = Partial<EdgeDisplayData>;

/** nodeReducer and edgeReducer reading `ui`; `visibility` gives the filters' outcome for the current state. */
export function createReducers(
  graph: WebGraph,
  ui: UiStateHolder,
  visibility: (types: ReadonlySet<string>, predicates: ReadonlySet<string>) => Visibility,
  options: Partial<ReducerOptions> = {},
) {
  const o = { ...DEFAULT_REDUCER_OPTIONS, ...options };
  const emphasis: EdgeOut = o.emphasisEdgeType ? { type: o.emphasisEdgeType } : {};
  const fadeNode = (out: NodeOut): NodeOut => ({ ...out, color: o.fadedNodeColor, label: null, zIndex: 0 });
  const strongNode = (out: NodeOut): NodeOut => ({ ...out, forceLabel: true, zIndex: 2 });

  const nodeReducer = (node: string, data: NodeAttributes): NodeOut => {
    const state = ui.state;
    // The entity type is data, not a sigma program: every node is drawn as a circle.
    const out: NodeOut = { ...data, type: "circle", zIndex: 1 };
    if (visibility(state.hiddenTypes, state.hiddenPredicates).hiddenNodes.has(node)) return { ...out, hidden: true };
    const { path, selection, hovered, highlight } = state;
    if (path.type === "ready") {
      return path.nodes.has(node) ? { ...strongNode(out), highlighted: true } : fadeNode(out);
    }
    // An added article's entities stand out until cleared; a selection or a path takes over meanwhile.
    if (highlight?.nodes.has(node) && !selection) return { ...strongNode(out), highlighted: true, zIndex: 3 };
    if (selection?.kind === "node") {
      if (node === selection.id) return { ...strongNode(out), highlighted: true, zIndex: 3 };
      if (graph.areNeighbors(node, selection.id)) return strongNode(out);
      if (!hovered) return fadeNode(out);
    }
    if (selection?.kind === "edge" && graph.hasEdge(selection.id)) {
      if (graph.hasExtremity(selection.id, node)) return { ...strongNode(out), highlighted: true };
      if (!hovered) return fadeNode(out);
    }
    if (hovered && graph.hasNode(hovered)) {
      if (node === hovered) return { ...strongNode(out), highlighted: true, zIndex: 3 };
      return graph.areNeighbors(node, hovered) ? strongNode(out) : fadeNode(out);
    }
    return out;
  };

  // Derived looks are built only when used: the edge reducer runs for every edge on every refresh, mostly with no
  // selection, and building them up front cost two objects per edge.
  // Labels are drawn only on emphasised edges: only they pay for wording the claim ("proposed as …").
  const strongEdge = (out: EdgeOut, data: EdgeAttributes): EdgeOut => ({
    ...out,
    label: claimPhrase(data),
    ...emphasis,
    color: o.strongEdgeColor,
    size: 2,
    forceLabel: true,
    zIndex: 1,
  });
  const fadeEdge = (out: EdgeOut): EdgeOut => ({ ...out, color: o.fadedEdgeColor, label: null });

  const edgeReducer = (edge: string, data: EdgeAttributes): EdgeOut => {
    const state = ui.state;
    // Edge labels are drawn only where they are forced (selection and path), see the sigma settings in main.ts.
    const candidate = data.status === "candidate";
    const out: EdgeOut = candidate
      ? { label: data.label, color: o.candidateEdgeColor, size: o.candidateEdgeSize, forceLabel: false, zIndex: 0 }
      : {
          label: data.label,
          color: isOpenRelation(data) ? o.openEdgeColor : o.edgeColor,
          size: 1,
          forceLabel: false,
          zIndex: 0,
        };
    // An overview's aggregate edge joins groups, not a subject to an object: a line without an arrow head, thicker
    // for more relations.
    if (data.weight !== undefined)
      Object.assign(out, { type: "line", size: Math.min(6, 1 + Math.log2(data.weight) / 2) });
    if (candidate && !state.showCandidates) return { ...out, hidden: true };
    if (!visibility(state.hiddenTypes, state.hiddenPredicates).isEdgeVisible(edge)) return { ...out, hidden: true };
    const { path, selection, hovered, highlight } = state;
    if (path.type === "ready") {
      if (!path.edges.has(edge)) return fadeEdge(out);
      // A hop awaiting review keeps the candidates' hue on the path, so it does not read as a reviewed fact.
      const look = { ...strongEdge(out, data), size: o.pathEdgeSize };
      return candidate ? { ...look, color: o.candidatePathEdgeColor } : look;
    }
    if (highlight?.edges.has(edge) && !selection) {
      return { ...out, ...emphasis, color: o.highlightEdgeColor, size: o.highlightEdgeSize, label: null, zIndex: 1 };
    }
    if (selection?.kind === "edge")
      return edge === selection.id ? { ...strongEdge(out, data), size: 3 } : fadeEdge(out);
    if (selection?.kind === "node" && graph.hasNode(selection.id)) {
      if (graph.hasExtremity(edge, selection.id)) {
        return graph.degree(selection.id) <= o.maxLabelledEdges
          ? strongEdge(out, data)
          : { ...strongEdge(out, data), forceLabel: false, label: null };
      }
      if (!hovered) return fadeEdge(out);
    }
    if (hovered && graph.hasNode(hovered)) {
      return graph.hasExtremity(edge, hovered) ? { ...out, color: o.strongEdgeColor, label: null } : fadeEdge(out);
    }
    out.label = null;
    return out;
  };

  return { nodeReducer, edgeReducer };
}
