/**
 * Test helper: a local web server on 127.0.0.1 serving the saved pages and feeds of tests/fixtures/web/, redirect
 * chains, an endless page, and answers of the wrong type — and counting the requests it gets.
 */
import { readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";

const FIXTURES = path.resolve("tests/fixtures/web");
/** Size of each chunk of the endless page. */
const CHUNK = Buffer.from(`<p>${"filler text ".repeat(1000)}</p>\n`);

/** A running page server: its base URL, the paths it was asked for, and how many body bytes it wrote. */
export interface PageServer {
  base: string;
  requests: string[];
  /** Resolves, once the client has closed the endless page's connection, with the bytes written until then. */
  endlessClosed: () => Promise<number>;
  close: () => Promise<void>;
}

/** The fixture `name`, with `{{BASE}}` replaced by the server's own address (feeds link to its pages). */
function fixture(name: string, base: string): Buffer {
  return Buffer.from(readFileSync(path.join(FIXTURES, name), "utf8").replaceAll("{{BASE}}", base));
}

/**
 * Starts the server on an ephemeral loopback port. Routes: `/pages/<fixture>.html`, `/feeds/news.rss|atom`,
 * `/hop/N` (N redirects, then the article page), `/endless` (HTML that never ends), `/declared-large` (a
 * Content-Length over any test limit), `/gzip/<fixture>.html`, `/latin1`, `/image.png`, `/status/<code>`,
 * `/silent` (headers never sent).
 */
export async function startPageServer(): Promise<PageServer> {
  const requests: string[] = [];
  let endless = 0;
  let closeEndless: (bytes: number) => void = () => undefined;
  const endlessClosed = new Promise<number>((resolve) => (closeEndless = resolve));
  let base = "";
  const send = (res: ServerResponse, type: string, body: Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(200, { "content-type": type, "content-length": String(body.length), ...headers });
    res.end(body);
  };
  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    requests.push(url);
    const hop = /^\/hop\/(\d+)$/.exec(url);
    if (url.startsWith("/pages/")) return send(res, "text/html; charset=utf-8", fixture(url.slice(7), base));
    if (url.startsWith("/gzip/"))
      return send(res, "text/html; charset=utf-8", gzipSync(fixture(url.slice(6), base)), {
        "content-encoding": "gzip",
      });
    if (url === "/feeds/news.rss") return send(res, "application/rss+xml", fixture("news.rss", base));
    if (url === "/feeds/news.atom") return send(res, "application/atom+xml; charset=utf-8", fixture("news.atom", base));
    if (hop) {
      const left = Number(hop[1]);
      res.writeHead(302, { location: left > 1 ? `/hop/${left - 1}` : "/pages/article.html" });
      return res.end();
    }
    if (url === "/endless") {
      res.on("close", () => closeEndless(endless));
      return streamForever(res, (bytes) => (endless += bytes));
    }
    if (url === "/declared-large") {
      res.writeHead(200, { "content-type": "text/html", "content-length": String(50 * 1024 * 1024) });
      return res.write("<p>");
    }
    if (url === "/latin1") return send(res, "text/html; charset=iso-8859-1", Buffer.from(latin1Page(), "latin1"));
    if (url === "/image.png") return send(res, "image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    if (url.startsWith("/status/")) {
      res.writeHead(Number(url.slice(8)), { "content-type": "text/html" });
      return res.end("<p>no</p>");
    }
    if (url === "/silent") return; // never answers: the client's time limit has to end it
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    endlessClosed: () => endlessClosed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes HTML chunks for as long as the client reads them (the client has to stop it). */
function streamForever(res: ServerResponse, count: (bytes: number) => void): void {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  const write = () => {
    while (!res.destroyed) {
      count(CHUNK.length);
      if (!res.write(CHUNK)) break;
    }
    if (!res.destroyed) res.once("drain", write);
  };
  write();
}

/** A small article whose accented letters are Latin-1 bytes, not UTF-8. */
function latin1Page(): string {
  const paragraph =
    "Le café de la gare a rouvert après les travaux, et les habitués sont revenus dès le premier matin. ";
  return `<html><head><title>Café</title></head><body><article><p>${paragraph.repeat(6)}</p></article></body></html>`;
}
