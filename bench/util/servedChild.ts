/**
 * Served children of the load test: a server in its own forked process (so its memory is measured alone), driven
 * over IPC — it announces its URL, reports its memory on request and stops on request.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "./child.ts";
import { collectGarbage } from "./memory.ts";

/**
 * Resident memory and used heap of a served child, in bytes: as found, and after a full garbage collection. As found
 * depends on when V8 last collected (with a large heap limit it lets garbage pile up for a long time); after a full
 * collection, what the server still holds — what a leak would grow.
 */
export interface ChildMemory {
  rss: number;
  heapUsed: number;
  rssAfterGc: number;
  heapUsedAfterGc: number;
}

const GC_SETTLE_MS = 1000;

type ChildMessage = { type: "listening"; url: string; loadMs: number } | ({ type: "memory" } & ChildMemory);

/** A served child as the driver sees it. */
export interface ServedChild {
  url: string;
  /** Time from start to listening, graph load and index build included. */
  loadMs: number;
  pid: number;
  memory: () => Promise<ChildMemory>;
  stop: () => Promise<void>;
}

// Child side

/** In the child: tells the driver where it listens, then answers its memory and stop requests. */
export function serveDriver(url: string, loadMs: number, close: () => Promise<void>): void {
  process.send?.({ type: "listening", url, loadMs });
  process.on("message", (message: { type: string }) => {
    if (message.type === "memory") {
      const { rss, heapUsed } = process.memoryUsage();
      collectGarbage();
      // V8 hands freed pages back to the system from a background thread: read once it has had time to.
      setTimeout(() => {
        collectGarbage();
        const after = process.memoryUsage();
        process.send?.({ type: "memory", rss, heapUsed, rssAfterGc: after.rss, heapUsedAfterGc: after.heapUsed });
      }, GC_SETTLE_MS);
    } else if (message.type === "stop") {
      void close().then(() => process.exit(0));
    }
  });
  // The driver gone (crashed or killed), the child must not serve on forever.
  process.on("disconnect", () => process.exit(0));
}

// Driver side

/** Forks `bench/child/<script>.ts file` and waits until it listens. */
export async function forkServedChild(script: string, graphFile: string): Promise<ServedChild> {
  const child = fork(path.join(REPO_ROOT, "bench", "child", `${script}.ts`), [graphFile], {
    cwd: REPO_ROOT,
    execArgv: ["--import", "tsx", "--expose-gc", "--max-old-space-size=8192", ...profileFlags()],
    env: { ...process.env, LOG_LEVEL: "warn" },
  });
  const { url, loadMs } = await nextMessage(child, "listening");
  return {
    url,
    loadMs,
    pid: child.pid!,
    memory: async () => {
      const reply = nextMessage(child, "memory");
      child.send({ type: "memory" });
      const { type: _type, ...memory } = await reply;
      return memory;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send({ type: "stop" });
      setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      await exited;
    },
  };
}

/** With LOAD_CPU_PROFILE=<dir>, each server writes a V8 CPU profile there when it stops (to see where time goes). */
function profileFlags(): string[] {
  const dir = process.env.LOAD_CPU_PROFILE;
  return dir ? ["--cpu-prof", "--cpu-prof-dir", dir] : [];
}

function nextMessage<T extends ChildMessage["type"]>(
  child: ChildProcess,
  type: T,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(message as Extract<ChildMessage, { type: T }>);
    };
    const onExit = (code: number | null) => reject(new Error(`load: the server process exited (code ${code})`));
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}
