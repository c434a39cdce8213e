/**
 * Documents controller: the sidebar's list of the documents the graph is built from (title, outlet, date, kind);
 * choosing one opens it in the panel.
 */
import type { DocumentList } from "../app/api.ts";
import type { PageContext } from "../app/context.ts";
import { byId, el } from "../app/dom.ts";
import type { Controller } from "../app/types.ts";

type ListedDocument = DocumentList["documents"][number];

/** One list item: the title as a button, then where and when it appeared and what kind of text it is. */
function documentItem(ctx: PageContext, doc: ListedDocument): HTMLLIElement {
  const open = el("button", { type: "button", class: "document-link", "data-doc": doc.id }, doc.title);
  open.addEventListener("click", () =>
    ctx.ui.set({ reading: { doc: doc.id, evidence: null, over: ctx.ui.state.selection } }),
  );
  const about = [doc.outlet, doc.published, doc.genre].filter(Boolean).join(" · ");
  return el("li", {}, open, about ? el("p", { class: "document-about muted" }, about) : null);
}

/** Fills #document-list from the page's document list (re-created after a write adds a document). */
export function createDocumentsController(ctx: PageContext): Controller {
  const list = byId<HTMLUListElement>("document-list");
  const count = byId("document-count");
  let alive = true;
  ctx.documents().then(
    ({ documents }) => {
      if (!alive) return;
      count.textContent =
        documents.length === 1 ? "Built from 1 document:" : `Built from ${documents.length} documents:`;
      list.replaceChildren(...documents.map((doc) => documentItem(ctx, doc)));
    },
    (error: unknown) => {
      if (!alive) return;
      count.textContent = `Cannot list the documents: ${(error as Error).message}`;
      list.replaceChildren();
    },
  );
  return {
    kill() {
      alive = false;
    },
  };
}
