/**
 * kg serve: checks the flags, then serves the graph, the API and the web page over HTTP until SIGTERM/SIGINT. The
 * server's modules are imported only once the flags are good, while the graph file is hashed for its snapshot key.
 */
import type { OverviewOptions } from "../../query/overview.ts";
import type { ServeOptions } from "../../server/start.ts";
import { parseHostList } from "../../server/hostGuard.ts";
import { hashFileAhead } from "../../snapshot/key.ts";
import { intOption, parseCommandArgs } from "../args.ts";
import { UsageError, type CommandIO } from "../types.ts";

/** What the environment sets: PORT, HOST, KG_TOKEN and KG_ALLOWED_HOSTS; the command's flags override them. */
export function serveOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<ServeOptions> {
  return {
    ...(env.PORT !== undefined ? { port: Number(env.PORT) } : {}),
    ...(env.HOST !== undefined ? { host: env.HOST } : {}),
    ...(env.KG_TOKEN ? { token: env.KG_TOKEN } : {}),
    ...(env.KG_ALLOWED_HOSTS !== undefined ? { allowedHosts: parseHostList(env.KG_ALLOWED_HOSTS) } : {}),
  };
}

/** The page's full-drawing limits given on the command line (a larger graph opens on its overview). */
function drawLimits(nodes: string | undefined, edges: string | undefined): Partial<OverviewOptions> {
  const fullDrawNodes = intOption(nodes, "--full-draw-nodes", 0, 100_000_000);
  const fullDrawEdges = intOption(edges, "--full-draw-edges", 0, 1_000_000_000);
  return {
    ...(fullDrawNodes !== undefined ? { fullDrawNodes } : {}),
    ...(fullDrawEdges !== undefined ? { fullDrawEdges } : {}),
  };
}

/**
 * The snapshot file a read replica serves (`--snapshot FILE`), checked against the flags it cannot go with; null when
 * not given.
 */
export function replicaSnapshot(values: {
  snapshot?: string;
  "read-only"?: boolean;
  graph?: string;
  data?: string;
  "eager-graph"?: boolean;
}): string | null {
  const file = values.snapshot;
  if (file === undefined) return null;
  if (!file) throw new UsageError("--snapshot needs the path of a snapshot file (graph.snapshot, written by kg build)");
  if (values["read-only"] !== true)
    throw new UsageError("--snapshot serves a read replica, which takes no writes: add --read-only");
  if (values.graph !== undefined || values.data !== undefined)
    throw new UsageError("--snapshot serves the snapshot file alone: drop --graph and --data");
  if (values["eager-graph"])
    throw new UsageError("--eager-graph does not apply to --snapshot: a replica answers from its snapshot at once");
  return file;
}

/** Runs `kg serve` with its arguments; resolves to the exit code. */
export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs(args, {
    port: { type: "string" },
    host: { type: "string" },
    "allowed-hosts": { type: "string" },
    graph: { type: "string" },
    data: { type: "string" },
    "read-only": { type: "boolean" },
    "token-file": { type: "string" },
    "allow-private-fetch": { type: "boolean" },
    "path-workers": { type: "string" },
    "full-draw-nodes": { type: "string" },
    "full-draw-edges": { type: "string" },
    "eager-graph": { type: "boolean" },
    snapshot: { type: "string" },
  });
  const snapshotFile = replicaSnapshot(values);
  const env = serveOptionsFromEnv();
  const options: Partial<ServeOptions> = {
    ...env,
    ...(values.port !== undefined ? { port: intOption(values.port, "--port", 0, 65535) } : {}),
    ...(values.host ? { host: values.host } : {}),
    ...(values["allowed-hosts"] !== undefined ? { allowedHosts: parseHostList(values["allowed-hosts"]) } : {}),
    graphFile: values.graph ?? null,
    dataRoot: values.data,
    readOnly: values["read-only"] ?? false,
    allowPrivateFetch: values["allow-private-fetch"] === true,
    ...(values["path-workers"] !== undefined
      ? { pathWorkers: intOption(values["path-workers"], "--path-workers", 0, 16) }
      : {}),
    draw: drawLimits(values["full-draw-nodes"], values["full-draw-edges"]),
    // Served from the snapshot while the graphology graph is built, unless asked to build it before listening.
    startOnSnapshot: values["eager-graph"] !== true,
    snapshotFile,
  };
  // The graph file's content hash keys its snapshot; hashing it while the server's modules load takes it off the
  // start's critical path (the module loading mostly waits on the TypeScript loader's thread).
  const hashing = values.graph !== undefined ? hashFileAhead(values.graph) : null;
  const [{ serveUntilStopped }] = await Promise.all([import("../serveUntilStopped.ts"), hashing]);
  return serveUntilStopped(options, values["token-file"], io);
}
