/**
 * kg serve reads the environment at its edge: the server's defaults are constants, the command maps PORT, HOST,
 * KG_TOKEN and KG_ALLOWED_HOSTS onto them.
 */
import { describe, expect, it } from "vitest";
import { serveOptionsFromEnv } from "../../src/cli/commands/serve.ts";
import { DEFAULT_SERVE_OPTIONS } from "../../src/server/start.ts";

describe("kg serve", () => {
  describe("serveOptionsFromEnv", () => {
    it("sets nothing when the environment sets nothing", () => {
      expect(serveOptionsFromEnv({})).toEqual({});
    });

    it("maps PORT, HOST, KG_TOKEN and KG_ALLOWED_HOSTS onto the serve options", () => {
      const env = { PORT: "8080", HOST: "0.0.0.0", KG_TOKEN: "secret", KG_ALLOWED_HOSTS: "a.example, .b.example" };
      expect(serveOptionsFromEnv(env)).toEqual({
        port: 8080,
        host: "0.0.0.0",
        token: "secret",
        allowedHosts: ["a.example", ".b.example"],
      });
    });

    it("ignores an empty KG_TOKEN", () => {
      expect(serveOptionsFromEnv({ KG_TOKEN: "" })).toEqual({});
    });
  });

  it("leaves the server's defaults free of the environment", () => {
    expect(DEFAULT_SERVE_OPTIONS).toMatchObject({ port: 3000, host: "127.0.0.1", token: null, allowedHosts: [] });
  });
});
