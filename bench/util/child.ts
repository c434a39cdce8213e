/**
 * Child processes: runs a bench script in its own Node process (clean memory figures) and reads its JSON answer.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Node flags of bench children: tsx for TypeScript, gc for memory figures, the heap the big tiers need. */
export const CHILD_NODE_FLAGS = ["--import", "tsx", "--expose-gc", "--max-old-space-size=12288"];

/** Tunables of {@link runChild}. */
export interface ChildOptions {
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
  /** Node flags of the child. */
  nodeFlags: string[];
}

export const DEFAULT_CHILD_OPTIONS: ChildOptions = { timeoutMs: 300_000, env: {}, nodeFlags: CHILD_NODE_FLAGS };

/** Runs `bench/child/<script>.ts args…`; resolves with the JSON object it prints last on stdout. */
export function runChild<T>(script: string, args: string[], options: Partial<ChildOptions> = {}): Promise<T> {
  const { timeoutMs, env, nodeFlags } = { ...DEFAULT_CHILD_OPTIONS, ...options };
  const child = spawn(process.execPath, [...nodeFlags, childScript(script), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise<T>((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`bench: child ${script} took longer than ${timeoutMs} ms; it was stopped`));
    }, timeoutMs);
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (err += d));
    child.on("close", (code) => {
      clearTimeout(timer);
      const last = out.trim().split("\n").pop() ?? "";
      if (code !== 0) return reject(new Error(`bench: child ${script} exited with ${code}: ${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`bench: child ${script} printed no JSON result: ${out.slice(-500)} ${err.slice(-500)}`));
      }
    });
  });
}

/** A long-running child that prints one JSON line when ready (e.g. its URLs) and runs until stopped. */
export interface ServiceChild<T> {
  ready: T;
  process: ChildProcess;
  stop: () => Promise<void>;
}

/** Extra Node flags of service children (`KG_BENCH_CHILD_FLAGS="--cpu-prof --trace-gc"`: profile the measured server). */
const EXTRA_SERVICE_FLAGS = (process.env.KG_BENCH_CHILD_FLAGS ?? "").split(" ").filter(Boolean);

/** A file that receives service children's stdout, where `--trace-gc` writes (`KG_BENCH_CHILD_LOG`), or null. */
const STDOUT_LOG = process.env.KG_BENCH_CHILD_LOG ?? null;

const logStdout = (chunk: Buffer | string) => {
  if (STDOUT_LOG) appendFileSync(STDOUT_LOG, chunk);
};

/** Starts `bench/child/<script>.ts` and waits (bounded) for its first stdout line, parsed as JSON. */
export function startServiceChild<T>(script: string, args: string[], timeoutMs = 300_000): Promise<ServiceChild<T>> {
  const child = spawn(process.execPath, [...CHILD_NODE_FLAGS, ...EXTRA_SERVICE_FLAGS, childScript(script), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return waitForLine(child, timeoutMs, (line) => JSON.parse(line) as T);
}

/** Waits for the first stdout line `parse` accepts; kills the child on timeout or early exit. */
export function waitForLine<T>(
  child: ChildProcess,
  timeoutMs: number,
  parse: (line: string) => T | undefined,
  kill: (signal: NodeJS.Signals) => void = (signal) => child.kill(signal),
): Promise<ServiceChild<T>> {
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      kill("SIGTERM");
      setTimeout(() => kill("SIGKILL"), 5000).unref();
    });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`bench: ${child.spawnargs.join(" ")} was not ready within ${timeoutMs} ms`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`bench: ${child.spawnargs.slice(-3).join(" ")} exited early (${code}): ${err.slice(-1500)}`));
    };
    child.stderr!.on("data", (d) => (err = (err + d).slice(-4000)));
    child.stdout!.on("data", (d) => {
      logStdout(d);
      out += d;
      for (const line of out.split("\n")) {
        let value: T | undefined;
        try {
          value = parse(line.trim());
        } catch {
          value = undefined;
        }
        if (value !== undefined) {
          clearTimeout(timer);
          child.off("exit", onExit);
          child.stdout!.removeAllListeners("data");
          if (STDOUT_LOG) child.stdout!.on("data", logStdout);
          child.stdout!.resume();
          return resolve({ ready: value, process: child, stop });
        }
      }
    });
    child.once("exit", onExit);
  });
}

function childScript(script: string): string {
  return path.join(REPO_ROOT, "bench", "child", `${script}.ts`);
}
