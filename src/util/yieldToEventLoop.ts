/**
 * Event-loop yield: lets pending I/O (other HTTP requests) run in the middle of a long synchronous job.
 */
import { setImmediate } from "node:timers/promises";

/** Resolves after the event loop has processed pending I/O callbacks. */
export function yieldToEventLoop(): Promise<void> {
  return setImmediate();
}
