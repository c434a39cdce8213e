import { describe, expect, it } from "vitest";
import { kindOf, requestPool } from "../../bench/loadMix.ts";
import { combineRounds, growth, loadVerdict, throughputRatio, type ServerFigures } from "../../bench/loadVerdict.ts";
import { mulberry32 } from "../../src/util/random.ts";

const MB = 1024 * 1024;

function figures(overrides: Partial<ServerFigures> = {}): ServerFigures {
  return combineRounds(
    [{ requests: 3000, seconds: 30, errors: 0, timeouts: 0, non2xx: 0 }],
    overrides.rssAfterWarmup ?? 600 * MB,
    overrides.rssEnd ?? 610 * MB,
  );
}

describe("load test", () => {
  describe("combineRounds", () => {
    it("sums the rounds and divides all requests by all measured seconds", () => {
      const combined = combineRounds(
        [
          { requests: 3000, seconds: 30, errors: 1, timeouts: 0, non2xx: 2 },
          { requests: 1500, seconds: 30, errors: 0, timeouts: 3, non2xx: 0 },
        ],
        100,
        120,
      );
      expect(combined).toEqual({
        requests: 4500,
        seconds: 60,
        errors: 1,
        timeouts: 3,
        non2xx: 2,
        requestsPerSecond: 75,
        rssAfterWarmup: 100,
        rssEnd: 120,
      });
    });

    it("reports no throughput for no measured time", () => {
      expect(combineRounds([], 1, 1).requestsPerSecond).toBe(0);
    });
  });

  describe("growth and throughputRatio", () => {
    it("give the relative change of memory and ours over bare", () => {
      expect(growth(200, 220)).toBeCloseTo(0.1);
      expect(growth(200, 180)).toBeCloseTo(-0.1);
      const bare = figures();
      const ours = combineRounds([{ requests: 1500, seconds: 30, errors: 0, timeouts: 0, non2xx: 0 }], 1, 1);
      expect(throughputRatio(ours, bare)).toBe(0.5);
      expect(throughputRatio(ours, combineRounds([], 1, 1))).toBe(0);
    });
  });

  describe("loadVerdict", () => {
    const clean = { invalid: 0, differing: 0 };

    it("passes a run without errors, with steady memory and ours at least half the bare throughput", () => {
      expect(loadVerdict(figures(), figures(), clean)).toEqual([]);
    });

    it("fails on errors, timeouts or non-2xx answers of either server", () => {
      const bad = { ...figures(), errors: 2, timeouts: 1 };
      const failures = loadVerdict(figures(), { ...bad, non2xx: 4 }, clean);
      expect(failures).toEqual(["bare: 2 errors", "bare: 1 timeouts", "bare: 4 non-2xx answers"]);
      expect(loadVerdict({ ...figures(), non2xx: 1 }, figures(), clean)).toEqual(["ours: 1 non-2xx answers"]);
    });

    it("fails when requests were invalid in the pre-check or answered differently on the two servers", () => {
      expect(loadVerdict(figures(), figures(), { invalid: 3, differing: 1 })).toEqual([
        "3 generated requests were not 2xx in the pre-check",
        "1 sampled requests answered differently on the two servers",
      ]);
    });

    it("fails when our memory grew more than the limit after warm-up, but not when it shrank", () => {
      const grown = figures({ rssAfterWarmup: 600 * MB, rssEnd: 661 * MB });
      expect(loadVerdict(grown, figures(), clean)).toEqual(["ours: rss grew 10.2% (limit 10.0%)"]);
      expect(loadVerdict(grown, figures(), clean, { maxRssGrowth: 0.2 })).toEqual([]);
      expect(loadVerdict(figures({ rssEnd: 300 * MB }), figures(), clean)).toEqual([]);
    });

    it("fails when our throughput is below the smallest allowed share of the bare server's", () => {
      const ours = combineRounds([{ requests: 1200, seconds: 30, errors: 0, timeouts: 0, non2xx: 0 }], 1, 1);
      expect(loadVerdict(ours, figures(), clean)).toEqual(["throughput ours/bare 0.40 (limit 0.5)"]);
      expect(loadVerdict(ours, figures(), clean, { minRatio: 0.4 })).toEqual([]);
    });
  });

  describe("the mix", () => {
    it("draws the five kinds of URL in roughly their shares, and only the four others without exports", () => {
      const labels = ["Alpha Beta", "Gamma Delta Epsilon"];
      const pool = requestPool({ nodes: 1000, pool: 4000 }, labels, true, mulberry32(1));
      const share = (kind: string) => pool.filter((url) => kindOf(url) === kind).length / pool.length;
      expect(share("paths")).toBeCloseTo(0.25, 1);
      expect(share("search")).toBeCloseTo(0.25, 1);
      expect(share("nodes")).toBeCloseTo(0.25, 1);
      expect(share("neighbors")).toBeCloseTo(0.1, 1);
      expect(share("export")).toBeCloseTo(0.15, 1);
      const withoutExports = requestPool({ nodes: 1000, pool: 400 }, labels, false, mulberry32(1));
      expect(withoutExports.some((url) => kindOf(url) === "export")).toBe(false);
    });

    it("names each URL's kind by its route", () => {
      expect(kindOf("/api/paths?from=n1&to=n2")).toBe("paths");
      expect(kindOf("/api/search?q=al&limit=10")).toBe("search");
      expect(kindOf("/api/graph/nodes/n3")).toBe("nodes");
      expect(kindOf("/api/nodes/n3/neighbors?depth=1&limit=100")).toBe("neighbors");
      expect(kindOf("/api/export?format=gexf&node=n3&depth=1")).toBe("export");
    });
  });
});
