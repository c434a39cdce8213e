/**
 * POST /api/documents with a `url`: the server fetches the page under its fetch options — refusing loopback and
 * private addresses unless it was started to allow them — and adds the page's article.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { startServer, type RunningServer } from "../../../src/server/start.ts";
import { INGEST_ENDPOINT } from "../../../src/server/api/endpoints.ts";
import { makeTempData, type TempData } from "../../helpers/tempData.ts";
import { acmeExtractor } from "../../ingest/fixtureExtractor.ts";
import { startPageServer, type PageServer } from "../../ingest/web/pageServer.ts";
import { expectDocumented, expectError } from "../apiFixture.ts";

describe("server", () => {
  describe("POST /api/documents with a url", () => {
    let pages: PageServer;
    beforeAll(async () => {
      pages = await startPageServer();
    });
    afterAll(() => pages.close());

    describe("on a server started with its defaults", () => {
      let data: TempData;
      let server: RunningServer;
      beforeAll(async () => {
        data = makeTempData();
        server = await startServer({ port: 0, dataRoot: data.root, watch: false, app: { requestLogs: false } });
      });
      afterAll(async () => {
        await server.close();
        data.remove();
      });

      it("refuses a page on loopback with 422, without asking the page server, and adds nothing", async () => {
        const requests = pages.requests.length;
        const version = server.context.served.version;
        const res = await request(server.url)
          .post("/api/documents")
          .send({ url: `${pages.base}/pages/article.html` });
        expectError(res, 422, "unprocessable", /127\.0\.0\.1 is a loopback address/);
        expectDocumented(res, INGEST_ENDPOINT, 422);
        expect(res.body.error.reason).toBe("blocked_address");
        expect(pages.requests.length).toBe(requests);
        expect(server.context.served.version).toBe(version);
      });

      it("refuses a private address inside an IPv4-mapped IPv6 one the same way", async () => {
        const res = await request(server.url).post("/api/documents").send({ url: "http://[::ffff:10.0.0.1]/" });
        expectError(res, 422, "unprocessable", /private network address/);
      });
    });

    describe("on a server started with allowPrivateFetch", () => {
      let data: TempData;
      let server: RunningServer;
      beforeAll(async () => {
        data = makeTempData();
        server = await startServer({
          port: 0,
          dataRoot: data.root,
          watch: false,
          allowPrivateFetch: true,
          extractor: acmeExtractor,
          app: { requestLogs: false },
        });
      });
      afterAll(async () => {
        await server.close();
        data.remove();
      });

      it("adds the page's article with its metadata, the given title winning, and keeps its address", async () => {
        const url = `${pages.base}/pages/jsonld-article.html`;
        const res = await request(server.url).post("/api/documents").send({ url, title: "Storage site opens" });
        expectDocumented(res, INGEST_ENDPOINT, 201);
        expect(res.body.document.title).toBe("Storage site opens");
        const meta = data.read(`documents/${res.body.document.id}.meta.yaml`);
        expect(meta).toContain(`url: ${url}`);
        expect(meta).toContain("published: 2026-02-11");
        expect(meta).toMatch(/outlet: The Valley Courier/);
      });

      it("answers 422 for a page it cannot use, naming why", async () => {
        const res = await request(server.url)
          .post("/api/documents")
          .send({ url: `${pages.base}/image.png` });
        expectError(res, 422, "unprocessable", /image\/png, not a web page/);
        expect(res.body.error.reason).toBe("unsupported_type");
      });

      it("answers 400 for a url that is not http(s), before fetching", async () => {
        const res = await request(server.url).post("/api/documents").send({ url: "file:///etc/passwd" });
        expectError(res, 400, "bad_request", /url: use an http\(s\) URL/);
      });
    });
  });
});
