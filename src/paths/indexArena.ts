/**
 * Index arena: the typed arrays of one path index carved one after another out of a single SharedArrayBuffer, which a
 * later index of the same graph object may take over instead of allocating its own.
 */

/** Room left in a buffer allocated for a graph that writes are changing, so the next versions fit in it as it grows. */
const HEADROOM = 1.125;

/** Buffers allocated here: only these are rewritten (an index read from a snapshot views the snapshot's memory). */
const OWNED = new WeakSet<SharedArrayBuffer>();

/** Typed arrays carved one after another out of a single SharedArrayBuffer. */
export class Arena {
  readonly buffer: SharedArrayBuffer;
  #used = 0;

  /**
   * An arena of `bytes`: in `previous` when it was allocated here and is large enough (its contents are overwritten,
   * so nothing may read it any more), else in a new buffer, with headroom when it replaces a previous one.
   */
  constructor(bytes: number, previous: SharedArrayBuffer | null = null) {
    if (previous && OWNED.has(previous) && previous.byteLength >= bytes) this.buffer = previous;
    else {
      this.buffer = new SharedArrayBuffer(previous ? Math.ceil((bytes * HEADROOM) / 8) * 8 : bytes);
      OWNED.add(this.buffer);
    }
  }

  /** The next `length` Float64s (carve them first: they stay 8-byte aligned). Not zeroed when the buffer is reused. */
  float64(length: number): Float64Array {
    const array = new Float64Array(this.buffer, this.#used, length);
    this.#used += 8 * length;
    return array;
  }

  /** The next `length` Int32s. Not zeroed when the buffer is reused. */
  int32(length: number): Int32Array {
    const array = new Int32Array(this.buffer, this.#used, length);
    this.#used += 4 * length;
    return array;
  }
}
