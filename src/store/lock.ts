/**
 * Write lock: serialises writes to one graph-data root, within a process (a promise queue) and across processes
 * (an exclusive lock file naming its owner, broken when that owner no longer exists).
 *
 * A pid alone does not name a process for long: in a container every start may get the same small pid, so a crashed
 * server's lock would name the restarted one. The lock file therefore records the pid, the process's start time
 * (field 22 of /proc/<pid>/stat) and the boot id; a holder is alive only when a process with that pid exists and,
 * where Linux lets us check, started at the recorded time in the same boot. A lock naming this process's pid with
 * another start time is a previous life of it, never a foreign holder.
 */
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { bootId, processStartTime } from "./processIdentity.ts";
import type { DataFiles } from "./dataFiles.ts";

/** Tunables of {@link withWriteLock}. */
export interface LockOptions {
  /** Give up waiting for another process's lock after this long. */
  timeoutMs: number;
  /** Poll interval while another process holds the lock. */
  pollMs: number;
}

export const DEFAULT_LOCK_OPTIONS: LockOptions = { timeoutMs: 30_000, pollMs: 25 };

/** Thrown when the lock stays held by another live process for longer than the timeout. */
export class LockTimeoutError extends Error {
  constructor(file: string, owner: string) {
    super(
      `ingest: graph-data is being written by process ${owner || "?"} (lock ${file}); try again, or delete the lock file if no kg process is running`,
    );
    this.name = "LockTimeoutError";
  }
}

/** A waiter's turn lapses when its turn file has not been touched for this long (it polls every `pollMs`). */
const TURN_STALE_MS = 2000;

// One queue per lock file: writes of this process run one after the other.
const queues = new Map<string, Promise<unknown>>();
let tokenCounter = 0;
// Who this process is, read once: the start time and boot id never change while it runs ("-" when unknown).
const SELF = { pid: process.pid, startTime: processStartTime(process.pid) ?? "-", bootId: bootId() ?? "-" };

/** Runs `task` while holding the root's write lock; tasks of this process run in call order. */
export function withWriteLock<T>(
  dataFiles: DataFiles,
  task: () => Promise<T> | T,
  options: Partial<LockOptions> = {},
): Promise<T> {
  const opts = { ...DEFAULT_LOCK_OPTIONS, ...options };
  const previous = queues.get(dataFiles.lockFile) ?? Promise.resolve();
  const run = previous.then(async () => {
    const token = await acquire(dataFiles.lockFile, opts);
    try {
      return await task();
    } finally {
      release(dataFiles.lockFile, token);
    }
  });
  // The queue continues whether this task succeeded or not.
  const tail = run.catch(() => undefined);
  queues.set(dataFiles.lockFile, tail);
  void tail.then(() => {
    if (queues.get(dataFiles.lockFile) === tail) queues.delete(dataFiles.lockFile);
  });
  return run;
}

/** Takes the lock only if it is free right now (or held by this process); returns a release function or null. */
export function tryWriteLockSync(dataFiles: DataFiles): (() => void) | null {
  const owner = readOwner(dataFiles.lockFile);
  if (owner && isSelf(owner)) return () => undefined;
  const token = tryCreate(dataFiles.lockFile);
  return token ? () => release(dataFiles.lockFile, token) : null;
}

/**
 * Takes the lock, waiting in turn. A process that finds the lock held claims the turn file (`<lock>.next`), and while
 * it waits no other process takes the lock: without it, a `kg ingest` that takes the lock again a millisecond after
 * each step would leave a server polling every `pollMs` waiting for the whole run.
 */
async function acquire(file: string, { timeoutMs, pollMs }: LockOptions): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const turn = `${file}.next`;
  let claimed: string | null = null;
  try {
    for (;;) {
      const token = othersTurn(turn, claimed) ? null : tryCreate(file);
      if (token) return token;
      claimed ??= createExclusive(turn);
      if (claimed) touch(turn);
      if (Date.now() > deadline) throw new LockTimeoutError(file, readOwner(file)?.raw ?? "");
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  } finally {
    if (claimed) release(turn, claimed);
  }
}

/** Whether another live process waits for the lock and has touched its turn file lately. */
function othersTurn(turn: string, claimed: string | null): boolean {
  const owner = readOwner(turn);
  if (!owner || owner.raw === claimed || owner.pid === SELF.pid) return false;
  if (!holderAlive(owner)) {
    breakStaleLock(turn, owner.raw);
    return false;
  }
  const touched = statSync(turn, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return Date.now() - touched < TURN_STALE_MS;
}

/** Marks the turn file as still wanted (a waiter that stopped polling loses its turn after {@link TURN_STALE_MS}). */
function touch(turn: string): void {
  const now = new Date();
  try {
    utimesSync(turn, now, now);
  } catch {
    // removed meanwhile: claimed again on the next poll
  }
}

/** Creates the lock file exclusively; breaks it first when its owner has died. Returns the owner token or null. */
function tryCreate(file: string): string | null {
  const token = createExclusive(file);
  if (token) return token;
  const owner = readOwner(file);
  if (owner && !holderAlive(owner)) breakStaleLock(file, owner.raw);
  return null;
}

/**
 * Creates `file` holding a new owner token, unless it exists; the token or null. The token is written to a file of
 * our own first and linked into place, so that no other process ever reads the file empty (a holder that found a
 * waiter's turn file still empty took the lock again before it).
 */
function createExclusive(file: string): string | null {
  const token = `${SELF.pid} ${Date.now()} ${++tokenCounter} ${SELF.startTime} ${SELF.bootId}`;
  const own = path.join(path.dirname(file), `.${path.basename(file)}.${SELF.pid}.${tokenCounter}.tmp`);
  const fd = openSync(own, "wx", 0o644);
  try {
    try {
      writeSync(fd, token);
    } finally {
      closeSync(fd);
    }
    linkSync(own, file);
    return token;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return null;
  } finally {
    rmSync(own, { force: true });
  }
}

/**
 * Moves a dead process's lock aside. Renaming (rather than deleting) lets us check that the file we moved is still the
 * stale one; if a live process re-created the lock in between, its file is put back.
 */
function breakStaleLock(file: string, staleContent: string): void {
  const aside = `${file}.stale-${process.pid}-${++tokenCounter}`;
  try {
    renameSync(file, aside);
  } catch {
    return;
  }
  if (readFileSync(aside, "utf8") !== staleContent) {
    try {
      linkSync(aside, file); // exclusive: fails if yet another lock appeared meanwhile
    } catch {
      // that newer lock stands
    }
  }
  rmSync(aside, { force: true });
}

function release(file: string, token: string): void {
  if (readOwner(file)?.raw === token) rmSync(file, { force: true });
}

/** A lock file's owner: `pid time counter [startTime bootId]` (older locks have the first three fields only). */
interface LockOwner {
  raw: string;
  pid: number;
  /** null when not recorded ("-" or an older lock). */
  startTime: string | null;
  bootId: string | null;
}

function readOwner(file: string): LockOwner | null {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  const [pid, , , startTime, boot] = raw.trim().split(/\s+/);
  const known = (value: string | undefined) => (value && value !== "-" ? value : null);
  return { raw, pid: Number.parseInt(pid, 10), startTime: known(startTime), bootId: known(boot) };
}

/** Whether the lock was taken by this very process (same pid and start time). */
function isSelf(owner: LockOwner): boolean {
  return owner.pid === SELF.pid && owner.startTime !== null && owner.startTime === SELF.startTime;
}

/** Whether the lock's holder still runs: same boot, the pid exists, and it started when the lock says. */
function holderAlive(owner: LockOwner): boolean {
  if (owner.bootId !== null && SELF.bootId !== "-" && owner.bootId !== SELF.bootId) return false;
  // Our own pid: either this process holds it, or a previous process that had our pid died holding it.
  if (owner.pid === SELF.pid) return isSelf(owner);
  if (!isAlive(owner.pid)) return false;
  if (owner.startTime === null) return true; // an older lock: the pid is all there is to go by
  const started = processStartTime(owner.pid);
  return started === null || started === owner.startTime;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
