/**
 * Hover controller: hovering a node fades everything but it and its neighbours (through the reducers); hovering an
 * edge names the relation in a tooltip as the text commits to it (proposed, reported…), its stance and
 * whether it awaits review.
 */
import type { PageContext } from "../app/context.ts";
import { claimTitle } from "../app/claim.ts";
import type { Controller } from "../app/types.ts";

/** Tracks the hovered node in the UI state, shows a pointer over clickable items and names a hovered relation. */
export function createHoverController(ctx: PageContext): Controller {
  const { graph, renderer, ui } = ctx;
  const container = renderer.getContainer();
  const enterNode = ({ node }: { node: string }) => {
    container.classList.add("pointer");
    ui.set({ hovered: node });
  };
  const leaveNode = () => {
    container.classList.remove("pointer");
    ui.set({ hovered: null });
  };
  const enterEdge = ({ edge }: { edge: string }) => {
    container.classList.add("pointer");
    // A title attribute is plain text: the label comes from a document and is never parsed as HTML.
    if (graph.hasEdge(edge)) container.title = claimTitle(graph.getEdgeAttributes(edge));
  };
  const leaveEdge = () => {
    container.classList.remove("pointer");
    container.removeAttribute("title");
  };
  renderer.on("enterNode", enterNode);
  renderer.on("leaveNode", leaveNode);
  renderer.on("enterEdge", enterEdge);
  renderer.on("leaveEdge", leaveEdge);
  return {
    kill() {
      renderer.off("enterNode", enterNode);
      renderer.off("leaveNode", leaveNode);
      renderer.off("enterEdge", enterEdge);
      renderer.off("leaveEdge", leaveEdge);
      container.removeAttribute("title");
    },
  };
}
