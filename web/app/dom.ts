/**
 * DOM helpers: build elements whose text is always set with textContent, so data never becomes HTML.
 */

/** Attributes accepted by {@link el}: strings become attributes, `false`/`undefined` are left out. */
export type ElAttributes = Record<string, string | number | boolean | undefined>;

/** Creates `<tag>` with attributes and children; strings are appended as text nodes, never parsed. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: ElAttributes = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}

/** Looks up an element of the page by id; a missing one is a bug in index.html, so say which. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`web: the page has no element #${id}; check web/index.html`);
  return element as T;
}

/** Adds a listener and returns the function that removes it (controllers collect these for kill()). */
export function listen<K extends keyof HTMLElementEventMap>(
  target: HTMLElement | Window | Document,
  type: K,
  handler: (event: HTMLElementEventMap[K]) => void,
): () => void {
  target.addEventListener(type, handler as EventListener);
  return () => target.removeEventListener(type, handler as EventListener);
}
