/**
 * Lazy imports: a module imported on first use rather than at start-up, once, so that a command or a server pays for
 * a heavy dependency only when a request needs it.
 */

/**
 * A function that resolves to the module `load` imports, importing it on the first call only. A failed import is
 * not cached (the next call tries again) and is rethrown as `failed(error)`, which should say how to fix it.
 */
export function lazyImport<T>(load: () => Promise<T>, failed: (error: Error) => Error): () => Promise<T> {
  let cached: Promise<T> | null = null;
  return () =>
    (cached ??= load().catch((error: Error) => {
      cached = null;
      throw failed(error);
    }));
}
