/**
 * Peer measures: python3-networkx and python3-igraph timed on the same file and pairs (directed shortest paths),
 * or a row saying they are absent.
 */
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { lowerIsBetter, round, type Row } from "../report.ts";
import { REPO_ROOT } from "../util/child.ts";

/** Debian's interpreter first: python3-networkx and python3-igraph install there. */
const PYTHONS = ["/usr/bin/python3", "python3"];
const SCRIPT = path.join(REPO_ROOT, "bench", "python", "peers.py");

interface PeerResult {
  parseMs: number;
  networkxVersion?: string;
  networkxBuildMs?: number;
  networkx?: { count: number; p50: number; p99: number };
  networkxLengths?: (number | null)[];
  networkxError?: string;
  igraphVersion?: string;
  igraphBuildMs?: number;
  igraph?: { count: number; p50: number; p99: number };
  igraphLengths?: (number | null)[];
  igraphError?: string;
}

/** What ours measured on the same pairs, to compare with. */
export interface OurPathFigures {
  p50: number;
  p99: number;
  loadMs: number;
  lengths: (number | null)[];
}

/** The interpreter that has networkx or igraph, with which of them; null when neither is installed. */
export function findPython(): { python: string; networkx: boolean; igraph: boolean } | null {
  for (const python of PYTHONS) {
    const has = (module: string) => spawnSync(python, ["-c", `import ${module}`]).status === 0;
    const found = { python, networkx: has("networkx"), igraph: has("igraph") };
    if (found.networkx || found.igraph) return found;
  }
  return null;
}

/** Runs the peers on `file` and `pairs`; bounded by `timeoutMs`. */
export async function measurePeers(
  tier: string,
  file: string,
  pairs: [string, string][],
  ours: OurPathFigures,
  workDir: string,
  timeoutMs = 240_000,
): Promise<Row[]> {
  const found = findPython();
  if (!found) {
    return [
      {
        tier,
        measure: "networkx / igraph",
        value: null,
        unit: "",
        note: "absent: install python3-networkx python3-igraph",
      },
    ];
  }
  const pairsFile = path.join(workDir, `pairs-${tier.replace(/[^a-z0-9]+/gi, "-")}.json`);
  writeFileSync(pairsFile, JSON.stringify(pairs));
  const result = await runPython<PeerResult>(found.python, [SCRIPT, file, pairsFile, "60"], timeoutMs);
  const rows: Row[] = [];
  for (const peer of ["networkx", "igraph"] as const) {
    const figures = result[peer];
    if (!figures) {
      rows.push({
        tier,
        measure: `${peer} shortest path`,
        value: null,
        unit: "",
        note: `absent (${result[`${peer}Error`] ?? "not installed"})`,
      });
      continue;
    }
    const lengths = result[`${peer}Lengths`] ?? [];
    const differing = lengths.filter((l, i) => l !== ours.lengths[i]).length;
    const version = result[`${peer}Version`];
    const load = result.parseMs + (result[`${peer}BuildMs`] ?? 0);
    rows.push(
      {
        tier,
        measure: "shortest path p50 (directed, in process)",
        value: round(ours.p50, 3),
        unit: "ms",
        baseline: `${peer} ${version}`,
        baselineValue: round(figures.p50, 3),
        ratio: lowerIsBetter(ours.p50, figures.p50),
        note: `${figures.count} pairs, ${differing} lengths differ from graphology's; ${peer} p99 ${round(figures.p99, 2)} ms (ours ${round(ours.p99, 2)})`,
      },
      {
        tier,
        measure: "load graph file",
        value: round(ours.loadMs),
        unit: "ms",
        baseline: `${peer} (json.load + build)`,
        baselineValue: round(load),
        ratio: lowerIsBetter(ours.loadMs, load),
      },
    );
  }
  return rows;
}

function runPython<T>(python: string, args: string[], timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err = (err + d).slice(-2000)));
    child.on("close", (code) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? "") as T);
      } catch {
        reject(new Error(`bench: ${python} peers.py failed (${code}): ${err}`));
      }
    });
  });
}
