import { describe, expect, it } from "vitest";
import { isPublicAddress, refusedAddressReason } from "../../../src/ingest/web/addressPolicy.ts";

describe("ingest/web", () => {
  describe("addressPolicy", () => {
    it.each([
      ["10.0.0.1", /private network/],
      ["172.16.5.4", /private network/],
      ["192.168.1.20", /private network/],
      ["127.0.0.1", /loopback/],
      ["127.8.9.10", /loopback/],
      ["169.254.169.254", /link-local.*metadata/],
      ["100.64.0.1", /carrier-grade NAT/],
      ["0.0.0.0", /unspecified/],
      ["255.255.255.255", /broadcast/],
      ["224.0.0.1", /multicast/],
      ["192.0.2.1", /special-purpose/],
      ["::1", /loopback/],
      ["::", /unspecified/],
      ["fe80::1", /link-local/],
      ["fd00::5", /unique-local/],
      ["fc12:3456::1", /unique-local/],
      ["::ffff:127.0.0.1", /loopback/],
      ["::ffff:10.1.2.3", /private network/],
      ["::ffff:a9fe:a9fe", /link-local/],
      ["64:ff9b::a00:1", /special-purpose/],
      ["2002:7f00:1::", /special-purpose/],
    ])("refuses %s as %s", (address, reason) => {
      expect(refusedAddressReason(address)).toMatch(reason);
      expect(isPublicAddress(address)).toBe(false);
    });

    it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:93.184.216.34"])(
      "allows the public address %s",
      (address) => {
        expect(refusedAddressReason(address)).toBeNull();
        expect(isPublicAddress(address)).toBe(true);
      },
    );

    it("refuses what is not an IP address at all", () => {
      expect(refusedAddressReason("localhost")).toBe("not an IP address");
      expect(refusedAddressReason("")).toBe("not an IP address");
    });
  });
});
