/**
 * Test fixture: a client in its own process (so that its requests arrive at the server together, as real clients'
 * do) that sends `count` requests to `heavyPath` at once, then `/api/health` ten times in a row while they run, and
 * prints `{ health: [{ status, heavyDoneBefore }…], answers: [{ status, type, retryAfter, code }…] }` as one JSON
 * line, where `heavyDoneBefore` counts the heavy answers of status 200 that had arrived when that health answer did.
 */
import { request } from "node:http";

const [port, heavyPath, count] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4])];

interface Answer {
  status: number;
  type: string;
  retryAfter: string | null;
  code: string | null;
  ms: number;
}

/**
 * Sends a GET for `path`; with `held`, the request is written only once `held` resolves (after its socket has
 * connected), so that a burst's requests reach the server together even when this process is starved for CPU.
 */
function get(path: string, held?: { connected: () => void; release: Promise<void> }): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => {
        const code = res.statusCode === 200 ? null : (JSON.parse(body) as { error: { code: string } }).error.code;
        const retryAfter = (res.headers["retry-after"] as string | undefined) ?? null;
        const type = res.headers["content-type"] ?? "";
        resolve({ status: res.statusCode ?? 0, type, retryAfter, code, ms: performance.now() - started });
      });
    });
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error("no answer within 30 s")));
    if (!held) {
      req.end();
      return;
    }
    req.on("socket", (socket) => socket.once("connect", held.connected));
    void held.release.then(() => req.end());
  });
}

let heavyDone = 0;
let connected = 0;
let release = () => {};
let allConnected = () => {};
const released = new Promise<void>((resolve) => (release = resolve));
const ready = new Promise<void>((resolve) => (allConnected = resolve));
const held = { connected: () => ++connected === count && allConnected(), release: released };
const burst = Array.from({ length: count }, () =>
  get(heavyPath, held).then((answer) => {
    if (answer.status === 200) heavyDone++;
    return answer;
  }),
);
await ready;
release();
await new Promise((resolve) => setTimeout(resolve, 20));
const health: { status: number; heavyDoneBefore: number }[] = [];
for (let i = 0; i < 10; i++) health.push({ status: (await get("/api/health")).status, heavyDoneBefore: heavyDone });
const answers = (await Promise.all(burst)).map(({ ms: _ms, ...answer }) => answer);
process.stdout.write(JSON.stringify({ health, answers }) + "\n");
