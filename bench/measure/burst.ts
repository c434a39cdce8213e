/**
 * Query burst: fifty heavy path queries (mode=all, maxHops 8, limit 1000, answers of about 1 MB after the size cap)
 * sent at once, with /api/health asked every few milliseconds until they are all answered — once with the heavy
 * queries on the event loop (path workers off, as before) and once on path workers, rounds alternating, in one run.
 */
import { request } from "node:http";
import { round, lowerIsBetter, type Row } from "../report.ts";
import { startServiceChild, type ServiceChild } from "../util/child.ts";
import { summarize } from "../util/stats.ts";

/** Tunables of {@link measureBurst}. */
export interface BurstMeasureOptions {
  /** Heavy queries sent at once. */
  burst: number;
  /** Rounds per side, alternating. */
  rounds: number;
  /** Path workers of the "after" side. */
  workers: number;
  /** Pause between two health probes. */
  probeEveryMs: number;
  /** Smallest answer (bytes) a pair must give to be the heavy query. */
  minAnswerBytes: number;
}

export const DEFAULT_BURST_MEASURE_OPTIONS: BurstMeasureOptions = {
  burst: 50,
  rounds: 2,
  workers: 1,
  probeEveryMs: 10,
  minAnswerBytes: 500_000,
};

interface Urls {
  url: string;
  control: string;
}

interface Reply {
  status: number;
  bytes: number;
  retryAfter: boolean;
  json: boolean;
}

/** What one side saw over its rounds. */
interface Side {
  health: number[];
  loopMaxMs: number[];
  ok: number;
  refused: number;
  failed: number;
  burstMs: number[];
  answerBytes: number[];
}

/** Runs both sides on `file`'s graph; rows for health p50 / p99, event-loop delay max and the answers. */
export async function measureBurst(
  tier: string,
  file: string,
  pairs: [string, string][],
  options: Partial<BurstMeasureOptions> = {},
): Promise<Row[]> {
  const opts = { ...DEFAULT_BURST_MEASURE_OPTIONS, ...options };
  const before = await startServiceChild<Urls>("burst", [file, "0"]);
  const after = await startServiceChild<Urls>("burst", [file, String(opts.workers)]);
  try {
    const heavy = await heavyUrl(after.ready.url, pairs, opts.minAnswerBytes);
    await get(before.ready.url, heavy); // the same warm-up for the other side
    const sides = { before: emptySide(), after: emptySide() };
    for (let round = 0; round < opts.rounds; round++) {
      // Which side goes first alternates, so neither always meets the machine in the same state.
      const order: [Side, ServiceChild<Urls>][] = [
        [sides.before, before],
        [sides.after, after],
      ];
      for (const [side, child] of round % 2 === 0 ? order : order.reverse())
        await burstRound(child.ready, heavy, opts, side);
    }
    return rowsOf(tier, sides, heavy, opts);
  } finally {
    await Promise.all([before.stop(), after.stop()]);
  }
}

/** The first pair's mode=all URL whose answer is at least `minBytes` (asking warms the workers up too). */
async function heavyUrl(base: string, pairs: [string, string][], minBytes: number): Promise<string> {
  for (const [from, to] of pairs.slice(0, 20)) {
    const url = `/api/paths?from=${from}&to=${to}&mode=all&maxHops=8&limit=1000`;
    const reply = await get(base, url);
    if (reply.status === 200 && reply.bytes >= minBytes) return url;
  }
  throw new Error(`burst: none of the first 20 pairs answers ${minBytes} bytes or more; use a larger graph`);
}

async function burstRound(urls: Urls, heavy: string, opts: BurstMeasureOptions, side: Side): Promise<void> {
  await get(urls.control, "/?action=start");
  const started = performance.now();
  let done = false;
  const burst = Promise.all(Array.from({ length: opts.burst }, () => get(urls.url, heavy))).finally(
    () => (done = true),
  );
  while (!done) {
    const t = performance.now();
    await get(urls.url, "/api/health");
    side.health.push(performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, opts.probeEveryMs));
  }
  const replies = await burst;
  side.burstMs.push(performance.now() - started);
  const loop = (await getJson(urls.control, "/?action=stop")) as { maxMs: number };
  side.loopMaxMs.push(loop.maxMs);
  for (const reply of replies) {
    if (reply.status === 200) {
      side.ok++;
      side.answerBytes.push(reply.bytes);
    } else if (reply.status === 503 && reply.retryAfter && reply.json) side.refused++;
    else side.failed++;
  }
}

function rowsOf(tier: string, sides: { before: Side; after: Side }, heavy: string, opts: BurstMeasureOptions): Row[] {
  const b = summarize(sides.before.health);
  const a = summarize(sides.after.health);
  const loopBefore = Math.max(...sides.before.loopMaxMs);
  const loopAfter = Math.max(...sides.after.loopMaxMs);
  const what = `${opts.burst} × GET ${heavy.replace(/from=[^&]+&to=[^&]+&/, "")}, ${opts.rounds} rounds per side`;
  const baseline = "path workers off (heavy queries on the event loop)";
  return [
    {
      tier,
      measure: `/api/health p99 during a burst of ${opts.burst} heavy path queries`,
      value: round(a.p99, 1),
      unit: "ms",
      baseline,
      baselineValue: round(b.p99, 1),
      ratio: lowerIsBetter(a.p99, b.p99),
      target: "≤ 50 ms, no failure but JSON 503 + Retry-After",
      met: a.p99 <= 50 && sides.after.failed === 0,
      note: `${what}; ${opts.workers} path worker(s); p50 ${round(a.p50, 1)} ms (off: ${round(b.p50, 1)} ms), max ${round(a.max, 1)} ms (off: ${round(b.max, 1)} ms), ${a.count} probes (off: ${b.count})`,
    },
    {
      tier,
      measure: "event-loop delay max during the burst",
      value: round(loopAfter, 1),
      unit: "ms",
      baseline,
      baselineValue: round(loopBefore, 1),
      ratio: lowerIsBetter(loopAfter, loopBefore),
      note: "monitorEventLoopDelay (5 ms resolution) in the server process, worst round",
    },
    {
      tier,
      measure: "heavy answers during the burst: 200 / JSON 503 / other",
      value: sides.after.ok,
      unit: "200s",
      baseline,
      baselineValue: sides.before.ok,
      note:
        `with workers ${sides.after.ok} / ${sides.after.refused} / ${sides.after.failed}, ` +
        `off ${sides.before.ok} / ${sides.before.refused} / ${sides.before.failed}; ` +
        `answers ${round(summarize(sides.after.answerBytes).p50 / 1e6, 2)} MB; burst answered in ` +
        `${round(summarize(sides.after.burstMs).p50)} ms (off: ${round(summarize(sides.before.burstMs).p50)} ms)`,
    },
  ];
}

function emptySide(): Side {
  return { health: [], loopMaxMs: [], ok: 0, refused: 0, failed: 0, burstMs: [], answerBytes: [] };
}

/** GET on a connection of its own (a burst is that many requests at once); the body is counted, not kept. */
function get(base: string, path: string): Promise<Reply> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, agent: false }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          bytes,
          retryAfter: res.headers["retry-after"] !== undefined,
          json: (res.headers["content-type"] ?? "").startsWith("application/json"),
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

async function getJson(base: string, path: string): Promise<unknown> {
  const res = await fetch(base + path);
  return res.json();
}
