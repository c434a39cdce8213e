/**
 * Process usage: the memory and CPU time of a served child's whole process group (npm start runs node under a shell).
 */

/** Largest resident set and total CPU seconds of the processes in `pid`'s group, from ps; null when unavailable. */
export async function groupUsage(pid: number): Promise<{ rssMb: number; cpuSeconds: number } | null> {
  const { execFileSync } = await import("node:child_process");
  try {
    const out = execFileSync("ps", ["-eo", "pgid=,rss=,times="], { encoding: "utf8" });
    const rows = out
      .split("\n")
      .map((line) => line.trim().split(/\s+/).map(Number))
      .filter(([group]) => group === pid);
    if (rows.length === 0) return null;
    return {
      rssMb: Math.round(Math.max(...rows.map(([, rss]) => rss)) / 1024),
      cpuSeconds: rows.reduce((sum, [, , cpu]) => sum + cpu, 0),
    };
  } catch {
    return null;
  }
}
