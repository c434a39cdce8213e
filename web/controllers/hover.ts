/**
 * Hover controller: hovering a node fades everything but it and its neighbours (through the reducers).
 */
import type { PageContext } from "../app/context.ts";
import type { Controller } from "../app/types.ts";

/** Tracks the hovered node in the UI state and shows a pointer over clickable items. */
export function createHoverController(ctx: PageContext): Controller {
  const { renderer, store } = ctx;
  const container = renderer.getContainer();
  const enterNode = ({ node }: { node: string }) => {
    container.classList.add("pointer");
    store.set({ hovered: node });
  };
  const leaveNode = () => {
    container.classList.remove("pointer");
    store.set({ hovered: null });
  };
  const enterEdge = () => container.classList.add("pointer");
  const leaveEdge = () => container.classList.remove("pointer");
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
    },
  };
}
