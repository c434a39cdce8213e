/**
 * Colours: CSS colour strings to r/g/b(/a) channels for GEXF, and channels back to the builder's `#rrggbb`.
 */

/** A colour as channels: r, g, b in 0–255, alpha in 0–1 (absent means opaque). */
export interface RgbaColor {
  r: number;
  g: number;
  b: number;
  a?: number;
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*([\d.]+)\s*)?\)$/i;

/**
 * Parses `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb(r,g,b)` and `rgba(r,g,b,a)`; null for anything else (colour names
 * included: GEXF readers disagree on them, so they are not written).
 */
export function parseColor(value: unknown): RgbaColor | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  const hex = HEX.exec(text);
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join("") : hex[1];
    const channel = (i: number) => parseInt(digits.slice(i * 2, i * 2 + 2), 16);
    const color: RgbaColor = { r: channel(0), g: channel(1), b: channel(2) };
    if (digits.length === 8) color.a = Math.round((channel(3) / 255) * 1000) / 1000;
    return color;
  }
  const rgb = RGB.exec(text);
  if (!rgb) return null;
  const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map((c) => Math.min(255, Number(c)));
  const color: RgbaColor = { r, g, b };
  if (rgb[4] !== undefined) color.a = Math.min(1, Number(rgb[4]));
  return color;
}

/** `#rrggbb` for an opaque colour; `rgba(r,g,b,a)` when it has transparency. */
export function formatColor(color: RgbaColor): string {
  if (color.a !== undefined && color.a < 1) return `rgba(${color.r},${color.g},${color.b},${color.a})`;
  return "#" + [color.r, color.g, color.b].map((c) => c.toString(16).padStart(2, "0")).join("");
}
