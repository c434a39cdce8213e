// Hash worker: the sha1 of a file (workerData.file), read and hashed on its own thread so that the start of a server
// loads its modules meanwhile (hashFileAhead in ./key.ts). Plain JavaScript, so it needs no TypeScript loader.
import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

const hash = createHash("sha1");
const chunk = Buffer.alloc(workerData.chunkBytes);
const fd = openSync(workerData.file, "r");
try {
  for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
} finally {
  closeSync(fd);
}
parentPort.postMessage(hash.digest("hex"));
