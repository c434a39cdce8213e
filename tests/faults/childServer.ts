/**
 * Test helper: runs tests/faults/serverChild.ts as a separate process and waits until it listens.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/** A server running in a child process. */
export interface ChildServer {
  url: string;
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string;
  process: ChildProcess;
  /** Resolves once the process has exited (after a kill or a stop). */
  exited: Promise<void>;
  stop: () => Promise<void>;
}

const CHILD = path.resolve("tests/faults/serverChild.ts");
const START_TIMEOUT_MS = 60_000;

/** Starts the server over `root`; `env` adds variables (e.g. the write-step delay). */
export function startChildServer(root: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, root], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stderr = "";
  let all = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    all += chunk.toString();
  });
  child.stdout!.on("data", (chunk: Buffer) => (all += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server child did not start within ${START_TIMEOUT_MS} ms: ${stderr}`));
    }, START_TIMEOUT_MS);
    let stdout = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      // The first line of the form {"url": …}; log lines (also JSON) may come before it.
      const url = stdout
        .split("\n")
        .map((l) => /^\{"url":"([^"]+)"\}$/.exec(l)?.[1])
        .find(Boolean);
      if (!url) return;
      clearTimeout(timer);
      resolve({
        url,
        output: () => all,
        process: child,
        exited,
        stop: () => {
          child.kill("SIGTERM");
          return exited;
        },
      });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server child exited with ${code} before listening: ${stderr}`));
    });
  });
}

/** Polls `check` every 10 ms until it is true; fails after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
