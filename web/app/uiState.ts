/**
 * UI state: the one typed state object of the page and the listeners that react to its changes.
 */
import { OPEN_WINDOW } from "./timelineWindow.ts";
import type { UiState } from "./types.ts";

/** Listener called after every change with the new and the previous state. */
export type UiStateListener = (state: UiState, previous: UiState) => void;

/** The initial state: nothing hovered, selected, hidden or searched, every date shown. */
export const INITIAL_UI_STATE: UiState = {
  hovered: null,
  selection: null,
  hiddenTypes: new Set(),
  hiddenPredicates: new Set(),
  path: { type: "idle" },
  pathEnds: null,
  reading: null,
  layoutRunning: false,
  highlight: null,
  showCandidates: true,
  timeWindow: OPEN_WINDOW,
};

/** A minimal observable holder; state is replaced, never mutated, so listeners can compare old and new. */
export class UiStateHolder {
  #state: UiState;
  readonly #listeners = new Set<UiStateListener>();

  constructor(initial: UiState = INITIAL_UI_STATE) {
    this.#state = initial;
  }

  /** The current state (treat as read-only). */
  get state(): UiState {
    return this.#state;
  }

  /** Merges `patch` into the state and notifies listeners. */
  set(patch: Partial<UiState>): void {
    const previous = this.#state;
    this.#state = { ...previous, ...patch };
    for (const listener of this.#listeners) listener(this.#state, previous);
  }

  /** Calls `listener` after each change; returns the function that unsubscribes it. */
  subscribe(listener: UiStateListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
