import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchError } from "../../../src/ingest/web/fetchError.ts";
import { safeFetch } from "../../../src/ingest/web/safeFetch.ts";
import { startPageServer, type PageServer } from "./pageServer.ts";

/** The test server is on loopback: every fetch that should reach it allows private addresses explicitly. */
const LOCAL = { allowPrivate: true };

/** The FetchError `promise` rejects with (fails the test when it resolves or throws something else). */
async function refusal(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe("ingest/web", () => {
  describe("safeFetch", () => {
    let pages: PageServer;
    beforeAll(async () => {
      pages = await startPageServer();
    });
    afterAll(() => pages.close());

    it("fetches a page and decodes it", async () => {
      const page = await safeFetch(`${pages.base}/pages/article.html`, "html", LOCAL);
      expect(page).toMatchObject({ url: `${pages.base}/pages/article.html`, mediaType: "text/html" });
      expect(page.text).toContain("Harbour council backs new ferry terminal");
    });

    describe("private addresses", () => {
      it("refuses the loopback server without allowPrivate, before sending it anything", async () => {
        const before = pages.requests.length;
        const error = await refusal(safeFetch(`${pages.base}/pages/article.html`, "html"));
        expect(error.reason).toBe("blocked_address");
        expect(error.message).toMatch(/127\.0\.0\.1 is a loopback address.*--allow-private/);
        expect(pages.requests.length).toBe(before);
      });

      it.each([
        ["http://10.0.0.1/news", /10\.0\.0\.1 is a private network address/],
        ["http://169.254.169.254/latest/meta-data/", /link-local/],
        ["http://[::1]/", /::1 is a loopback address/],
        ["http://[::ffff:127.0.0.1]/", /loopback/],
        ["http://2130706433/", /127\.0\.0\.1 is a loopback/], // the URL parser reads a bare number as IPv4
        ["http://0x7f.1/", /127\.0\.0\.1 is a loopback/],
      ])("refuses %s", async (url, message) => {
        const error = await refusal(safeFetch(url, "html"));
        expect(error.reason).toBe("blocked_address");
        expect(error.message).toMatch(message);
      });

      it("refuses a host name whose DNS answer holds one private address among public ones", async () => {
        const resolve = () =>
          Promise.resolve([
            { address: "93.184.216.34", family: 4 },
            { address: "192.168.0.10", family: 4 },
          ]);
        const error = await refusal(safeFetch("http://news.example/a", "html", { resolve }));
        expect(error.message).toMatch(/news\.example resolves to 192\.168\.0\.10, a private network address/);
      });

      it("connects to the address it checked, not to a second DNS answer", async () => {
        let lookups = 0;
        // A rebinding resolver: the first answer (checked) is the test server, any later one another address.
        const resolve = () => Promise.resolve([{ address: lookups++ === 0 ? "127.0.0.1" : "10.9.9.9", family: 4 }]);
        const port = new URL(pages.base).port;
        const page = await safeFetch(`http://news.example:${port}/pages/bare-article.html`, "html", {
          ...LOCAL,
          resolve,
        });
        expect(page.text).toContain("Millbrook rowing club");
        expect(lookups).toBe(1);
      });

      it("refuses a redirect to a private address", async () => {
        const resolve = () => Promise.resolve([{ address: "127.0.0.1", family: 4 }]);
        // allowPrivate is off, so even the first hop (a name resolving to loopback) is refused: each hop is checked.
        const error = await refusal(safeFetch("http://news.example/hop/1", "html", { resolve }));
        expect(error.reason).toBe("blocked_address");
      });
    });

    describe("redirects", () => {
      it("follows a chain of redirects up to the limit", async () => {
        const page = await safeFetch(`${pages.base}/hop/3`, "html", { ...LOCAL, maxRedirects: 3 });
        expect(page.url).toBe(`${pages.base}/pages/article.html`);
        expect(page.text).toContain("ferry terminal");
      });

      it("refuses one redirect over the limit", async () => {
        const error = await refusal(safeFetch(`${pages.base}/hop/4`, "html", { ...LOCAL, maxRedirects: 3 }));
        expect(error.reason).toBe("too_many_redirects");
        expect(error.message).toMatch(/more than 3 redirects/);
      });
    });

    describe("size", () => {
      it("stops downloading a page at the first byte past the limit", async () => {
        const maxBytes = 64 * 1024;
        const error = await refusal(safeFetch(`${pages.base}/endless`, "html", { ...LOCAL, maxBytes }));
        expect(error.reason).toBe("too_large");
        expect(error.message).toMatch(/larger than 65536 bytes/);
        // The client closed the connection of a page that never ends, after little more than the limit (what sat in
        // the socket buffers when it stopped reading).
        expect(await pages.endlessClosed()).toBeLessThan(16 * 1024 * 1024);
      });

      it("refuses a declared Content-Length over the limit without reading the body", async () => {
        const error = await refusal(safeFetch(`${pages.base}/declared-large`, "html", { ...LOCAL, maxBytes: 1024 }));
        expect(error.reason).toBe("too_large");
      });

      it("counts the limit after decompression", async () => {
        const page = await safeFetch(`${pages.base}/gzip/article.html`, "html", LOCAL);
        expect(page.text).toContain("ferry terminal");
        const error = await refusal(safeFetch(`${pages.base}/gzip/article.html`, "html", { ...LOCAL, maxBytes: 2048 }));
        expect(error.reason).toBe("too_large");
      });
    });

    describe("what comes back", () => {
      it("refuses what is not a web page, naming its type", async () => {
        const error = await refusal(safeFetch(`${pages.base}/image.png`, "html", LOCAL));
        expect(error.reason).toBe("unsupported_type");
        expect(error.message).toMatch(/image\/png, not a web page/);
      });

      it("refuses a web page where a feed is wanted, and a feed where a page is", async () => {
        expect((await refusal(safeFetch(`${pages.base}/pages/article.html`, "feed", LOCAL))).reason).toBe(
          "unsupported_type",
        );
        expect((await refusal(safeFetch(`${pages.base}/feeds/news.rss`, "html", LOCAL))).reason).toBe(
          "unsupported_type",
        );
      });

      it("refuses an error status, naming it", async () => {
        const error = await refusal(safeFetch(`${pages.base}/status/404`, "html", LOCAL));
        expect(error.reason).toBe("http_status");
        expect(error.message).toMatch(/answered 404/);
      });

      it("decodes a page in the character set its header names", async () => {
        const page = await safeFetch(`${pages.base}/latin1`, "html", LOCAL);
        expect(page.text).toContain("Le café de la gare a rouvert après les travaux");
      });

      it("gives up on a server that does not answer within the time limit", async () => {
        const error = await refusal(safeFetch(`${pages.base}/silent`, "html", { ...LOCAL, timeoutMs: 300 }));
        expect(error.reason).toBe("timeout");
        expect(error.message).toMatch(/within 0\.3 s/);
      });
    });

    describe("addresses", () => {
      it.each([
        ["file:///etc/passwd", /only http and https/],
        ["ftp://files.example/a.html", /only http and https/],
        ["not a url", /is not a URL/],
      ])("refuses %s", async (url, message) => {
        const error = await refusal(safeFetch(url, "html"));
        expect(error.reason).toBe("invalid_url");
        expect(error.message).toMatch(message);
      });

      it("says when a host name does not resolve", async () => {
        const resolve = () => Promise.reject(Object.assign(new Error("no such host"), { code: "ENOTFOUND" }));
        const error = await refusal(safeFetch("http://nowhere.example/", "html", { resolve }));
        expect(error.reason).toBe("dns");
        expect(error.message).toMatch(/cannot resolve the host nowhere\.example \(ENOTFOUND\)/);
      });
    });
  });
});
