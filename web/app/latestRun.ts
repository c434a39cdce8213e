/**
 * Latest run: runs an async task so that calls made while it runs collapse into one more run after it — the last
 * state wins and no two runs overlap (the timeline's "play" changes the window faster than a big graph reloads).
 */

/** Wraps `task`; the returned function starts it now, or once more after the current run when one is under way. */
export function latestRun(task: () => Promise<void>, onError: (error: unknown) => void): () => void {
  let running = false;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    task()
      .catch(onError)
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  return run;
}
