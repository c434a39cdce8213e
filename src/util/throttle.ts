/**
 * Throttle: runs a function once, a fixed delay after the first of a burst of calls — unlike a debounce, which waits
 * for the calls to stop and so never runs while they keep coming.
 */

/** A throttled function and the way to cancel its pending run. */
export interface Throttled {
  (): void;
  cancel: () => void;
}

/** `run`, called at most once per `delayMs`: `delayMs` after the first call since its last run. */
export function throttle(run: () => void, delayMs: number): Throttled {
  let timer: NodeJS.Timeout | undefined;
  const throttled = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      run();
    }, delayMs);
  };
  return Object.assign(throttled, {
    cancel: () => {
      clearTimeout(timer);
      timer = undefined;
    },
  });
}
