/**
 * Timeline controller: a histogram of the documents per day (or week), a two-handle brush and two date inputs that
 * set the time window the graph, the path finder and the visible GEXF keep to, and "play", which steps the window's
 * end through the document days. Hidden, with a line saying why, when the documents are not from two days or more.
 */
import type { DocumentList } from "../app/api.ts";
import type { PageContext } from "../app/context.ts";
import { byId, listen } from "../app/dom.ts";
import {
  addDays,
  binDocuments,
  daysBetween,
  documentDays,
  noTimelineReason,
  type TimelineBins,
} from "../app/timelineBins.ts";
import {
  describeWindow,
  nextPlayWindow,
  normalizeWindow,
  OPEN_WINDOW,
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

/** The timeline's elements in index.html. */
interface TimelineElements {
  root: HTMLElement;
  note: HTMLElement;
  svg: SVGSVGElement;
  startHandle: HTMLInputElement;
  endHandle: HTMLInputElement;
  sinceInput: HTMLInputElement;
  untilInput: HTMLInputElement;
  play: HTMLButtonElement;
  line: HTMLElement;
}

/** Looks the timeline's elements up once. */
function timelineElements(): TimelineElements {
  const root = byId("timeline");
  return {
    root,
    note: byId("timeline-note"),
    svg: root.querySelector<SVGSVGElement>("svg.timeline-bars")!,
    startHandle: byId<HTMLInputElement>("timeline-start"),
    endHandle: byId<HTMLInputElement>("timeline-end"),
    sinceInput: byId<HTMLInputElement>("timeline-since"),
    untilInput: byId<HTMLInputElement>("timeline-until"),
    play: byId<HTMLButtonElement>("timeline-play"),
    line: byId("timeline-window"),
  };
}

/** What the drawn histogram is: its bins, their bars and the days the handles cover. */
interface DrawnTimeline {
  binned: TimelineBins;
  bars: SVGRectElement[];
  span: DaySpan;
}

/** Draws the bars and the span's ends and sets the inputs' bounds. */
function drawTimeline(els: TimelineElements, binned: TimelineBins, days: string[]): DrawnTimeline {
  // The handles cover the bins' days, so they line up with the bars (a week's bins start before the first day).
  const span: DaySpan = { first: binned.bins[0].start, last: binned.bins[binned.bins.length - 1].end };
  const bars = drawBars(els.svg, binned);
  byId("timeline-first").textContent = days[0];
  byId("timeline-last").textContent = `${days[days.length - 1]} · per ${binned.unit}`;
  for (const input of [els.startHandle, els.endHandle])
    Object.assign(input, { min: "0", max: String(daysBetween(span.first, span.last)) });
  for (const input of [els.sinceInput, els.untilInput]) Object.assign(input, { min: span.first, max: span.last });
  return { binned, bars, span };
}

/** Puts the handles, the date inputs, the bars in the window and the line in step with `window`. */
function renderWindow(els: TimelineElements, { binned, bars, span }: DrawnTimeline, window: TimeWindow): void {
  const since = window.since ?? span.first;
  const until = window.until ?? span.last;
  els.startHandle.value = String(daysBetween(span.first, since));
  els.endHandle.value = String(daysBetween(span.first, until));
  els.sinceInput.value = since;
  els.untilInput.value = until;
  binned.bins.forEach((bin, i) => bars[i].classList.toggle("in-window", bin.end >= since && bin.start <= until));
  els.line.textContent = describeWindow(window);
}

/** Wires #timeline from the page's document list. */
export function createTimelineController(ctx: PageContext, options: Partial<TimelineOptions> = {}): Controller {
  const { playStepMs } = { ...DEFAULT_TIMELINE_OPTIONS, ...options };
  const { ui } = ctx;
  const els = timelineElements();
  const { play } = els;
  let alive = true;
  let timer: ReturnType<typeof setInterval> | undefined;
  let offs: (() => void)[] = [];

  const stop = () => {
    clearInterval(timer);
    timer = undefined;
    play.textContent = "Play";
    play.setAttribute("aria-pressed", "false");
  };
  const absent = (reason: string) => {
    els.root.hidden = true;
    els.note.textContent = reason;
    els.note.title = reason;
  };

  const setUp = (documents: DocumentList["documents"]) => {
    const days = documentDays(documents);
    const binned = binDocuments(documents);
    const reason = noTimelineReason(days);
    if (reason || !binned) return absent(reason ?? "");
    els.root.hidden = false;
    els.note.textContent = "";
    const drawn = drawTimeline(els, binned, days);
    const { span } = drawn;
    const render = (window: TimeWindow) => renderWindow(els, drawn, window);
    const commit = (wanted: TimeWindow) => {
      const window = normalizeWindow(wanted, span);
      if (sameWindow(window, ui.state.timeWindow)) render(window);
      else ui.set({ timeWindow: window });
    };
    // The days change here; the minimum support (controllers/support.ts) stays as it is.
    const fromHandles = () => ({
      ...ui.state.timeWindow,
      since: addDays(span.first, Number(els.startHandle.value)),
      until: addDays(span.first, Number(els.endHandle.value)),
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
      // The first step may already have been the last.
      if (play.getAttribute("aria-pressed") === "true") timer = setInterval(step, playStepMs);
    };
    // A handle shows where it is while dragged; the window (and the graph's reload) follows when it is let go.
    const preview = () => render(normalizeWindow(fromHandles(), span));
    const byHand = (window: () => TimeWindow) => () => {
      stop();
      commit(window());
    };
    const sinceTyped = () => ({ ...ui.state.timeWindow, since: els.sinceInput.value || null });
    const untilTyped = () => ({ ...ui.state.timeWindow, until: els.untilInput.value || null });
    render(ui.state.timeWindow);
    offs = [
      ui.subscribe((state, previous) => {
        if (state.timeWindow !== previous.timeWindow) render(state.timeWindow);
      }),
      listen(els.startHandle, "input", preview),
      listen(els.endHandle, "input", preview),
      listen(els.startHandle, "change", byHand(fromHandles)),
      listen(els.endHandle, "change", byHand(fromHandles)),
      listen(els.sinceInput, "change", byHand(sinceTyped)),
      listen(els.untilInput, "change", byHand(untilTyped)),
      listen(play, "click", toggle),
      listen(
        byId("timeline-all"),
        "click",
        byHand(() => ({ ...OPEN_WINDOW, minSupport: ui.state.timeWindow.minSupport })),
      ),
    ];
  };

  ctx.documents().then(
    ({ documents }) => {
      if (alive) setUp(documents);
    },
    (error: unknown) => {
      if (alive) absent(`No timeline: cannot list the documents (${(error as Error).message}).`);
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
