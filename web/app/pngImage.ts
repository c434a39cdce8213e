/**
 * PNG image of the view: the graph drawn at (at least) twice the screen's resolution, framed with the graph's name
 * above and a legend of the entity types below — an image that still says what it shows once it leaves the page.
 */
import { drawOnCanvas } from "@sigma/export-image";
import type Sigma from "sigma";
import type { Settings } from "sigma/settings";

/** Tunables of {@link drawFramedImage}. */
export interface PngImageOptions {
  /** Resolution of the image relative to the screen's CSS pixels; at least 2. */
  scale: number;
  backgroundColor: string;
  inkColor: string;
  mutedColor: string;
  font: string;
  /** Margin around the title and the legend, in CSS pixels. */
  margin: number;
}

export const DEFAULT_PNG_IMAGE_OPTIONS: PngImageOptions = {
  scale: 2,
  backgroundColor: "#ffffff",
  inkColor: "#1f1f23",
  mutedColor: "#6b6b73",
  font: "system-ui, -apple-system, 'Segoe UI', sans-serif",
  margin: 16,
};

/** What the frame says: the title, a line under it, and one legend entry per type shown. */
export interface ImageFrame {
  title: string;
  subtitle: string;
  legend: { label: string; color: string }[];
}

/**
 * Runs `draw` with `window.devicePixelRatio` set to `ratio`. sigma and @sigma/export-image size their canvases by it,
 * so this is how the plugin draws the same view at a higher resolution (its width/height options would instead show
 * more of the graph at the same size). The property is [Replaceable]: its own descriptor is put back afterwards.
 */
async function withPixelRatio<T>(ratio: number, draw: () => Promise<T>): Promise<T> {
  const own = Object.getOwnPropertyDescriptor(window, "devicePixelRatio");
  Object.defineProperty(window, "devicePixelRatio", { value: ratio, configurable: true, writable: true });
  try {
    return await draw();
  } finally {
    if (own) Object.defineProperty(window, "devicePixelRatio", own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
}

/** Lays the legend's entries out in rows no wider than `width`; returns each entry's position and the rows' count. */
function legendRows(ctx: CanvasRenderingContext2D, frame: ImageFrame, width: number, size: number) {
  const gap = size * 1.4;
  let x = 0;
  let row = 0;
  const placed = frame.legend.map((entry) => {
    const entryWidth = size + 6 + ctx.measureText(entry.label).width;
    if (x > 0 && x + entryWidth > width) [x, row] = [0, row + 1];
    const at = { entry, x, row };
    x += entryWidth + gap;
    return at;
  });
  return { placed, rows: frame.legend.length > 0 ? row + 1 : 0 };
}

/** Draws `renderer`'s view at `scale`× with the title above and the legend below; resolves to the finished canvas. */
export async function drawFramedImage(
  renderer: Sigma,
  frame: ImageFrame,
  sigmaSettings: Partial<Settings>,
  withTempRenderer: (tmp: Sigma) => void,
  options: Partial<PngImageOptions> = {},
): Promise<HTMLCanvasElement> {
  const o = { ...DEFAULT_PNG_IMAGE_OPTIONS, ...options };
  const scale = Math.max(2, o.scale, window.devicePixelRatio || 1);
  const graph = await withPixelRatio(scale, () =>
    drawOnCanvas(renderer, { backgroundColor: o.backgroundColor, sigmaSettings, withTempRenderer }),
  );
  const { width } = renderer.getDimensions();
  const canvas = document.createElement("canvas");
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("png: the browser gives no 2D canvas; try another browser");
  const legendSize = 13;
  ctx.font = `${legendSize}px ${o.font}`;
  const { placed, rows } = legendRows(ctx, frame, width - 2 * o.margin, legendSize);
  const header = o.margin + 22 + 6 + 14 + o.margin / 2;
  const footer = rows > 0 ? o.margin / 2 + rows * (legendSize + 10) + o.margin / 2 : 0;
  canvas.width = graph.width;
  canvas.height = graph.height + Math.round((header + footer) * scale);
  ctx.scale(scale, scale);
  ctx.fillStyle = o.backgroundColor;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = "top";
  ctx.fillStyle = o.inkColor;
  ctx.font = `700 20px ${o.font}`;
  ctx.fillText(frame.title, o.margin, o.margin);
  ctx.fillStyle = o.mutedColor;
  ctx.font = `13px ${o.font}`;
  ctx.fillText(frame.subtitle, o.margin, o.margin + 28);
  ctx.drawImage(graph, 0, header, graph.width / scale, graph.height / scale);
  const legendTop = header + graph.height / scale + o.margin / 2;
  ctx.font = `${legendSize}px ${o.font}`;
  for (const { entry, x, row } of placed) {
    const y = legendTop + row * (legendSize + 10);
    ctx.fillStyle = entry.color;
    ctx.beginPath();
    ctx.arc(o.margin + x + legendSize / 2, y + legendSize / 2, legendSize / 2, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = o.inkColor;
    ctx.fillText(entry.label, o.margin + x + legendSize + 6, y);
  }
  return canvas;
}
