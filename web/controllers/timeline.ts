/**
 * Timeline controller: a histogram of the documents per day (or week), a two-handle brush and two date inputs that
 * set the time window the graph, the path finder and the visible GEXF keep to, and "play", which steps the window's
 * end through the document days. Hidden, with a line saying why, when the documents are not from two days or more.
 */
import type { DocumentList } from "../app/api.ts";
import type { PageContext } from "../app/context.ts";
import { byId, listen } from "../app/dom.ts";
import { addDays, binDocuments, daysBetween, documentDays, type TimelineBins } from "../app/timelineBins.ts";
import {
  describeWindow,
  nextPlayWindow,
  normalizeWindow,
  sameWindow,
  type DaySpan,
  type TimeWindow,
} from "../app/timelineWindow.ts";
import type { Controller } from "../app/types.ts";

/** Tunables of the timeline. */
export interface TimelineOptions {
  /** How long "play" shows each window before moving its end to the next day. */
  playStepMs: number;
}

export const DEFAULT_TIMELINE_OPTIONS: TimelineOptions = { playStepMs: 700 };

const SVG_NS = "http://www.w3.org/2000/svg";
const BAR_HEIGHT = 40;

/** The histogram as SVG bars, one per bin, each titled with its days and count (text set with textContent). */
function drawBars(svg: SVGSVGElement, { unit, bins }: TimelineBins): SVGRectElement[] {
  const highest = Math.max(...bins.map((b) => b.count));
  svg.setAttribute("viewBox", `0 0 ${bins.length} ${BAR_HEIGHT}`);
  svg.setAttribute("aria-label", `Documents per ${unit}`);
  const bars = bins.map((bin, i) => {
    const height = bin.count === 0 ? 0 : Math.max(2, (bin.count / highest) * BAR_HEIGHT);
    const bar = document.createElementNS(SVG_NS, "rect");
    for (const [name, value] of Object.entries({ x: i + 0.1, y: BAR_HEIGHT - height, width: 0.8, height }))
      bar.setAttribute(name, String(value));
    const title = document.createElementNS(SVG_NS, "title");
    const days = bin.start === bin.end ? bin.start : `${bin.start} to ${bin.end}`;
    title.textContent = `${days}: ${bin.count === 1 ? "1 document" : `${bin.count} documents`}`;
    bar.append(title);
    return bar;
  });
  svg.replaceChildren(...bars);
  return bars;
}

/** Wires #timeline from the page's document list. */
export function createTimelineController(ctx: PageContext, options: Partial<TimelineOptions> = {}): Controller {
  const { playStepMs } = { ...DEFAULT_TIMELINE_OPTIONS, ...options };
  const { ui } = ctx;
  const root = byId("timeline");
  const note = byId("timeline-note");
  const svg = root.querySelector<SVGSVGElement>("svg.timeline-bars")!;
  const startHandle = byId<HTMLInputElement>("timeline-start");
  const endHandle = byId<HTMLInputElement>("timeline-end");
  const sinceInput = byId<HTMLInputElement>("timeline-since");
  const untilInput = byId<HTMLInputElement>("timeline-until");
  const play = byId<HTMLButtonElement>("timeline-play");
  const line = byId("timeline-window");
  let alive = true;
  let timer: ReturnType<typeof setInterval> | undefined;
  let offs: (() => void)[] = [];

  const stop = () => {
    clearInterval(timer);
    timer = undefined;
    play.textContent = "Play";
    play.setAttribute("aria-pressed", "false");
  };

  const setUp = (documents: DocumentList["documents"]) => {
    const days = documentDays(documents);
    const binned = binDocuments(documents);
    if (!binned || days.length < 2) {
      root.hidden = true;
      note.textContent =
        days.length === 0
          ? "No timeline: no document is dated."
          : `No timeline: every document is dated ${days[0]}; it needs documents from two days or more.`;
      note.title = note.textContent;
      return;
    }
    root.hidden = false;
    note.textContent = "";
    // The handles cover the bins' days, so they line up with the bars (a week's bins start before the first day).
    const span: DaySpan = { first: binned.bins[0].start, last: binned.bins[binned.bins.length - 1].end };
    const bars = drawBars(svg, binned);
    byId("timeline-first").textContent = days[0];
    byId("timeline-last").textContent = `${days[days.length - 1]} · per ${binned.unit}`;
    for (const input of [startHandle, endHandle])
      Object.assign(input, { min: "0", max: String(daysBetween(span.first, span.last)) });
    for (const input of [sinceInput, untilInput]) Object.assign(input, { min: span.first, max: span.last });

    const render = (window: TimeWindow) => {
      const since = window.since ?? span.first;
      const until = window.until ?? span.last;
      startHandle.value = String(daysBetween(span.first, since));
      endHandle.value = String(daysBetween(span.first, until));
      sinceInput.value = since;
      untilInput.value = until;
      binned.bins.forEach((bin, i) => bars[i].classList.toggle("in-window", bin.end >= since && bin.start <= until));
      line.textContent = describeWindow(window);
    };
    const commit = (wanted: TimeWindow) => {
      const window = normalizeWindow(wanted, span);
      if (sameWindow(window, ui.state.timeWindow)) render(window);
      else ui.set({ timeWindow: window });
    };
    const fromHandles = () => ({
      since: addDays(span.first, Number(startHandle.value)),
      until: addDays(span.first, Number(endHandle.value)),
    });
    const step = () => {
      const next = nextPlayWindow(ui.state.timeWindow, days);
      if (next) ui.set({ timeWindow: next });
      if (!next || next.until === null) stop();
    };
    const toggle = () => {
      if (timer !== undefined) return stop();
      play.textContent = "Stop";
      play.setAttribute("aria-pressed", "true");
      step();
      if (play.getAttribute("aria-pressed") === "true") timer = setInterval(step, playStepMs);
    };
    // A handle shows where it is while dragged; the window (and the graph's reload) follows when it is let go.
    const preview = () => render(normalizeWindow(fromHandles(), span));
    const byHand = (window: () => TimeWindow) => () => {
      stop();
      commit(window());
    };
    render(ui.state.timeWindow);
    const unsubscribe = ui.subscribe((state, previous) => {
      if (state.timeWindow !== previous.timeWindow) render(state.timeWindow);
    });
    offs = [
      unsubscribe,
      listen(startHandle, "input", preview),
      listen(endHandle, "input", preview),
      listen(startHandle, "change", byHand(fromHandles)),
      listen(endHandle, "change", byHand(fromHandles)),
      listen(
        sinceInput,
        "change",
        byHand(() => ({ since: sinceInput.value || null, until: ui.state.timeWindow.until })),
      ),
      listen(
        untilInput,
        "change",
        byHand(() => ({ since: ui.state.timeWindow.since, until: untilInput.value || null })),
      ),
      listen(play, "click", toggle),
      listen(
        byId("timeline-all"),
        "click",
        byHand(() => ({ since: null, until: null })),
      ),
    ];
  };

  ctx.documents().then(
    ({ documents }) => {
      if (alive) setUp(documents);
    },
    (error: unknown) => {
      if (!alive) return;
      root.hidden = true;
      note.textContent = `No timeline: cannot list the documents (${(error as Error).message}).`;
    },
  );
  return {
    kill() {
      alive = false;
      stop();
      offs.forEach((off) => off());
    },
  };
}
