/**
 * kg serve --snapshot: a read replica's flags are checked before anything starts, and a snapshot it cannot serve
 * stops it with a non-zero exit code and a message saying what to give instead.
 */
import { describe, expect, it, vi } from "vitest";
import { replicaSnapshot } from "../../src/cli/commands/serve.ts";
import { UsageError } from "../../src/cli/types.ts";
import { kg } from "../helpers/kg.ts";
import { useTempFiles } from "../helpers/tempFiles.ts";

// The page is not what is tested: no Vite build however old web/dist is.
vi.mock("../../src/server/webBuild.ts", () => ({ ensureWebBuild: async () => ({ type: "fresh" }) }));

describe("kg serve", () => {
  describe("--snapshot", () => {
    const temp = useTempFiles("kg-serve-replica-");

    it("is a usage error without --read-only, saying to add it", async () => {
      const run = await kg("serve", "--snapshot", temp.path("graph.snapshot"));
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/--snapshot serves a read replica, which takes no writes: add --read-only/);
    });

    it("goes with neither --graph, --data nor --eager-graph", () => {
      const base = { snapshot: "graph.snapshot", "read-only": true };
      expect(replicaSnapshot(base)).toBe("graph.snapshot");
      expect(replicaSnapshot({})).toBeNull();
      expect(() => replicaSnapshot({ ...base, graph: "g.json" })).toThrow(/drop --graph and --data/);
      expect(() => replicaSnapshot({ ...base, data: "graph-data" })).toThrow(UsageError);
      expect(() => replicaSnapshot({ ...base, "eager-graph": true })).toThrow(/--eager-graph does not apply/);
      expect(() => replicaSnapshot({ ...base, snapshot: "" })).toThrow(/needs the path of a snapshot file/);
    });

    it("exits non-zero on a missing snapshot, naming it", async () => {
      const missing = temp.path("absent.snapshot");
      const run = await kg("serve", "--read-only", "--snapshot", missing, "--port", "0", "--host", "127.0.0.1");
      expect(run.code).toBe(1);
      expect(run.err).toContain(`kg serve: read replica: cannot serve ${missing}: snapshot: there is no snapshot`);
      expect(run.out).toBe("");
    });
  });
});
