/**
 * Fuzz requests: turns a route and a seeded die into one hostile (or, now and then, valid) HTTP request — missing,
 * repeated and unknown parameters, wrong types, traversal in ids, wrong methods and content types, malformed,
 * deeply nested and oversized JSON.
 */
import { ENTITY_TYPES } from "../../src/model/types.ts";
import { gzipSync } from "node:zlib";
import type { FuzzParam, FuzzRoute } from "./routes.ts";
import {
  Dice,
  HOSTILE_NUMBERS,
  MARKUP,
  TRAVERSALS,
  UNICODE,
  anyJson,
  hostileText,
  longString,
  urlText,
} from "./values.ts";

/** One request to send. `route` names the endpoint it targets, for the per-endpoint tally. */
export interface FuzzRequest {
  route: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** Valid values learnt from the served graph and from earlier answers (ingests add documents and relations). */
export interface KnownValues {
  nodeIds: string[];
  labels: string[];
  predicates: string[];
  documentIds: string[];
  relationIds: string[];
  mergeIds: string[];
  /** Keys of the served graph's edges, for the read routes that take one (GET /api/graph/edges/:id). */
  edgeIds: string[];
  /** Ids of the overview's groups (the communities), for GET /api/graph/groups/:id. */
  groupIds: string[];
}

/** Expensive requests the generator may still make (each is decremented when used). */
export interface RequestAllowance {
  /** Well-formed documents that reach the extractor (about a second each). */
  validIngests: number;
  /** Bodies over the server's JSON limit. */
  oversized: number;
  /** Real relation or merge ids given to accept/reject/revert (each rewrites decisions and rebuilds the graph). */
  validDecisions: number;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"];
const CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "application/json; charset=utf-16",
  "application/json; charset=latin1",
  "application/vnd.api+json",
  "application/json, text/html",
  "*/*",
  "text/html",
  "application/xml",
];
const MALFORMED_JSON = [
  "{",
  '{"title":',
  '{"title": "a",}',
  "{'title': 'a'}",
  "[1,2",
  "NaN",
  "undefined",
  '{"a":1}{"b":2}',
  '"just a string"',
  "123",
  "null",
  "true",
  '{"text":"a\u0000b"}',
  '{"title":"t","text":"\\ud800"}',
  '{"title":"t","text":"\\u0000"}',
  "\ufeff{}",
  '{"__proto__":{"polluted":true},"title":"t","text":"x"}',
  '{"constructor":{"prototype":{"polluted":true}}}',
];
const UNKNOWN_PARAMS = ["foo=1", "q[]=a", "q[a]=b", "__proto__[x]=1", "constructor=1", "a.b=1", "=1", "&&&", "%=%"];
// Unicode a valid document may hold (no control characters, no lone surrogates).
const PRINTABLE_UNICODE = UNICODE.filter((u) => /^[^\p{Cc}\p{Cs}\u2028]+$/u.test(u));
const DOCUMENT_FIELDS = ["title", "text", "author", "date", "outlet", "url"];

/** Builds requests for routes from one seeded die. */
export class RequestFactory {
  readonly #dice: Dice;
  readonly #known: KnownValues;
  readonly #allowance: RequestAllowance;
  #ingestCount = 0;
  // Share of a request's parameters that are hostile; most requests are all noise, some are nearly valid so that
  // the fuzzer also reaches the code behind validation.
  #hostileRate = 0.45;

  constructor(dice: Dice, known: KnownValues, allowance: RequestAllowance) {
    this.#dice = dice;
    this.#known = known;
    this.#allowance = allowance;
  }

  /** A request for `route`: usually its own method, with hostile path, query, headers and body. */
  build(route: FuzzRoute): FuzzRequest {
    const d = this.#dice;
    this.#hostileRate = d.chance(0.35) ? 0.03 : 0.45;
    const method = d.chance(0.8) ? route.method : d.pick(METHODS);
    const path = this.#fillPath(route.path) + this.#query(route.query);
    const headers: Record<string, string> = {};
    if (d.chance(0.05)) headers["if-none-match"] = d.pick(['"g1"', '"g2"', "*", "W/x"]);
    if (d.chance(0.05))
      headers.authorization = d.pick(["Bearer x", "Basic Zm9vOmJhcg==", `Bearer ${longString(3000)}`]);
    if (d.chance(0.03)) headers.accept = d.pick(["text/html", "application/xml", "*/*;q=0", "\u00e9"]);
    const wantsBody = method === "POST" || method === "PUT" || method === "PATCH" || d.chance(0.05);
    const req: FuzzRequest = { route: `${route.method} ${route.path}`, method, path, headers };
    if (wantsBody) this.#addBody(req, route);
    return req;
  }

  /** A request to an /api path that no route serves, or that tries to climb out of /api. */
  unknownEndpoint(): FuzzRequest {
    const d = this.#dice;
    const path = d.pick([
      `/api/${urlText(hostileText(d), d.chance(0.5))}`,
      `/api/${d.pick(TRAVERSALS)}`,
      `/api/nodes/${d.pick(TRAVERSALS)}/${d.pick(TRAVERSALS)}`,
      "/api/nodes",
      "/api/nodes/",
      "/api//health",
      "/api/health/",
      "/api/HEALTH",
      "/api/relations/x/approve",
      "/api/documents/x/y",
      `/api/..%2f..%2fgraph-data%2fentities.yaml`,
      `/api/%2e%2e/%2e%2e/package.json`,
    ]);
    const req: FuzzRequest = { route: "unknown", method: d.pick(METHODS), path, headers: {} };
    if (req.method === "POST") this.#addBody(req, null);
    return req;
  }

  #fillPath(template: string): string {
    return template.replace(/:(\w+)/g, () => {
      const d = this.#dice;
      const roll = d.float();
      if (roll >= this.#hostileRate) return urlText(this.#validId(template), false);
      if (roll < this.#hostileRate / 2) return d.pick(TRAVERSALS);
      return urlText(hostileText(d), d.chance(0.3)) || "%20";
    });
  }

  #validId(template: string): string {
    const k = this.#known;
    const d = this.#dice;
    if (template.includes("/documents")) return d.pick(k.documentIds);
    if (template.includes("/graph/edges")) return d.pick(k.edgeIds);
    if (template.includes("/graph/groups")) return d.pick(k.groupIds);
    const decides = template.includes("/relations") || template.includes("/merges");
    if (!decides) return d.pick(k.nodeIds);
    const pool = template.includes("/merges") ? k.mergeIds : k.relationIds;
    if (pool.length === 0 || this.#allowance.validDecisions <= 0) return d.pick(k.nodeIds);
    this.#allowance.validDecisions--;
    return d.pick(pool);
  }

  #query(params: FuzzParam[]): string {
    const d = this.#dice;
    const parts: string[] = [];
    // Now and then the required parameters alone: an export's options constrain each other (part only with csv, base
    // only with turtle, depth only with node, …), so with half of them present it passed validation about once in a
    // hundred requests, and a seed could starve it.
    const bare = d.chance(0.05);
    for (const p of params) {
      // Optional parameters are left out half the time: endpoints whose options exclude each other (an export's ego
      // and path subsets) are then reached past validation too.
      if (bare && !p.required) continue;
      if (d.chance(p.required ? this.#hostileRate / 3 : Math.max(this.#hostileRate / 3, 0.5))) continue;
      const count = d.chance(this.#hostileRate / 5) ? d.int(2, 3) : 1;
      for (let i = 0; i < count; i++) parts.push(`${p.name}=${this.#paramValue(p)}`);
    }
    if (params.length === 0 && d.chance(0.5))
      parts.push(`${d.pick(["q", "format", "limit", "id", "depth"])}=${urlText(hostileText(d), d.chance(0.3))}`);
    if (d.chance(this.#hostileRate / 4)) parts.push(d.pick(UNKNOWN_PARAMS));
    if (d.chance(this.#hostileRate / 15)) parts.push(`${urlText(longString(2000), false)}=1`);
    if (parts.length === 0) return d.chance(0.1) ? d.pick(["?", "?&", "?="]) : "";
    const ordered = d.chance(0.2) ? parts.reverse() : parts;
    return `?${ordered.join("&")}`;
  }

  #paramValue(p: FuzzParam): string {
    const d = this.#dice;
    if (!d.chance(this.#hostileRate)) return urlText(this.#validParam(p), false);
    const roll = d.float();
    if (roll < 0.35) return urlText(d.pick(HOSTILE_NUMBERS), true);
    if (roll < 0.55) return d.pick(TRAVERSALS);
    if (roll < 0.7) return urlText(`${this.#validParam(p)},${hostileText(d)}`, false);
    return urlText(hostileText(d), d.chance(0.2));
  }

  /** A value the schema accepts (mostly): an enum member, a number in range, an entity or predicate name. */
  #validParam(p: FuzzParam): string {
    const d = this.#dice;
    const k = this.#known;
    const { schema } = p;
    if (schema.enum && schema.enum.length > 0) return String(d.pick(schema.enum));
    if (schema.type === "integer" || schema.type === "number") {
      const min = schema.minimum ?? 0;
      const max = Math.min(schema.maximum ?? 100, min + 1000);
      const value = d.int(min, max);
      return schema.type === "number" && max - min <= 1 ? (min + d.float() * (max - min)).toFixed(2) : String(value);
    }
    // Whole numbers sent as text (export's depth and k, minSupport), days (since, until), an IRI (export's base), and
    // entity type lists: without them, a route taking several such parameters almost never got past validation.
    if (schema.pattern === "^\\d+$" || schema.pattern === "^\\d{1,7}$") return String(d.int(1, 3));
    if (schema.pattern === "^\\d{4}-\\d{2}-\\d{2}$") return d.pick(["2022-02-24", "2022-03-15", "2023-01-01"]);
    if (p.name === "base") return "https://example.org/kg/";
    if (/^types?$/.test(p.name)) return d.pick(ENTITY_TYPES);
    if (/predicate/i.test(p.name)) return d.chance(0.8) ? d.pick(k.predicates) : k.predicates.slice(0, 3).join(",");
    if (/exclude/i.test(p.name)) return d.pick(k.nodeIds);
    if (d.chance(0.5)) return d.pick(k.labels);
    return d.pick(k.nodeIds);
  }

  #addBody(req: FuzzRequest, route: FuzzRoute | null): void {
    const d = this.#dice;
    const isIngest = route?.path === "/api/documents" && req.method === "POST";
    let text: string | Buffer;
    if (isIngest && this.#allowance.validIngests > 0 && d.chance(0.04)) {
      this.#allowance.validIngests--;
      text = JSON.stringify(this.#validDocument());
    } else if (!isIngest && route && d.chance(0.4)) {
      text = d.pick(["{}", "", " "]);
    } else {
      text = this.#hostileBody();
    }
    const body = typeof text === "string" ? Buffer.from(text, "utf8") : text;
    req.headers["content-type"] = d.chance(0.7) ? "application/json" : d.pick(CONTENT_TYPES);
    if (d.chance(0.03)) {
      const encoding = d.pick(["gzip", "deflate", "br", "x-zip", "identity"]);
      req.headers["content-encoding"] = encoding;
      req.body = encoding === "gzip" ? gzipSync(body) : body;
      return;
    }
    if (body.length > 0 || d.chance(0.5)) req.body = body;
  }

  #hostileBody(): string | Buffer {
    const d = this.#dice;
    const roll = d.float();
    if (roll < 0.01 && this.#allowance.oversized > 0) {
      this.#allowance.oversized--;
      return JSON.stringify({ title: "big", text: longString(2_500_000, "big ") });
    }
    if (roll < 0.4) {
      const fields = DOCUMENT_FIELDS.filter(() => d.chance(0.6));
      return JSON.stringify(Object.fromEntries(fields.map((f) => [f, d.chance(0.5) ? hostileText(d) : anyJson(d)])));
    }
    if (roll < 0.6) return JSON.stringify(anyJson(d));
    if (roll < 0.8) return d.pick(MALFORMED_JSON);
    if (roll < 0.83)
      return d.chance(0.5)
        ? `${"[".repeat(50_000)}${"]".repeat(50_000)}`
        : `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`;
    if (roll < 0.9) return Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x22, 0xc3, 0x28, 0x7d]);
    return `title=${encodeURIComponent(d.pick(MARKUP))}&text=x`;
  }

  /** A document the writer accepts: known names (so the extractor finds relations), markup and unicode as text. */
  #validDocument(): Record<string, string> {
    const d = this.#dice;
    const k = this.#known;
    const n = ++this.#ingestCount;
    const names = [d.pick(k.labels), d.pick(k.labels), d.pick(k.labels)];
    const text = [
      `${names[0]} met ${names[1]} on Monday and said the plan ${d.pick(MARKUP)} was agreed.`,
      `${names[2]} opposed ${names[0]}, according to a statement ${d.pick(PRINTABLE_UNICODE)}.`,
      `Fuzz document ${n}.`,
    ].join(" ");
    return {
      title: `${d.pick(MARKUP)} ${n}`,
      text,
      date: "2026-01-0" + ((n % 9) + 1),
      url: "https://example.org/fuzz",
    };
  }
}
