/**
 * Support controller: "Reported by at least N sources" beside the timeline — the least number of distinct documents a
 * relation needs to be shown. It is part of the time window (app/timelineWindow.ts), so the graph, the path finder,
 * the visible GEXF and the shared link keep to it as they keep to the days. Hidden while fewer than two documents exist.
 */
import type { PageContext } from "../app/context.ts";
import { byId, el, listen } from "../app/dom.ts";
import { describeSupport, supportChoices, validSupport } from "../app/timelineWindow.ts";
import type { Controller } from "../app/types.ts";

/** Tunables of the support control. */
export interface SupportOptions {
  /** Most choices the control lists (a shared link asking for more adds its own). */
  maxChoices: number;
}

export const DEFAULT_SUPPORT_OPTIONS: SupportOptions = { maxChoices: 10 };

/** Wires #min-support from the page's document list. */
export function createSupportController(ctx: PageContext, options: Partial<SupportOptions> = {}): Controller {
  const { maxChoices } = { ...DEFAULT_SUPPORT_OPTIONS, ...options };
  const { ui } = ctx;
  const root = byId("support-filter");
  const select = byId<HTMLSelectElement>("min-support");
  let alive = true;
  let offs: (() => void)[] = [];

  /** Lists the choices for `documents` documents with the window's support chosen; false when there is no choice. */
  const fill = (documents: number): boolean => {
    const current = ui.state.timeWindow.minSupport;
    const choices = supportChoices(documents, current, maxChoices);
    select.replaceChildren(
      ...choices.map((n) => el("option", { value: n, selected: n === current }, describeSupport(n))),
    );
    return choices.length > 1;
  };

  const setUp = (documents: number) => {
    root.hidden = !fill(documents);
    offs = [
      listen(select, "change", () => {
        const minSupport = validSupport(Number(select.value));
        ui.set({ timeWindow: { ...ui.state.timeWindow, minSupport } });
      }),
      // A shared link or Back may change the support: list it again (it may be beyond the choices).
      ui.subscribe((state, previous) => {
        if (state.timeWindow.minSupport !== previous.timeWindow.minSupport) root.hidden = !fill(documents);
      }),
    ];
  };

  ctx.documents().then(
    ({ documents }) => {
      if (alive) setUp(documents.length);
    },
    // The timeline says why it is missing; the control just stays hidden.
    () => undefined,
  );
  return {
    kill() {
      alive = false;
      offs.forEach((off) => off());
    },
  };
}
